-- Agencies administered in the app (issue 13 point 1): what kind of body each is, under which parent,
-- its one-stop desk, office hours and dossier code prefix, and the period it is valid in. Closing an
-- agency sets valid_to and keeps the row: dossiers, roles and reports of a closed agency still name it.
-- An officer on leave keeps the account but receives no new dossiers (issue 13 point 2, handover).

alter table agency add column kind text not null default 'other'
  check (kind in ('public_service_centre', 'commune_people_committee', 'district_people_committee',
                  'department_industry_trade', 'commune_police', 'social_insurance_agency', 'other'));
alter table agency add column parent_code text;
alter table agency add column valid_from date;
alter table agency add column valid_to date;
alter table agency add column code_prefix text;
-- { name, address, phone } of the one-stop desk (bộ phận một cửa); null: the agency has none.
alter table agency add column desk jsonb;
-- { periods: [{ start: 'HH:MM', end: 'HH:MM' }] } of a working day; null: the province's default.
alter table agency add column office_hours jsonb;
alter table agency add constraint agency_period_check check (valid_to is null or valid_from is null or valid_to > valid_from);
alter table agency add constraint agency_parent_fk foreign key (province_code, parent_code) references agency (province_code, code);

update agency set kind = case
  when code like 'CA.%' then 'commune_police'
  when code like 'UBND.H%' then 'district_people_committee'
  when code like 'UBND.%' then 'commune_people_committee'
  when code = 'SCT' then 'department_industry_trade'
  when code = 'BHXH' then 'social_insurance_agency'
  when code = 'TTPVHCC' then 'public_service_centre'
  else 'other' end;
-- The district People's Committees ended with the district level (two-tier reform, 1 Jul 2025).
update agency set valid_to = date '2025-07-01' where code like 'UBND.H%';
update agency set valid_from = date '2025-07-01' where code like 'CA.%' or (code like 'UBND.%' and code not like 'UBND.H%');

alter table user_account add column on_leave_since timestamptz;
