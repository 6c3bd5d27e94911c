import type { Generated } from 'kysely';

/** Tables owned by the reports capability (migration 010). */
export type ReportTables = {
  reportDaily: ReportDailyTable;
  reportProcedureGroup: { provinceCode: string; code: string; name: string };
  reportProcedureGroupMember: { provinceCode: string; groupCode: string; procedureCode: string };
  reportTarget: {
    provinceCode: string;
    groupCode: string;
    validFrom: string;
    validTo: string | null;
    /** numeric(5,4) comes back as a string. */
    onlineRate: string | number;
    legalBasis: string;
  };
  /** Administered targets with their history (migration 033, targets.repository.ts). */
  reportTargetVersion: {
    id: Generated<number>;
    provinceCode: string;
    groupCode: string;
    unitLevel: 'province' | 'district' | 'commune' | null;
    validFrom: string;
    validTo: string | null;
    onlineRate: string | number;
    legalBasis: string;
    recordedAt: Date;
    recordedBy: string | null;
    supersededAt: Date | null;
    supersededByChange: number | null;
  };
  reportPhase: { provinceCode: string; code: string; name: string; fromDay: string; toDay: string; source: string };
};

export type ReportDailyTable = {
  provinceCode: string;
  day: string;
  unitCode: string;
  unitOldEra: boolean;
  agencyCode: string;
  procedureCode: string;
  channel: string;
  received: number;
  componentsDigitized: number;
  feeBearing: number;
  paidOnline: number;
  paidAmount: number;
  apologised: number;
  finished: number;
  finishedOnTime: number;
  resolved: number;
  resultDigitized: number;
  resultElectronic: number;
  digitizedBoth: number;
  withdrawn: number;
  overdueIn: number;
  overdueOut: number;
};
