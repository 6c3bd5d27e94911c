import { type EnglishVocabulary, localizeFieldErrors, messageLocaleOf, procedureDefinitions } from '@dvc/domain';
import type { FastifyRequest } from 'fastify';

let vocabulary: EnglishVocabulary | undefined;

/**
 * The field messages of an answer in the language the request asks for (`Accept-Language: en`),
 * Vietnamese by default. Fields are named in English by the built-in procedures' English names;
 * a message the table cannot say whole in English stays Vietnamese.
 */
export function fieldMessages<E extends { message: string }>(errors: readonly E[], request: FastifyRequest): E[] {
  const locale = messageLocaleOf(request.headers['accept-language']);
  if (locale === 'vi') return [...errors];
  vocabulary ??= procedureDefinitions.englishVocabularyOf(procedureDefinitions.BUILT_IN_DEFINITIONS);
  return localizeFieldErrors(errors, locale, vocabulary);
}
