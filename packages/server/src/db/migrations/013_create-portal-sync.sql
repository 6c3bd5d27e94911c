-- National public-service portal sync: every dossier change is written here in the transaction of
-- the change (a transactional outbox of its own), then posted to the portal by a pg-boss job.
create table portal_sync_message (
  id bigserial primary key,
  province_code text not null,
  -- The idempotency key the portal sees (X-Message-Id): a retry carries the same id.
  message_id uuid not null unique,
  dossier_code text not null,
  -- The dossier event's sequence number: messages of one dossier are posted in this order, and
  -- queueing the same event twice adds nothing.
  seq integer not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (province_code, dossier_code, seq)
);
create index portal_sync_message_due_idx on portal_sync_message (next_attempt_at) where status = 'pending';
create index portal_sync_message_status_idx on portal_sync_message (province_code, status, id);

-- The local stand-in for the portal (default mode): what it received, once per message id.
create table portal_received_message (
  id bigserial primary key,
  province_code text not null,
  message_id uuid not null unique,
  dossier_code text not null,
  seq integer not null,
  payload jsonb not null,
  received_at timestamptz not null
);
