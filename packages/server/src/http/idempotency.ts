import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { problem } from './problem';

/**
 * Idempotency-Key (IETF httpapi draft) for creating POSTs. The key is stored per user with a hash of
 * the request: a retry with the same body replays the first answer; a different body → 422; a retry
 * while the first is still running → 409. A claim whose holder crashed expires after LEASE_MS and can be
 * taken over, so a crash never blocks the citizen's outbox for good. Keys are kept 30 days — longer
 * than the phone's outbox keeps an unsent dossier.
 */
const LEASE_MS = 30_000;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer };

export function readIdempotencyKey(request: FastifyRequest): string {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) {
    throw problem(400, 'idempotency-key-required', 'Thiếu khóa chống gửi trùng (Idempotency-Key)', {
      errors: [{ field: 'headers.idempotency-key', message: 'Bắt buộc với yêu cầu tạo hồ sơ' }],
    });
  }
  const trimmed = key.replace(/^"|"$/g, '');
  if (!KEY_PATTERN.test(trimmed)) {
    throw problem(400, 'idempotency-key-invalid', 'Khóa chống gửi trùng không hợp lệ', {
      errors: [{ field: 'headers.idempotency-key', message: 'Từ 8 đến 200 ký tự chữ, số, - _ . :' }],
    });
  }
  return trimmed;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface KeyRef {
  provinceCode: string;
  userId: string;
  key: string;
}

/** Claims the key for this request, or says to replay, or throws 409/422. */
export async function claimIdempotencyKey(db: Db, ref: KeyRef, hash: string, now: Date): Promise<Claim> {
  const lockedUntil = new Date(now.getTime() + LEASE_MS);
  const inserted = await db
    .insertInto('idempotencyKey')
    .values({
      ...ref,
      requestHash: hash,
      state: 'in_flight',
      lockedUntil,
      responseStatus: null,
      responseBody: null,
      createdAt: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'claimed' };

  const row = await findKey(db, ref);
  if (!row) throw inFlight(); // released between the insert and this read: the retry may try again
  if (row.requestHash !== hash) throw keyReused();
  if (row.state === 'done') return { kind: 'replay', answer: { status: row.responseStatus ?? 200, body: row.responseBody } };
  // In flight: take it over only if its holder's lease ran out (it crashed or timed out).
  const taken = await db
    .updateTable('idempotencyKey')
    .set({ lockedUntil })
    .where('provinceCode', '=', ref.provinceCode)
    .where('userId', '=', ref.userId)
    .where('key', '=', ref.key)
    .where('state', '=', 'in_flight')
    .where('lockedUntil', '<', now)
    .returning('key')
    .executeTakeFirst();
  if (taken) return { kind: 'claimed' };
  throw inFlight();
}

/** Stores the answer; call inside the transaction that made the change so both commit together. */
export async function completeIdempotencyKey(db: Db, ref: KeyRef, answer: StoredAnswer): Promise<void> {
  await db
    .updateTable('idempotencyKey')
    .set({ state: 'done', responseStatus: answer.status, responseBody: JSON.stringify(answer.body) })
    .where('provinceCode', '=', ref.provinceCode)
    .where('userId', '=', ref.userId)
    .where('key', '=', ref.key)
    .execute();
}

/** The request failed with an expected error: free the key so a corrected retry may use it. */
export async function releaseIdempotencyKey(db: Db, ref: KeyRef): Promise<void> {
  await db
    .deleteFrom('idempotencyKey')
    .where('provinceCode', '=', ref.provinceCode)
    .where('userId', '=', ref.userId)
    .where('key', '=', ref.key)
    .where('state', '=', 'in_flight')
    .execute();
}

/** A request's key and the hash of its body, as a group commit of filings carries it. */
export interface HeldKey {
  ref: KeyRef;
  hash: string;
}

/**
 * Which of these keys a group commit may use: all but a key repeated earlier in `keys`. The stored
 * keys are not looked up: the caller stores the answers with `answersInsert` in the transaction of
 * its change, so key and change commit together (a crash leaves no claim behind, there is no lease
 * to wait for), and a key stored before fails that insert (`isKeyTaken`) and rolls the change back.
 * For a key that may not be used, `storedAnswer` tells what to answer once the transaction is over.
 */
export function firstUses(keys: HeldKey[]): boolean[] {
  return keys.map((k, i) => keys.findIndex((o) => sameKey(o.ref, k.ref)) === i);
}

/** Whether a write failed because one of its Idempotency-Keys is stored already. */
export function isKeyTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === 'idempotency_key_pkey';
}

const sameKey = (a: KeyRef, b: KeyRef) => a.key === b.key && a.userId === b.userId && a.provinceCode === b.provinceCode;

/**
 * The INSERT storing the answers of keys `firstUses` allowed, not yet run: the caller writes it in
 * the statement of its change. A key stored meanwhile by another server fails that statement (and
 * the transaction) rather than answering twice.
 */
export function answersInsert(db: Db, answers: Array<HeldKey & { answer: StoredAnswer }>, now: Date) {
  return db.insertInto('idempotencyKey').values(
    answers.map(({ ref, hash, answer }) => ({
      ...ref,
      requestHash: hash,
      state: 'done',
      lockedUntil: now,
      responseStatus: answer.status,
      responseBody: JSON.stringify(answer.body),
      createdAt: now,
    })),
  );
}

/**
 * What to answer a request whose key was used before: the stored answer when the body is the same
 * (a replay), 422 when it differs, 409 while the first request is still in flight. Undefined when the
 * key was never used.
 */
export async function storedAnswer(db: Db, ref: KeyRef, hash: string): Promise<StoredAnswer | undefined> {
  const row = await findKey(db, ref);
  if (!row) return undefined;
  if (row.requestHash !== hash) throw keyReused();
  if (row.state === 'done') return { status: row.responseStatus ?? 200, body: row.responseBody };
  throw inFlight();
}

function findKey(db: Db, ref: KeyRef) {
  return db
    .selectFrom('idempotencyKey')
    .selectAll()
    .where('provinceCode', '=', ref.provinceCode)
    .where('userId', '=', ref.userId)
    .where('key', '=', ref.key)
    .executeTakeFirst();
}

const keyReused = () =>
  problem(422, 'idempotency-key-reused', 'Khóa chống gửi trùng đã được dùng cho một yêu cầu khác', {
    detail: 'Mỗi lần nộp hồ sơ mới cần một khóa mới.',
  });

const inFlight = () =>
  problem(409, 'idempotency-in-flight', 'Yêu cầu này đang được xử lý, vui lòng đợi giây lát', {
    detail: 'Một yêu cầu với cùng khóa chống gửi trùng chưa hoàn tất.',
  });
