-- Issue 18 point 3: what VNeID verified about a citizen (the national population database), kept
-- from their last VNeID sign-in so the filing form can be filled from it and the ID-card copy waived;
-- and, on a dossier, the components waived because the identity was verified (the desk sees why
-- the paper is missing).
create table verified_identity (
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  citizen_id text not null check (citizen_id ~ '^[0-9]{12}$'),
  full_name text not null,
  -- YYYY-MM-DD as VNeID gives it (birthdate claim); null when not given.
  birth_date text check (birth_date ~ '^\d{4}-\d{2}-\d{2}$'),
  sex text check (sex in ('male', 'female')),
  residence text,
  verified_at timestamptz not null,
  primary key (province_code, user_id)
);

-- 'verified-identity': no file, the identity verified through VNeID stands for the paper.
alter table dossier_attachment add column waived_by text check (waived_by in ('verified-identity'));
