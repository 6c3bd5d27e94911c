import { type Watch, watchChannel } from '../db/notices';
import type { AppContext } from '../http/context';
import type { Actor } from './actor';

/** How long a citizen's live session is answered from memory without asking the database again. */
export const SESSION_CACHE_MS = 2000;
const MAX_ENTRIES = 10_000;
/** Announced by the database when a session ends or an account changes (migration 031). */
export const SESSIONS_CHANGED = 'dvc_sessions_changed';

export type LiveSession = { actor: Actor; csrfToken: string; endsAt: Date };

interface Entry {
  live: LiveSession;
  /** performance.now() and the app's clock when it was looked up: both bound its age. */
  seenAt: number;
  clockAt: number;
}

/**
 * Remembers citizens' live sessions for SESSION_CACHE_MS, so that a citizen's requests in a row do not
 * each look their session up (issue 11). It stays correct because it forgets everything:
 * - at once, on this server, when a session is ended here (`forgetSessions`, called by endSession);
 * - on the database's notice of an ended session or a changed account, from any server (migration
 *   031) — and it answers nothing from memory while notices may be missed (the listening connection
 *   is down, or the database was not opened by database.ts);
 * - when a lookup overlapped one of those: its answer is not kept.
 * Officers are not remembered: their roles are read on every request (a role taken away applies to
 * the next request). A remembered session is not used past its end (`endsAt`, on the app's clock).
 */
class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #watch: Watch;
  #generation = 0;

  constructor(private readonly ctx: AppContext) {
    this.#watch = watchChannel(ctx.db, SESSIONS_CHANGED, () => this.forget());
  }

  forget(): void {
    this.#generation++;
    this.#entries.clear();
  }

  async resume(token: string, lookup: () => Promise<LiveSession | undefined>): Promise<LiveSession | undefined> {
    const clock = this.ctx.now().getTime();
    const entry = this.#entries.get(token);
    if (entry && this.#watch.live()) {
      const clockAge = clock - entry.clockAt;
      const fresh = performance.now() - entry.seenAt < SESSION_CACHE_MS && clockAge >= 0 && clockAge < SESSION_CACHE_MS;
      if (fresh && clock < entry.live.endsAt.getTime()) return entry.live;
    }
    if (entry) this.#entries.delete(token);
    const generation = this.#generation;
    const seenAt = performance.now();
    const live = await lookup();
    if (live?.actor.kind === 'citizen' && generation === this.#generation && this.#watch.live()) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
      this.#entries.set(token, { live, seenAt, clockAt: clock });
    }
    return live;
  }
}

const caches = new WeakMap<AppContext, SessionCache>();

function cacheOf(ctx: AppContext): SessionCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new SessionCache(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}

/** The live session of a cookie token: from memory when it was looked up a moment ago, else `lookup`. */
export function resumeCachedSession(
  ctx: AppContext,
  token: string,
  lookup: () => Promise<LiveSession | undefined>,
): Promise<LiveSession | undefined> {
  return cacheOf(ctx).resume(token, lookup);
}

/** Forgets every remembered session of this server: call once a session has been ended. */
export function forgetSessions(ctx: AppContext): void {
  caches.get(ctx)?.forget();
}
