-- Notifications: a transactional outbox written with the state change, the deliveries it expands
-- into (one row per channel and recipient), in-app notifications, Web Push subscriptions, the
-- VAPID key pair, and the deadline reminders already sent.

create table outbox_message (
  id bigserial primary key,
  province_code text not null,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null,
  -- Set when the message has been expanded into notification_delivery rows.
  dispatched_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_message_pending_idx on outbox_message (id) where dispatched_at is null;

-- The unique key (outbox_id, channel, recipient) is what makes a second expansion after a crash
-- add nothing: a message is delivered at most once per channel and recipient.
create table notification_delivery (
  id bigserial primary key,
  province_code text not null,
  outbox_id bigint not null references outbox_message (id),
  channel text not null check (channel in ('in_app', 'web_push', 'email', 'sms')),
  recipient text not null,
  -- The user the delivery is for (null for an address without an account).
  user_id uuid,
  dossier_code text,
  -- Rendered once at expansion: a retry sends exactly the same text.
  title text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (outbox_id, channel, recipient)
);
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where status = 'pending';
create index notification_delivery_failed_idx on notification_delivery (province_code, id desc) where status = 'failed';

create table notification (
  id bigserial primary key,
  province_code text not null,
  user_id uuid not null,
  dossier_code text,
  title text not null,
  body text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  -- One in-app notification per delivery, even if the delivery is retried.
  delivery_id bigint unique references notification_delivery (id)
);
create index notification_user_idx on notification (province_code, user_id, id desc);
create index notification_unread_idx on notification (province_code, user_id) where read_at is null;

create table push_subscription (
  id bigserial primary key,
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  endpoint text not null,
  keys jsonb not null,
  created_at timestamptz not null,
  unique (province_code, endpoint)
);
create index push_subscription_user_idx on push_subscription (province_code, user_id);

-- Generated once per province on first use; the public key is what browsers subscribe with.
create table vapid_key (
  province_code text primary key,
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null
);

-- One reminder per dossier, due time and kind: an apology moves the due time, and the new date
-- gets its own reminders.
create table deadline_reminder (
  province_code text not null,
  dossier_id uuid not null references dossier (id),
  due_at timestamptz not null,
  kind text not null check (kind in ('due_soon', 'overdue')),
  created_at timestamptz not null,
  primary key (dossier_id, due_at, kind)
);
