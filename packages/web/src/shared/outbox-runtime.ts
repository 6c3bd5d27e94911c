import { useEffect, useState } from 'react';
import { getLocale } from '../i18n';
import { getCsrfToken } from './api';
import { deleteDraft } from './drafts';
import {
  base64ToBytes,
  type DossierSubmission,
  enqueue,
  flushOutbox,
  listOutbox,
  nextDueAt,
  type OutboxDeps,
  type OutboxItem,
  type PendingFile,
  pruneSent,
} from './outbox';
import { LockedError } from './sealed-store';
import { draftStore, outboxStore } from './secure';
import { getSession, loadSession } from './session';

/** Wires the outbox to the browser: when to flush (start, `online`, a backoff timer) and who to tell. */
const deps: OutboxDeps = {
  store: outboxStore,
  fetch: (...args) => fetch(...args),
  csrfToken: getCsrfToken,
  locale: getLocale,
  now: () => new Date(),
  isOnline: () => navigator.onLine,
  onSent: (item) => deleteDraft(draftStore, item.body.procedureCode),
  // tus, as in the wizard (resumes after a reload by the bytes' fingerprint); the bytes are shrunk already.
  upload: async (file, procedureCode) => {
    const { uploadFile } = await import('./upload');
    const bytes = base64ToBytes(file.base64);
    const blob = new File([bytes as BlobPart], file.name, { type: file.type });
    const handle = uploadFile(blob, { procedureCode, componentId: file.componentId }, { shrink: false, waitForNetwork: false });
    return handle.done;
  },
};

const listeners = new Set<() => void>();
function changed() {
  for (const l of listeners) l();
}

let timer: ReturnType<typeof setTimeout> | undefined;

async function flushAndSchedule(force = false) {
  if (timer) clearTimeout(timer);
  timer = undefined;
  try {
    await flushOutbox(deps, { force });
    changed();
    const due = await nextDueAt(outboxStore);
    // Offline: the `online` event wakes us; the timer is a safety net (some phones never fire it).
    if (due) timer = setTimeout(() => void flushAndSchedule(), Math.max(2_000, due.getTime() - Date.now()));
  } catch (error) {
    if (!(error instanceof LockedError)) console.warn('outbox flush failed', error);
  }
}

/**
 * Opened without network (the app started from the service worker's cache), the session is
 * 'offline' and there is no CSRF token: sending now would only earn a 403. Ask the server who we
 * are first, then send.
 */
async function resumeSession() {
  if (getSession().status === 'offline') await loadSession();
}

let started = false;
export function startOutbox() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void resumeSession().then(() => flushAndSchedule(true)));
  window.addEventListener('offline', changed);
  void pruneSent(outboxStore, new Date()).catch(() => undefined);
  void flushAndSchedule();
}

/**
 * Called when the citizen presses "Nộp hồ sơ": the Idempotency-Key is fixed here. `pendingFiles` are
 * the papers photographed offline: uploaded by the outbox before the dossier is sent.
 */
export async function submitToOutbox(
  body: DossierSubmission,
  procedureName: string,
  pendingFiles: PendingFile[] = [],
): Promise<OutboxItem> {
  const item = await enqueue(deps, { body, procedureName, draftId: `draft:${body.procedureCode}`, pendingFiles });
  changed();
  await flushAndSchedule(true);
  return (await outboxStore.get(item.id)) ?? item;
}

export async function discardOutboxItem(id: string) {
  await outboxStore.delete(id);
  changed();
}

export function retryOutboxNow() {
  return flushAndSchedule(true);
}

export function useOutbox(): { items: OutboxItem[]; online: boolean } {
  const [state, setState] = useState<{ items: OutboxItem[]; online: boolean }>({ items: [], online: navigator.onLine });
  useEffect(() => {
    let alive = true;
    const load = () =>
      listOutbox(outboxStore)
        .then((items) => alive && setState({ items, online: navigator.onLine }))
        .catch(() => alive && setState({ items: [], online: navigator.onLine }));
    listeners.add(load);
    void load();
    return () => {
      alive = false;
      listeners.delete(load);
    };
  }, []);
  return state;
}
