import type { RecordStore } from './record-store';

/**
 * Wizard drafts: the form state saved at every step (encrypted store, erased at sign-out), so that a
 * citizen whose phone runs out of battery or signal reopens the procedure exactly where they were.
 * One draft per procedure: reopening "Nộp hồ sơ" for the same procedure restores it.
 */
export interface Draft {
  id: string;
  procedureCode: string;
  stepIndex: number;
  data: Record<string, unknown>;
  /** The version of the procedure's definition the values were entered against. */
  procedureVersion?: number;
  updatedAt: string;
}

/**
 * A draft entered against an older version of the procedure: its values are kept and shown on the
 * new form, with "Thủ tục đã thay đổi" so the citizen checks them again.
 */
export function draftIsOutdated(draft: Pick<Draft, 'procedureVersion'>, currentVersion: number | undefined): boolean {
  return draft.procedureVersion !== undefined && currentVersion !== undefined && draft.procedureVersion < currentVersion;
}

export function draftIdFor(procedureCode: string): string {
  return `draft:${procedureCode}`;
}

export async function saveDraft(store: RecordStore<Draft>, input: Omit<Draft, 'id' | 'updatedAt'>, now: Date): Promise<Draft> {
  const draft: Draft = { ...input, id: draftIdFor(input.procedureCode), updatedAt: now.toISOString() };
  await store.put(draft.id, draft);
  return draft;
}

export function loadDraft(store: RecordStore<Draft>, procedureCode: string): Promise<Draft | undefined> {
  return store.get(draftIdFor(procedureCode));
}

export function deleteDraft(store: RecordStore<Draft>, procedureCode: string): Promise<void> {
  return store.delete(draftIdFor(procedureCode));
}

/** Debounces saves (typing in a field) so a phone does not encrypt and write on every keystroke. */
export function draftSaver(save: (d: Omit<Draft, 'id' | 'updatedAt'>) => Promise<unknown>, delayMs = 600) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Omit<Draft, 'id' | 'updatedAt'> | undefined;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (last) {
      const d = last;
      last = undefined;
      await save(d);
    }
  };
  return {
    schedule(d: Omit<Draft, 'id' | 'updatedAt'>) {
      last = d;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
