import type { Generated } from 'kysely';

/**
 * Tables of the assistant capability (053_create-assistant-conversations.sql, 054_create-assistant-faq.sql).
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
