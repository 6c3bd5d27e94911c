-- Online payment of dossier fees through a VNPay-protocol gateway (the real one, or the built-in
-- sandbox): one row per payment order (vnp_TxnRef), and an append-only log of every callback the
-- gateway made (browser return and server-to-server IPN), accepted or rejected.

create table payment (
  id uuid primary key,
  province_code text not null,
  dossier_code text not null,
  -- vnp_TxnRef: unique per order; a new attempt after a failure gets a new one (VNPay rule).
  order_ref text not null unique,
  -- Integer đồng (VNPay carries it ×100).
  amount bigint not null check (amount > 0),
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'cancelled')),
  gateway text not null check (gateway in ('vnpay')),
  payer_id uuid not null,
  order_info text not null,
  created_at timestamptz not null,
  -- vnp_ExpireDate: the gateway refuses the order after this.
  expires_at timestamptz not null,
  -- From the IPN: vnp_TransactionNo, vnp_BankCode, vnp_BankTranNo, vnp_CardType, vnp_ResponseCode, vnp_PayDate.
  gateway_txn_no text,
  bank_code text,
  bank_txn_no text,
  card_type text,
  response_code text,
  pay_date timestamptz,
  -- When the IPN settled it (paid, failed or cancelled).
  settled_at timestamptz,
  paid_at timestamptz,
  receipt_number text unique,
  -- sha256 of the receipt PDF in the files store (owned by the payer).
  receipt_file_id text,
  foreign key (province_code, dossier_code) references dossier (province_code, code),
  check ((status = 'paid') = (paid_at is not null))
);
create index payment_dossier_idx on payment (province_code, dossier_code, created_at desc);
create index payment_paid_idx on payment (province_code, paid_at) where status = 'paid';

-- Receipt numbers (Số biên lai), 7 digits, one sequence for the collector's electronic series.
create sequence payment_receipt_number_seq;

create table payment_callback_log (
  id bigserial primary key,
  province_code text not null,
  kind text not null check (kind in ('return', 'ipn')),
  -- vnp_TxnRef as sent (not trusted when the signature is bad).
  order_ref text,
  raw_query text not null,
  -- paid | failed | cancelled | shown | invalid_signature | order_not_found | invalid_amount | already_confirmed | error
  verdict text not null,
  -- What the IPN answered (RspCode); null for browser returns.
  rsp_code text,
  remote_ip text,
  at timestamptz not null
);
create index payment_callback_log_order_idx on payment_callback_log (province_code, order_ref, at);
create trigger payment_callback_log_append_only before update or delete on payment_callback_log
  for each row execute function forbid_change();
