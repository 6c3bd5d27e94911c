import type { AppContext } from '../http/context';

/** Idempotent. Returns lines for the start-up banner. */
export async function seedIdentity(_ctx: AppContext, _demo: boolean): Promise<string[]> {
  return [];
}
