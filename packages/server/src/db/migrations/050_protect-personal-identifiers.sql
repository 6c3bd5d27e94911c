-- Identity and phone numbers at rest (issue 20 point 5). The columns that held them in clear now
-- hold them sealed (AES-256-GCM, 'pd1.<key id>.<iv|ciphertext|tag>', privacy/protection-keys.ts);
-- the keys are in a file outside the database. Where rows are looked up by such a value, its blind
-- index (HMAC-SHA256 with a key of its own) sits beside it in <column>_bidx and the lookups compare
-- that: the sealed values differ at each write. The app seals the rows already there at its next
-- start (privacy/protection-backfill.ts): SQL cannot, it has no keys.

alter table user_account add column phone_bidx text;
create unique index user_account_phone_bidx_key on user_account (province_code, phone_bidx);

alter table sign_up add column phone_bidx text;
-- Indexes on the sealed values would serve no lookup: the blind indexes take their place.
drop index sign_up_phone_idx;
create index sign_up_phone_bidx_idx on sign_up (province_code, phone_bidx, created_at desc);

alter table one_time_code add column phone_bidx text;
drop index one_time_code_lookup_idx;
create index one_time_code_phone_bidx_idx on one_time_code (province_code, phone_bidx, purpose, created_at desc);

alter table phone_code_quota add column phone_bidx text;
create unique index phone_code_quota_phone_bidx_key on phone_code_quota (province_code, phone_bidx);

alter table sms_outbox add column phone_bidx text;
create index sms_outbox_phone_bidx_idx on sms_outbox (province_code, phone_bidx);

-- A sealed identity number is not 12 digits: the VNeID claim is checked where it comes in.
alter table citizen_identity_link drop constraint citizen_identity_link_citizen_id_check;
alter table citizen_identity_link add column citizen_id_bidx text;
create unique index citizen_identity_link_citizen_id_bidx_key on citizen_identity_link (province_code, citizen_id_bidx);

-- A delivery is made once per recipient: the unique key compares the recipients' blind indexes.
alter table notification_delivery add column recipient_bidx text;
create unique index notification_delivery_recipient_bidx_key on notification_delivery (outbox_id, channel, recipient_bidx);

-- The key id the last full pass over the stored values sealed them all with: a start whose current
-- key is this one has nothing to seal again (rows written since were sealed as they were written).
create table personal_data_protection (
  id boolean primary key default true check (id),
  key_id text not null,
  finished_at timestamptz not null
);
