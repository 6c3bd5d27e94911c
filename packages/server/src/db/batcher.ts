/**
 * Serves requests that arrive together with one batch: a group commit of writes (one transaction and
 * a few multi-row statements for many filings) or one lookup for many sessions. Nobody waits on a
 * timer: with no load a request is served on the next turn of the event loop, alone; under load the
 * batch grows by itself to what arrived while the previous one ran (decision 006).
 *
 * Each request still gets its own answer (for a write, only after its rows are committed). A batch
 * that fails is run again one request at a time, so one bad request fails alone.
 */
export class Batcher<I, O> {
  readonly #runBatch: (items: I[]) => Promise<O[]>;
  readonly #maxBatch: number;
  #pending: Array<{ item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }> = [];
  #running = false;

  constructor(runBatch: (items: I[]) => Promise<O[]>, maxBatch = 50) {
    this.#runBatch = runBatch;
    this.#maxBatch = maxBatch;
  }

  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (!this.#running) {
        // Start on the next turn of the event loop: requests already read from the network get to
        // join this batch (on the embedded database a request can run to here without yielding).
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
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
      this.#running = false;
    }
  }
}
