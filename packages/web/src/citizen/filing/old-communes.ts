/** A unit as /api/v1/admin-units/:code answers for a pre-2025 commune: with the units that took it over. */
export interface OldUnitDetail {
  code: string;
  fullName: string;
  successors?: { code: string; fullName: string }[];
}

export interface SuccessorOption {
  code: string;
  fullName: string;
  /** The old name the citizen typed, shown beside the new unit ("Nghĩa Chánh → phường …"). */
  formerName: string;
}

/** The day before the 2025 reform: the communes that existed then. */
export const BEFORE_REFORM = '2025-06-30';

/** Today's units that took over the old communes found by name, each once, in the order found. */
export function successorOptions(old: OldUnitDetail[]): SuccessorOption[] {
  const seen = new Set<string>();
  const out: SuccessorOption[] = [];
  for (const o of old) {
    for (const s of o.successors ?? []) {
      if (seen.has(s.code)) continue;
      seen.add(s.code);
      out.push({ code: s.code, fullName: s.fullName, formerName: o.fullName });
    }
  }
  return out;
}
