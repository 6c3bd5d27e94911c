-- Issue 18 point 6: results sent by the public postal service. One shipment per dossier (a retry
-- or a double tap finds the row and sends it again under the same idempotency key, so the postal
-- service makes one order); its tracking number once the order exists; the delivery status followed
-- until delivered.
create table postal_shipment (
  id uuid primary key,
  province_code text not null,
  dossier_id uuid not null references dossier (id) on delete cascade,
  dossier_code text not null,
  -- Sent as the Idempotency-Key of the order request: the same key is the same order.
  idempotency_key uuid not null,
  recipient_name text not null,
  recipient_phone text,
  address text not null,
  destination text not null check (destination in ('same-province', 'other-province')),
  weight_class text not null,
  -- Integer đồng from the rate table (postage.ts), shown to the citizen before filing.
  fee integer not null check (fee >= 0),
  -- pending: no order yet (being created or to be retried); then the postal service's states.
  status text not null default 'pending'
    check (status in ('pending', 'created', 'picked_up', 'in_transit', 'delivered', 'returned')),
  tracking_number text,
  attempts integer not null default 0,
  -- The next try to create the order (pending) or to ask its status (after).
  next_attempt_at timestamptz not null,
  last_error text,
  created_at timestamptz not null,
  ordered_at timestamptz,
  delivered_at timestamptz,
  unique (province_code, dossier_id),
  unique (province_code, tracking_number)
);
create index postal_shipment_due_idx on postal_shipment (province_code, next_attempt_at)
  where status not in ('delivered', 'returned');
