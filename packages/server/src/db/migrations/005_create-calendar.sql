-- Working-day calendar: the administrator's corrections of the computed holiday proposal
-- (the government's swapped days, extra days off). The proposal itself is computed, not stored.
create table calendar_override (
  province_code text not null,
  date date not null,
  kind text not null check (kind in ('day_off', 'working_day')),
  name text not null check (length(name) between 1 and 200),
  -- Where the decision was read (notice number, article); free text for people.
  source text not null default '',
  -- True while nobody has checked the entry against the official notice.
  needs_verification boolean not null default false,
  updated_by text,
  updated_at timestamptz not null default now(),
  unique (province_code, date)
);

-- The years whose official data the seed has loaded, so that a row an administrator deleted is
-- not brought back on the next start.
create table calendar_seed_year (
  province_code text not null,
  year integer not null,
  seeded_at timestamptz not null default now(),
  primary key (province_code, year)
);
