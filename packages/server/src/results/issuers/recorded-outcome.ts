import type { ResultIssuer } from './issuer';

/**
 * `recorded-outcome`: DVC records the decision; the member agency of the interlinked group issues its
 * paper outside DVC (the six group procedures). No document, no verification page, no result flags.
 */
export const recordedOutcome: ResultIssuer = {
  name: 'recorded-outcome',
  async precheck() {
    return undefined;
  },
  async issue() {
    return null;
  },
};
