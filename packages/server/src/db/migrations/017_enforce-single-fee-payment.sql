-- A dossier's fee is collected once. Concurrent "pay" taps each passed the service's check and
-- opened an order, and the IPN accepted every one of them, so the rule now lives here: at most one
-- open order ('pending') and at most one paid order per dossier.
--
-- Two new states: 'superseded', an order replaced by a newer one (it expired, or the fee changed),
-- which the gateway may still complete until its vnp_ExpireDate; 'refund_due', money the gateway
-- took for a dossier whose fee was already paid: no receipt, listed in the officers'
-- reconciliation so that it is refunded.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
  check (status in ('pending', 'paid', 'failed', 'cancelled', 'superseded', 'refund_due'));

-- For a refund_due order: the order that did collect the fee.
alter table payment add column paid_order_ref text;
-- vnp_IpAddr as first sent: every hand-out of the order is then the very same signed URL.
alter table payment add column client_ip text;

-- Fees collected more than once before this migration: the first paid order keeps the fee, the
-- later ones are to be refunded (their receipt numbers stay, for the collector to cancel them).
update payment p
set status = 'refund_due', paid_at = null, paid_order_ref = k.order_ref
from (
  select distinct on (province_code, dossier_code) province_code, dossier_code, id, order_ref
  from payment
  where status = 'paid'
  order by province_code, dossier_code, paid_at, order_ref
) k
where p.status = 'paid' and p.province_code = k.province_code and p.dossier_code = k.dossier_code and p.id <> k.id;

-- Open orders: only the newest stays open, and none once the fee is paid.
update payment p
set status = 'superseded'
where p.status = 'pending'
  and exists (
    select 1 from payment q
    where q.province_code = p.province_code and q.dossier_code = p.dossier_code and q.id <> p.id
      and (q.status = 'paid' or (q.status = 'pending' and (q.created_at, q.order_ref) > (p.created_at, p.order_ref)))
  );

create unique index payment_one_open_per_dossier on payment (province_code, dossier_code) where status = 'pending';
create unique index payment_one_paid_per_dossier on payment (province_code, dossier_code) where status = 'paid';
create index payment_refund_due_idx on payment (province_code, settled_at) where status = 'refund_due';
