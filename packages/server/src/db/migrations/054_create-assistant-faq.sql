-- Answers written by the province's administrators for questions the catalog does not answer
-- (issue 19 point 3): the assistant searches them as it searches the catalog.
create table assistant_faq (
  id uuid primary key,
  province_code text not null,
  question text not null,
  answer text not null,
  procedure_code text,
  created_at timestamptz not null,
  created_by uuid not null
);
create index assistant_faq_province_idx on assistant_faq (province_code, created_at);
