/**
 * The whole database as Kysely sees it. Declared here, at the floor, so that db/ names no capability;
 * ../schema.ts merges every capability's tables into it (TypeScript merges the two declarations).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by ../schema.ts through declaration merging
export interface Database {}
