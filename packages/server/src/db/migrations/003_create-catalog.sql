-- The procedure catalog of a province. Definitions ship with the code (packages/domain/src/procedures)
-- and are upserted at start; `active` is left alone by that upsert so an administrator can withdraw one.
create table procedure (
  province_code text not null,
  code text not null,
  slug text not null,
  name text not null,
  name_en text not null,
  topic text not null,
  -- Folded (no diacritics, lower case) name + code + topic label: search matches each query word in it.
  search_text text not null,
  definition jsonb not null,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  constraint procedure_province_code_key unique (province_code, code),
  constraint procedure_province_slug_key unique (province_code, slug)
);

create index procedure_province_topic_idx on procedure (province_code, topic);
