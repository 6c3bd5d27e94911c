/**
 * The issuer modules a definition may name (CONTRACT-12 §4). Until the issuer registry lands on
 * main (`isKnownIssuer` in results/index.ts), the four names of the contract; then this asks it.
 */
const ISSUERS = new Set(['household-business-register', 'acknowledgement', 'recorded-outcome', 'certificate']);

export function isKnownIssuer(name: string): boolean {
  return ISSUERS.has(name);
}
