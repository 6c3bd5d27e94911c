-- Targets administered in the app (issue 13 point 3): per procedure group (procedure set), unit level
-- and period. A change never overwrites: the rows it replaces are marked superseded and stay, so the
-- history of decisions (what was in force, as decided when) is kept. report_target remains the seed's
-- reference data; the reports read report_target_version.

create table report_target_version (
  id bigserial primary key,
  province_code text not null,
  group_code text not null,
  -- The level of the units classified against it; null: every level.
  unit_level text check (unit_level in ('province', 'district', 'commune')),
  valid_from date not null,
  -- Exclusive; null: until further notice.
  valid_to date,
  online_rate numeric(5, 4) not null check (online_rate > 0 and online_rate <= 1),
  legal_basis text not null check (length(legal_basis) between 1 and 1000),
  recorded_at timestamptz not null,
  -- null: loaded by the seed.
  recorded_by uuid,
  superseded_at timestamptz,
  superseded_by_change bigint,
  check (valid_to is null or valid_to > valid_from),
  foreign key (province_code, group_code) references report_procedure_group (province_code, code)
);
create index report_target_version_current on report_target_version (province_code, group_code, valid_from)
  where superseded_at is null;

insert into report_target_version (province_code, group_code, unit_level, valid_from, valid_to, online_rate, legal_basis, recorded_at)
  select province_code, group_code, null, valid_from, valid_to, online_rate, legal_basis, now() from report_target;
