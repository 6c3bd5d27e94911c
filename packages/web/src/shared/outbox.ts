import { SubmittedView } from '@dvc/domain/contract/dossiers';
import type { RecordStore } from './record-store';

/**
 * The offline outbox: dossiers the citizen has submitted that the server has not yet confirmed.
 * Each item's Idempotency-Key is made when the citizen presses "Nộp hồ sơ" and never changes, so that
 * however many times a weak network makes us resend it, the server creates one dossier (a replay
 * answers with the first 201). Items live in the encrypted store (see sealed-store.ts for the
 * ASVS 14.3.3 exception) and are erased at sign-out.
 *
 * State transitions (tested in outbox.test.ts):
 *   pending --201/200 (or replay)--> sent (dossierCode kept)
 *   pending --400/404/422-->         failed (field errors kept, shown beside the fields)
 *   pending --409 procedure-changed--> failed with `procedureChanged` (the form it was filed on is
 *                                    outdated: kept, reopened on the new form with its values)
 *   pending --network error, 5xx, 429, 409 in flight, 401/403--> pending (attempts+1, next try later)
 *
 * Photos taken offline travel with the item (`pendingFiles`, sealed like the rest). A flush uploads
 * them first, one at a time, moving each into `body.attachments` under the server's fileId and
 * saving the item after every file; only when none is left is the dossier POSTed. So the body —
 * and with it the Idempotency-Key's hash — is final before the first POST and never changes after.
 *   pending --file refused (413/415/…)--> failed (the refusal's title)
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface FieldError {
  field: string;
  message: string;
}

export interface DossierSubmission {
  procedureCode: string;
  unitCode: string;
  channel: 'mobile' | 'web';
  form: Record<string, unknown>;
  /** An upload by its file id, or a document of the citizen's store given instead (Kho dữ liệu). */
  attachments: ({ componentId: string; fileId: string } | { componentId: string; reusedDocumentId: string })[];
  delivery: 'counter' | 'post' | 'electronic';
  /** The version of the procedure's definition the form was filled against (absent: the current one). */
  procedureVersion?: number;
}

/** A file the server has not received yet: the (already shrunk) bytes, base64 (the store holds JSON). */
export interface PendingFile {
  componentId: string;
  name: string;
  type: string;
  base64: string;
}

/**
 * Uploads one pending file and answers the server's fileId. Rejects with `status` 0 when the network
 * is gone, else with the server's status and `title` (413, 415, …).
 */
export type FileUploader = (file: PendingFile, procedureCode: string) => Promise<{ fileId: string }>;

export interface OutboxItem {
  id: string;
  idempotencyKey: string;
  procedureName: string;
  body: DossierSubmission;
  status: OutboxStatus;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt?: string;
  /** 'network' | 'server' | 'auth' | 'in-flight' while pending; the problem title when failed. */
  lastError?: string;
  fieldErrors?: FieldError[];
  dossierCode?: string;
  /** The appointment the server computed at filing (ISO), shown until the office receives the dossier. */
  expectedDueAt?: string;
  sentAt?: string;
  /** The wizard draft this came from: deleted once the server has the dossier. */
  draftId?: string;
  /** Files still to upload before the POST (taken offline); emptied one by one as they reach the server. */
  pendingFiles?: PendingFile[];
  /**
   * The server answered "Thủ tục đã thay đổi": the procedure has a new version whose form these values
   * do not satisfy. The item stays (nothing is lost) until the citizen reopens it on the new form.
   */
  procedureChanged?: { currentVersion?: number; detail?: string };
}

export interface OutboxDeps {
  store: RecordStore<OutboxItem>;
  fetch: typeof fetch;
  csrfToken: () => string | undefined;
  /** The reader's language, for the server's field messages. */
  locale?: () => string;
  now: () => Date;
  isOnline: () => boolean;
  newKey?: () => string;
  /** Needed only when an item carries pending files. */
  upload?: FileUploader;
  onSent?: (item: OutboxItem) => void | Promise<void>;
}

export interface FlushResult {
  sent: number;
  failed: number;
  pending: number;
  /** True when we stopped because the network or the session is gone: no use trying the rest now. */
  interrupted: boolean;
}

const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 10 * 60_000;

