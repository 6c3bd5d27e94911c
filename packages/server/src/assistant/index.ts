/**
 * The assistant capability's entry point (issue 19): a chatbot that answers from the catalog, the
 * working calendar and — with the lookup's second factor or a session — a dossier's state.
 */

export { assistantRoutes } from './assistant.routes';
export { type AssistantQuestion, type AssistantReply, answerMessage } from './assistant.service';
