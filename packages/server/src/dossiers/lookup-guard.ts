/**
 * Refuses a dossier code's public lookups for a while after too many wrong second factors: four
 * digits are 10,000 guesses, five per quarter hour makes guessing them impractical. The lookups of
 * one code run one after another, so 40 guesses sent at once cannot all slip past the count while
 * the first ones are still being checked; lookups of different codes do not wait for each other.
 *
 * Kept in memory: the app runs as one process per province (ARCHITECTURE.md); a restart forgets
 * the count, which the per-address limit of the route still covers.
 */
export interface LookupGuardOptions {
  maxFailures: number;
  windowMs: number;
}

interface CodeState {
  /** When each wrong factor was given, oldest first. */
  failures: number[];
  /** The last lookup of the code queued so far: the next one starts after it. */
  tail: Promise<void>;
  queued: number;
}

export type GuardedLookup<T> = { locked: false; value: T | undefined } | { locked: true; retryAfterSeconds: number };

export const DEFAULT_LOOKUP_GUARD: LookupGuardOptions = { maxFailures: 5, windowMs: 15 * 60_000 };

export class LookupGuard {
  private readonly codes = new Map<string, CodeState>();

  constructor(private readonly options: LookupGuardOptions = DEFAULT_LOOKUP_GUARD) {}

  /** Runs `check` for the code unless it is locked; an undefined answer counts as a wrong factor. */
  async run<T>(code: string, now: () => Date, check: () => Promise<T | undefined>): Promise<GuardedLookup<T>> {
    const state = this.codes.get(code) ?? { failures: [], tail: Promise.resolve(), queued: 0 };
    this.codes.set(code, state);
    state.queued += 1;
    const previous = state.tail;
    let release!: () => void;
    state.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      const at = now().getTime();
      state.failures = state.failures.filter((f) => f > at - this.options.windowMs);
      if (state.failures.length >= this.options.maxFailures) {
        const reopensAt = state.failures[0]! + this.options.windowMs;
        return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - at) / 1000)) };
      }
      const value = await check();
      if (value === undefined) state.failures.push(at);
      return { locked: false, value };
    } finally {
      state.queued -= 1;
      if (state.queued === 0 && state.failures.length === 0) this.codes.delete(code);
      release();
    }
  }
}

/**
 * Lookups per address in a fixed window. Not @fastify/rate-limit: its in-memory store hands every
 * request the same counter object, read after an await, so a burst of 32 at once sees 32 each and
 * all are refused. Counting here is synchronous, request by request.
 */
export class AddressLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Takes one request for the address; undefined when allowed, else the seconds until the next window. */
  take(address: string, now: Date): number | undefined {
    const at = now.getTime();
    let w = this.windows.get(address);
    if (!w || w.startedAt + this.windowMs <= at) {
      if (this.windows.size > 10_000) this.forgetEnded(at);
      w = { startedAt: at, count: 0 };
      this.windows.set(address, w);
    }
    w.count += 1;
    return w.count > this.max ? Math.max(1, Math.ceil((w.startedAt + this.windowMs - at) / 1000)) : undefined;
  }

  private forgetEnded(at: number) {
    for (const [address, w] of this.windows) if (w.startedAt + this.windowMs <= at) this.windows.delete(address);
  }
}

const sharedGuards = new WeakMap<object, LookupGuard>();

/**
 * The one per-code lock of an application: the public lookup and the assistant's status answers take
 * their tries from it, so a code's guesses count the same whichever door they come through.
 */
export function sharedLookupGuard(ctx: object): LookupGuard {
  let guard = sharedGuards.get(ctx);
  if (!guard) {
    guard = new LookupGuard();
    sharedGuards.set(ctx, guard);
  }
  return guard;
}
