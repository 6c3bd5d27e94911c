-- Administrative units of both eras (reference data, loaded by admin-units.seed.ts from a data file).
-- A code can mean one unit before 1 Jul 2025 and another after: a unit is keyed by (code, valid_from).
-- valid_from null = before the data begins; valid_to is exclusive, null = still valid.
create table admin_unit (
  id serial primary key,
  code text not null,
  name text not null,
  full_name text not null,
  name_folded text not null,
  kind text not null check (kind in ('province', 'city', 'town', 'district', 'ward', 'commune', 'township', 'special_zone')),
  level text not null check (level in ('province', 'district', 'commune')),
  parent_code text,
  valid_from date,
  valid_to date,
  constraint admin_unit_code_valid_from_key unique nulls not distinct (code, valid_from),
  constraint admin_unit_period_check check (valid_from is null or valid_to is null or valid_to > valid_from)
);
create index admin_unit_parent_idx on admin_unit (parent_code);
create index admin_unit_level_idx on admin_unit (level);

-- Old unit (before 1 Jul 2025) → new unit it went to; an old unit split among several has several rows.
create table admin_unit_mapping (
  old_code text not null,
  new_code text not null,
  primary key (old_code, new_code)
);
create index admin_unit_mapping_new_idx on admin_unit_mapping (new_code);
