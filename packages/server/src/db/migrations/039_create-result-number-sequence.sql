-- The numbers of the results printed by the generic `certificate` issuer (issue 12): a serial per
-- issuing agency and calendar year (in Vietnam), like the registration serial of household businesses
-- (009). The row is taken FOR UPDATE by the issuing transaction, so numbers have no gaps or repeats.
create table result_number_sequence (
  province_code text not null,
  agency_code text not null,
  year integer not null check (year between 2000 and 2999),
  last_value integer not null check (last_value > 0),
  primary key (province_code, agency_code, year)
);