/** 15 s, 30 s, 1 min, … capped at 10 min: a phone on a weak network does not drain its battery. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export async function enqueue(
  deps: Pick<OutboxDeps, 'store' | 'now' | 'newKey'>,
  input: { body: DossierSubmission; procedureName: string; draftId?: string; pendingFiles?: PendingFile[] },
): Promise<OutboxItem> {
  const key = (deps.newKey ?? (() => crypto.randomUUID()))();
  const now = deps.now().toISOString();
  const item: OutboxItem = {
    id: key,
    idempotencyKey: key,
    procedureName: input.procedureName,
    body: input.body,
    status: 'pending',
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    draftId: input.draftId,
    ...(input.pendingFiles?.length ? { pendingFiles: input.pendingFiles } : {}),
  };
  await deps.store.put(item.id, item);
  return item;
}

/** Bytes to base64 and back, for the JSON the sealed store keeps (chunked: a photo is ~1 MB). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function listOutbox(store: RecordStore<OutboxItem>): Promise<OutboxItem[]> {
  return (await store.list()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Server field names are request paths ('body.form.owner.citizenId'); the wizard knows 'owner.citizenId'. */
export function formFieldPath(field: string): string {
  return field.replace(/^body\./, '').replace(/^form\./, '');
}

type Outcome =
  | { kind: 'sent'; code: string; expectedDueAt?: string }
  | { kind: 'failed'; title: string; errors: FieldError[] }
  | { kind: 'changed'; title: string; errors: FieldError[]; detail?: string; currentVersion?: number }
  | { kind: 'retry'; reason: string; stop: boolean; delayMs?: number };

/** How a status answers: kept for later (network, session, server trouble) or refused for good. */
function retryOrFail(status: number, title: string | undefined, errors: FieldError[] = []): Outcome {
  if (status === 0) return { kind: 'retry', reason: 'network', stop: true };
  if (status === 409) return { kind: 'retry', reason: 'in-flight', stop: false, delayMs: 5_000 };
  if (status === 401 || status === 403) return { kind: 'retry', reason: 'auth', stop: true };
  if (status === 429 || status >= 500) return { kind: 'retry', reason: 'server', stop: true };
  return { kind: 'failed', title: title ?? `HTTP ${status}`, errors };
}

/**
 * Uploads the item's pending files, saving the item after each one (a crash re-sends at most the
 * file in flight, and tus resumes that). Answers the item as saved, and an outcome when it must stop.
 */
async function uploadPending(deps: OutboxDeps, item: OutboxItem): Promise<{ item: OutboxItem; stopped?: Outcome }> {
  let current = item;
  while (current.pendingFiles?.length) {
    const [file, ...rest] = current.pendingFiles;
    if (!file) break;
    if (!deps.upload) return { item: current, stopped: { kind: 'retry', reason: 'network', stop: true } };
    let fileId: string;
    try {
      ({ fileId } = await deps.upload(file, current.body.procedureCode));
    } catch (error) {
      const e = error as { status?: unknown; title?: unknown; message?: unknown };
      const status = typeof e.status === 'number' ? e.status : 0;
      const title = typeof e.title === 'string' ? e.title : typeof e.message === 'string' ? e.message : undefined;
      // The upload's 409 is a conflict on the file, not "the same POST in flight": refused.
      const stopped: Outcome =
        status === 409 ? { kind: 'failed', title: title ?? 'HTTP 409', errors: [] } : retryOrFail(status, title);
      return { item: current, stopped };
    }
    current = {
      ...current,
      body: { ...current.body, attachments: [...current.body.attachments, { componentId: file.componentId, fileId }] },
      pendingFiles: rest,
    };
    await deps.store.put(current.id, current);
  }
  return { item: current };
}

/**
 * What the outbox reads of the filing answer (the contract's SubmittedView, POST /api/v1/dossiers): the
 * dossier's code, and the appointment when the server gives one.
 */
const FiledAnswer = SubmittedView.pick({ code: true }).extend({ expectedDueAt: SubmittedView.shape.expectedDueAt.optional() });

