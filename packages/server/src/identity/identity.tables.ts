/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the capability gains tables.
export interface IdentityTables {}
