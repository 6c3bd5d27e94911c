import {
  foldVietnamese,
  isKnownTopic,
  PROCEDURE_TOPICS,
  ProcedureDefinition,
  type ProcedureTopic,
  procedureDefinitions,
  topicLabel,
} from '@dvc/domain';
import type { AppContext } from '../http/context';
import {
  countActiveByTopic,
  findActiveGroupMembers,
  findActiveProcedure,
  findCurrentVersionNumber,
  findProcedureVersion,
} from './catalog.repository';
import { matching, publishedCatalog } from './catalog-index';

/** Rows are read back through the domain schema: a stored definition that no longer fits is a bug, not data. */
function parse(definition: unknown): ProcedureDefinition {
  return ProcedureDefinition.parse(definition);
}

/** Words of a free-text query, folded the same way as the stored search text. */
export function queryWords(q: string | undefined): string[] {
  return foldVietnamese(q ?? '')
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

export interface ProcedurePage {
  items: ProcedureDefinition[];
  /** How many published procedures match, over all pages. */
  total: number;
}

/**
 * One page of the published procedures matching a free-text query (folded: with or without
 * diacritics), a topic, an interlinked group, in list order (topic, name, code). Served from the
 * in-memory index of the catalog (catalog-index.ts), exact as of the last committed change.
 */
export async function listProcedures(
  ctx: AppContext,
  filter: { q?: string; topic?: ProcedureTopic; group?: string; limit: number; offset: number },
): Promise<ProcedurePage> {
  const entries = await publishedCatalog(ctx.db, ctx.config.PROVINCE_CODE);
  const found = matching(entries, { words: queryWords(filter.q), topic: filter.topic, group: filter.group });
  return { items: found.slice(filter.offset, filter.offset + filter.limit).map((e) => e.facts), total: found.length };
}

/**
 * The active procedure with this code in the province's catalog (its catalog facts), or undefined.
 * Kept for CACHE_MS: a procedure withdrawn by an administrator stops being listed by callers of
 * this within that time. Filing reads the current version instead (`currentProcedureVersion`).
 */
export async function findProcedureByCode(ctx: AppContext, code: string): Promise<ProcedureDefinition | undefined> {
  const perDb = cache.get(ctx.db) ?? new Map<string, { at: number; procedure: ProcedureDefinition | undefined }>();
  cache.set(ctx.db, perDb);
  const key = `${ctx.config.PROVINCE_CODE}:${code}`;
  const hit = perDb.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.procedure;
  const row = await findActiveProcedure(ctx.db, ctx.config.PROVINCE_CODE, code);
  const procedure = row === undefined ? undefined : parse(row);
  perDb.set(key, { at: Date.now(), procedure });
  return procedure;
}

const CACHE_MS = 60_000;
const cache = new WeakMap<object, Map<string, { at: number; procedure: ProcedureDefinition | undefined }>>();

export interface ProcedureVersion {
  version: number;
  definition: procedureDefinitions.ProcedureDefinition;
  /** The catalog facts of this version (routing, fee, components, due time still read them). */
  facts: ProcedureDefinition;
}

/** Parsed definitions per database, province, code and version: a version never changes, so neither does this. */
const versions = new WeakMap<object, Map<string, Promise<ProcedureVersion | undefined>>>();

/**
 * One version of a procedure, whether or not it is published now: a dossier is shown and validated
 * by the version it was filed under, forever.
 */
export function procedureVersion(ctx: AppContext, code: string, version: number): Promise<ProcedureVersion | undefined> {
  const perDb = versions.get(ctx.db) ?? new Map<string, Promise<ProcedureVersion | undefined>>();
  versions.set(ctx.db, perDb);
  const key = `${ctx.config.PROVINCE_CODE}:${code}:${version}`;
  const hit = perDb.get(key);
  if (hit) return hit;
  const loading = findProcedureVersion(ctx.db, ctx.config.PROVINCE_CODE, code, version).then((stored) => {
    if (stored === undefined) return undefined;
    // Parsed again on the way out: a stored version that no longer fits the format is a bug, not data.
    const definition = procedureDefinitions.ProcedureDefinition.parse(stored);
    return { version, definition, facts: procedureDefinitions.catalogFactsOf(definition) };
  });
  perDb.set(key, loading);
  // An absent version may be written later, and a failed read must not stick: only a found one is kept.
  loading.then(
    (found) => {
      if (!found) perDb.delete(key);
    },
    () => perDb.delete(key),
  );
  return loading;
}

/**
 * The version new filings use, for a published procedure only. The pointer is read each time (a new
 * version or a withdrawal applies at once, on every server); the definition comes from the cache.
 */
export async function currentProcedureVersion(ctx: AppContext, code: string): Promise<ProcedureVersion | undefined> {
  const version = await findCurrentVersionNumber(ctx.db, ctx.config.PROVINCE_CODE, code);
  return version === undefined ? undefined : procedureVersion(ctx, code, version);
}

/** The current versions of the published members of an interlinked group, in the group's order. */
export async function currentGroupMembers(ctx: AppContext, group: string): Promise<ProcedureVersion[]> {
  const members = await findActiveGroupMembers(ctx.db, ctx.config.PROVINCE_CODE, group);
  const found = await Promise.all(members.map((m) => procedureVersion(ctx, m.code, m.currentVersion)));
  return found.filter((v): v is ProcedureVersion => v !== undefined);
}

/**
 * The six known topics with their labels and counts (zero included), then every other topic of the
 * active procedures, named by their definitions.
 */
export async function listTopics(ctx: AppContext) {
  const counted = await countActiveByTopic(ctx.db, ctx.config.PROVINCE_CODE);
  const count = new Map(counted.map((c) => [c.topic, c.count]));
  const known = PROCEDURE_TOPICS.map((t) => ({ id: t.id, label: t.label, count: count.get(t.id) ?? 0 }));
  const others = counted
    .filter((c) => !isKnownTopic(c.topic))
    .map((c) => ({ id: c.topic, label: topicLabel(c.topic, c.name), count: c.count }));
  return [...known, ...others];
}
