-- The register's key of the business name a dossier asks for (domain businessNameKey: case, spacing and
-- tone placement aside), written at filing, so that "another open dossier asks for this name" is one
-- indexed lookup at filing and at reception instead of reading every open dossier's form.
alter table dossier add column business_name_key text;

create index dossier_business_name_key on dossier (province_code, agency_code, business_name_key)
  where business_name_key is not null;
