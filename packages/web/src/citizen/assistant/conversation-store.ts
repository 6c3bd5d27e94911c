/**
 * The chat's conversation on this device (issue 19 point 3): its id (the server keeps the
 * conversation 30 days under it) and the messages as shown, so a reload or a later visit finds them.
 * The lookup's phone digits are never kept here.
 */
export interface ChatSource {
  procedureCode: string | null;
  field: string;
}
export interface ChatAction {
  label: string;
  href: string;
}
export interface ChatMessage {
  from: 'user' | 'assistant';
  text: string;
  confident?: boolean;
  intent?: string;
  sources?: ChatSource[];
  actions?: ChatAction[];
}
export interface StoredConversation {
  conversationId?: string;
  messages: ChatMessage[];
}

const KEY = 'dvc.assistant';
/** The last messages only: a long chat does not fill the device's storage. */
const MAX_MESSAGES = 60;

export function loadConversation(): StoredConversation {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as StoredConversation | null;
    if (parsed && Array.isArray(parsed.messages)) return parsed;
  } catch {
    // unreadable or private mode: a new conversation
  }
  return { messages: [] };
}

export function saveConversation(conversation: StoredConversation): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...conversation, messages: conversation.messages.slice(-MAX_MESSAGES) }));
  } catch {
    // storage full or refused: the conversation lasts this visit
  }
}

export function forgetConversation(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
