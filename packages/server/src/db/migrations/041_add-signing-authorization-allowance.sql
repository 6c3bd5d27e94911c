-- An officer's standing signing authorization counts the signatures it still allows (issue 16): the
-- SAD's allowance is kept at the signing service, so without this the app could only learn it was
-- used up by a refused signature. Rows from before (no count) allow none: the officer enters a new OTP.
alter table signing_officer_authorization add column signatures_left integer not null default 0;
