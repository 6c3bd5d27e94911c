-- The assistant's conversations (issue 19 point 6), owned by the assistant capability: kept 30 days
-- from the last message (retention category 'assistant_conversations', privacy/retention.ts), and
-- read back by officers as the questions it could not answer. No personal data: the text is stored
-- with identity numbers, phone numbers and lookup factors masked (assistant/masking.ts).
create table assistant_conversation (
  id uuid primary key,
  province_code text not null,
  channel text not null check (channel in ('chat', 'voice')),
  -- The procedure last talked about, so "còn lệ phí?" follows on.
  procedure_code text,
  created_at timestamptz not null,
  last_at timestamptz not null
);
create index assistant_conversation_last_idx on assistant_conversation (province_code, last_at);

create table assistant_message (
  id bigserial primary key,
  province_code text not null,
  conversation_id uuid not null references assistant_conversation (id) on delete cascade,
  at timestamptz not null,
  -- As asked, masked.
  question text not null,
  -- Folded words of the masked question: the same question asked with or without diacritics groups.
  question_key text not null,
  -- As answered, masked (a dossier's state is not kept: only that one was given).
  answer text not null,
  intent text not null,
  confident boolean not null,
  procedure_code text
);
create index assistant_message_conversation_idx on assistant_message (conversation_id);
create index assistant_message_declined_idx on assistant_message (province_code, intent, question_key);
