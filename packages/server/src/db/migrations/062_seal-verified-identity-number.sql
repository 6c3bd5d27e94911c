-- The identity number VNeID verified is personal data sealed at rest like every other one (issue 20,
-- point 5; privacy/field-protection.ts): the stored value is a ciphertext, so its shape is checked by
-- the code that writes it, no longer by the column.
alter table verified_identity drop constraint if exists verified_identity_citizen_id_check;
