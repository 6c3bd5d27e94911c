/**
 * Serves requests that arrive together with one batch: a group commit of writes (one transaction and
 * a few multi-row statements for many filings) or one lookup for many sessions. Nobody waits on a
 * timer: with no load a request is served on the next turn of the event loop, alone; under load the
 * batch grows by itself to what arrived while the previous one ran (decision 006).
 *
 * Each request still gets its own answer (for a write, only after its rows are committed). A batch
 * that fails is run again one request at a time, so one bad request fails alone: `runBatch` must
 * therefore leave nothing behind when it throws (a filing batch rolls its transaction back, numbers
 * included).
 */
export class Batcher<I, O> {
  readonly #runBatch: (items: I[]) => Promise<O[]>;
  readonly #maxBatch: number;
  readonly #maxWaitMs: number;
  readonly #concurrency: number;
  #pending: Array<{ item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }> = [];
  #running = 0;
  #expected = 0;

  /**
   * `maxWaitMs`: how long a batch may wait for requests announced with `expect()` (0 = never wait).
   * `concurrency`: batches that may run at once (default 1). More than one only where `runBatch`
   * takes its shared rows in one fixed order, so that two batches wait for each other instead of
   * deadlocking (the filings take their desks' counters in code order first, decision 009), and
   * where the database runs them side by side (PostgreSQL, not the embedded database's one
   * connection). A second batch starts while the first runs, with what arrived meanwhile.
   */
  constructor(
    runBatch: (items: I[]) => Promise<O[]>,
    options: { maxBatch?: number; maxWaitMs?: number; concurrency?: number } = {},
  ) {
    this.#runBatch = runBatch;
    this.#maxBatch = options.maxBatch ?? 50;
    this.#maxWaitMs = options.maxWaitMs ?? 0;
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /**
   * Announces a request that is still being checked and will probably `run` soon: a batch about to
   * start waits for it (at most `maxWaitMs`). Call the returned function once it has run or given up.
   */
  expect(): () => void {
    this.#expected++;
    let done = false;
    return () => {
      if (!done) this.#expected--;
      done = true;
    };
  }

  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#running >= this.#concurrency || this.#pending.length === 0) return;
    // Start on the next turn of the event loop: requests already read from the network get to join
    // this batch (on the embedded database a request can run to here without yielding).
    this.#running++;
    setImmediate(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const since = performance.now();
        while (this.#pending.length < this.#maxBatch && this.#expected > 0 && performance.now() - since < this.#maxWaitMs) {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        const batch = this.#pending.splice(0, this.#maxBatch);
        try {
          const results = await this.#runBatch(batch.map((b) => b.item));
          for (const [i, b] of batch.entries()) b.resolve(results[i] as O);
        } catch (batchError) {
          if (batch.length === 1) {
            batch[0]!.reject(batchError);
            continue;
          }
          for (const b of batch) {
            try {
              const [result] = await this.#runBatch([b.item]);
              b.resolve(result as O);
            } catch (err) {
              b.reject(err);
            }
          }
        }
      }
    } finally {
      this.#running--;
    }
  }
}
