-- A citizen's language for dossier notices (issue 15): 'en' for a citizen who reads the app in
-- English (their SMS, Zalo, e-mail and in-app notices are built from the English templates);
-- Vietnamese is the default, so every existing citizen keeps what they had.
alter table notification_preference
  add column language text not null default 'vi' check (language in ('vi', 'en'));

-- The language each delivery was written in: an English e-mail gets its link and footer in English.
alter table notification_delivery
  add column language text not null default 'vi' check (language in ('vi', 'en'));