async function sendOne(deps: OutboxDeps, item: OutboxItem): Promise<Outcome> {
  let response: Response;
  try {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': item.idempotencyKey,
    };
    const csrf = deps.csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
    const locale = deps.locale?.();
    if (locale) headers['accept-language'] = locale;
    response = await deps.fetch('/api/v1/dossiers', {
      method: 'POST',
      headers,
      body: JSON.stringify(item.body),
      credentials: 'same-origin',
    });
  } catch {
    return { kind: 'retry', reason: 'network', stop: true };
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 201 || response.status === 200) {
    // An answer not in the contract's shape is the server's fault: kept pending, tried again later.
    const filed = FiledAnswer.safeParse(json);
    if (!filed.success) return { kind: 'retry', reason: 'server', stop: false };
    return { kind: 'sent', code: filed.data.code, expectedDueAt: filed.data.expectedDueAt ?? undefined };
  }
  const errors = Array.isArray(json.errors) ? (json.errors as FieldError[]) : [];
  if (response.status === 409 && isProcedureChangedProblem(json)) {
    return {
      kind: 'changed',
      title: typeof json.title === 'string' ? json.title : 'Thủ tục đã thay đổi',
      errors,
      detail: typeof json.detail === 'string' ? json.detail : undefined,
      currentVersion: typeof json.currentVersion === 'number' ? json.currentVersion : undefined,
    };
  }
  return retryOrFail(response.status, typeof json.title === 'string' ? json.title : undefined, errors);
}

/** The 409 that means "the procedure changed", not "the same POST is still in flight" (also a 409). */
export function isProcedureChangedProblem(json: Record<string, unknown>): boolean {
  return typeof json.type === 'string' && json.type.endsWith('/procedure-changed');
}

let running: Promise<FlushResult> | undefined;

/**
 * Sends every pending item that is due. One flush at a time in this page, and one across tabs when the
 * Web Locks API exists (two tabs sending the same key would only earn a 409, but why waste a signal).
 */
export function flushOutbox(deps: OutboxDeps, { force = false } = {}): Promise<FlushResult> {
  running ??= (async () => {
    try {
      const locks = (globalThis.navigator as Navigator | undefined)?.locks;
      return locks ? await locks.request('dvc-outbox', () => flushNow(deps, force)) : await flushNow(deps, force);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function flushNow(deps: OutboxDeps, force: boolean): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, pending: 0, interrupted: false };
  const items = (await deps.store.list()).filter((i) => i.status === 'pending');
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const [index, listed] of items.entries()) {
    const now = deps.now();
    if (result.interrupted || !deps.isOnline() || (!force && new Date(listed.nextAttemptAt) > now)) {
      result.pending += 1;
      if (!deps.isOnline()) result.interrupted = true;
      continue;
    }
    const { item, stopped } = await uploadPending(deps, listed);
    const outcome = stopped ?? (await sendOne(deps, item));
    const attempted: OutboxItem = { ...item, attempts: item.attempts + 1, lastAttemptAt: now.toISOString() };
    if (outcome.kind === 'sent') {
      const sent: OutboxItem = {
        ...attempted,
        status: 'sent',
        dossierCode: outcome.code,
        expectedDueAt: outcome.expectedDueAt,
        sentAt: deps.now().toISOString(),
        lastError: undefined,
        fieldErrors: undefined,
      };
      await deps.store.put(item.id, sent);
      await deps.onSent?.(sent);
      result.sent += 1;
    } else if (outcome.kind === 'failed') {
      await deps.store.put(item.id, { ...attempted, status: 'failed', lastError: outcome.title, fieldErrors: outcome.errors });
      result.failed += 1;
    } else if (outcome.kind === 'changed') {
      await deps.store.put(item.id, {
        ...attempted,
        status: 'failed',
        lastError: outcome.title,
        fieldErrors: outcome.errors,
        procedureChanged: { currentVersion: outcome.currentVersion, detail: outcome.detail },
      });
      result.failed += 1;
    } else {
      const delay = outcome.delayMs ?? backoffMs(attempted.attempts);
      await deps.store.put(item.id, {
        ...attempted,
        lastError: outcome.reason,
        nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
      });
      result.pending += 1;
      if (outcome.stop) {
        result.interrupted = true;
        result.pending += items.length - index - 1;
        break;
      }
    }
  }
  return result;
}

/** The soonest moment an item is due again (for the timer), or undefined when nothing is pending. */
export async function nextDueAt(store: RecordStore<OutboxItem>): Promise<Date | undefined> {
  const pending = (await store.list()).filter((i) => i.status === 'pending');
  if (pending.length === 0) return undefined;
  return new Date(Math.min(...pending.map((i) => new Date(i.nextAttemptAt).getTime())));
}

/** Sent items are kept a week to show "Đã gửi" offline, then dropped (the server list is the truth). */
export async function pruneSent(store: RecordStore<OutboxItem>, now: Date, keepMs = 7 * 86_400_000): Promise<void> {
  for (const item of await store.list()) {
    if (item.status === 'sent' && item.sentAt && now.getTime() - new Date(item.sentAt).getTime() > keepMs) {
      await store.delete(item.id);
    }
  }
}
