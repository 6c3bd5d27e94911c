-- SMS that leave the building (issue 18 point 4): the SMPP gateway (notifications/smpp-channel.ts)
-- drains sms_outbox. Each row is now followed to the handset: 'pending' → 'sent' (every part
-- accepted by the SMSC) → 'delivered' / 'failed' (the delivery receipts of its parts).
--
-- priority: 0 goes first. Every caller of queueSms (identity/sms-outbox.ts) writes one-time codes
-- and keeps the default; the notification dispatcher writes its notices at 1, so a code never waits
-- behind a burst of dossier notices.
alter table sms_outbox
  add column priority smallint not null default 0,
  add column attempts integer not null default 0,
  -- Null: due now. Set to a lease while a gateway submits it, then to the next retry after a refusal.
  add column next_attempt_at timestamptz,
  add column last_error text,
  add column delivered_at timestamptz;

alter table sms_outbox drop constraint sms_outbox_status_check;
alter table sms_outbox
  add constraint sms_outbox_status_check check (status in ('pending', 'sent', 'delivered', 'failed'));

drop index sms_outbox_pending_idx;
create index sms_outbox_due_idx on sms_outbox (province_code, priority, id) where status = 'pending';

-- One row per part the SMSC accepted (a long message goes as several concatenated parts). A retry
-- after a refused part submits only the parts without a row, so a part is never sent twice; the
-- SMSC's message id is what its delivery receipt names.
create table sms_part (
  province_code text not null,
  sms_id bigint not null references sms_outbox (id),
  seq smallint not null,
  parts smallint not null,
  message_id text not null,
  state text not null default 'accepted' check (state in ('accepted', 'delivered', 'failed')),
  submitted_at timestamptz not null,
  done_at timestamptz,
  primary key (sms_id, seq)
);
create index sms_part_message_idx on sms_part (province_code, message_id);

-- Zalo (issue 18 point 5): a citizen who opted in gets dossier notices as Zalo Notification Service
-- template messages instead of SMS; a ZNS message that fails falls back to an SMS.
alter table notification_delivery drop constraint notification_delivery_channel_check;
alter table notification_delivery
  add constraint notification_delivery_channel_check check (channel in ('in_app', 'web_push', 'email', 'sms', 'zns'));

-- A citizen's choice of channels for dossier notices. No row: the defaults (SMS, no Zalo).
create table notification_preference (
  province_code text not null,
  user_id uuid not null,
  zalo boolean not null default false,
  updated_at timestamptz not null,
  primary key (province_code, user_id)
);
