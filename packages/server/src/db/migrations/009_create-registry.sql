-- Register of household businesses (sổ đăng ký hộ kinh doanh) and the results issued for dossiers.
--
-- household_business: one row per registered household business, the current version; every version
-- (registration, each change, termination) is also kept, append-only, in household_business_version.
-- Names are unique per registering authority among active businesses (terminated names are free
-- again: Decree 168/2025/NĐ-CP art. 86, formerly 01/2021 art. 88); the key is businessNameKey().

create table household_business (
  id uuid primary key,
  province_code text not null,
  registration_number text not null,
  -- The registering authority (a commune People's Committee since 1 Jul 2025), e.g. UBND.21025.
  authority_agency_code text not null,
  authority_unit_code text not null,
  name text not null,
  name_key text not null,
  status text not null check (status in ('active', 'terminated')),
  owner_name text not null,
  owner_citizen_id text not null,
  address text not null,
  -- The commune of the seat.
  unit_code text not null,
  business_lines jsonb not null,
  capital bigint not null check (capital >= 0),
  employees integer,
  registered_at timestamptz not null,
  changed_at timestamptz,
  change_count integer not null default 0,
  terminated_at timestamptz,
  source_dossier_code text not null,
  version integer not null default 1,
  unique (province_code, registration_number)
);
create unique index household_business_active_name
  on household_business (province_code, authority_agency_code, name_key) where status = 'active';
create index household_business_authority on household_business (province_code, authority_agency_code, registered_at desc);

create table household_business_version (
  household_business_id uuid not null references household_business (id),
  province_code text not null,
  version integer not null,
  event text not null check (event in ('registered', 'changed', 'terminated')),
  dossier_code text not null,
  at timestamptz not null,
  snapshot jsonb not null,
  primary key (household_business_id, version)
);
create trigger household_business_version_append_only before update or delete on household_business_version
  for each row execute function forbid_change();

-- The registration numbers of each registering authority (a per-authority serial).
create table household_business_sequence (
  province_code text not null,
  authority_agency_code text not null,
  last_value integer not null,
  primary key (province_code, authority_agency_code)
);

-- Results issued for dossiers: the PDF (by its SHA-256 in the blob store) and the opaque code of
-- its public verification page (/xac-minh/<code>). `summary` holds only the non-personal facts the
-- verification page may show. A dossier has at most one result of each kind.
create table dossier_result (
  id bigserial primary key,
  province_code text not null,
  dossier_code text not null,
  kind text not null check (kind in ('certificate', 'acknowledgement', 'notice')),
  file_id text not null check (file_id ~ '^[0-9a-f]{64}$'),
  verification_code text not null,
  issued_at timestamptz not null,
  electronic boolean not null,
  digitized boolean not null,
  household_business_id uuid references household_business (id),
  summary jsonb not null,
  unique (province_code, dossier_code, kind),
  unique (verification_code)
);
create trigger dossier_result_append_only before update or delete on dossier_result
  for each row execute function forbid_change();
