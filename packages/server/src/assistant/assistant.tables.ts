import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Tables of the assistant capability (053_create-assistant-conversations.sql, 054_create-assistant-faq.sql).
 * A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
 */
export type AssistantTables = {
  assistantConversation: AssistantConversationTable;
  assistantMessage: AssistantMessageTable;
  assistantFaq: AssistantFaqTable;
};

export interface AssistantConversationTable {
  id: string;
  provinceCode: string;
  channel: 'chat' | 'voice';
  procedureCode: string | null;
  createdAt: Date;
  lastAt: Date;
}

export interface AssistantMessageTable {
  id: Generated<string>;
  provinceCode: string;
  conversationId: string;
  at: Date;
  question: string;
  questionKey: string;
  answer: string;
  intent: string;
  confident: boolean;
  procedureCode: string | null;
}

export interface AssistantFaqTable {
  id: string;
  provinceCode: string;
  question: string;
  answer: string;
  procedureCode: string | null;
  createdAt: Date;
  createdBy: string;
}

export type AssistantDb = Kysely<Database & AssistantTables>;

export function withAssistantTables(db: Kysely<Database>): AssistantDb {
  return db.withTables<AssistantTables>();
}
