import { type Channel, vietnamLocalDate } from '@dvc/domain';
import type { DossierFailure } from './dossier.result';

/**
 * "Online only" intake policies (the province's dispatches: from June 2023 the household-business
 * procedures are accepted online only, "except special cases"). Data, by procedure and start date;
 * kept here until an administrator screen edits them.
 */
export const ONLINE_ONLY_POLICIES: ReadonlyArray<{ procedureCode: string; from: string; basis: string }> = [
  {
    procedureCode: '1.001612',
    from: '2023-06-01',
    basis: 'Chủ trương của UBND tỉnh Quảng Ngãi về tiếp nhận trực tuyến (thí điểm 2022–2023)',
  },
  {
    procedureCode: '2.000720',
    from: '2023-06-01',
    basis: 'Chủ trương của UBND tỉnh Quảng Ngãi về tiếp nhận trực tuyến (thí điểm 2022–2023)',
  },
  {
    procedureCode: '1.001266',
    from: '2023-06-01',
    basis: 'Chủ trương của UBND tỉnh Quảng Ngãi về tiếp nhận trực tuyến (thí điểm 2022–2023)',
  },
];

/** Counter intake of an online-only procedure needs a special-case reason; online filings always pass. */
export function checkIntakePolicy(
  procedureCode: string,
  channel: Channel,
  now: Date,
  specialCaseReason: string | undefined,
): { ok: true } | DossierFailure {
  if (channel !== 'direct') return { ok: true };
  const today = vietnamLocalDate(now);
  const policy = ONLINE_ONLY_POLICIES.find((p) => p.procedureCode === procedureCode && p.from <= today);
  if (!policy || specialCaseReason) return { ok: true };
  return {
    ok: false,
    reason: 'policy',
    message: 'Thủ tục này chỉ tiếp nhận trực tuyến',
    errors: [
      {
        field: 'body.specialCaseReason',
        message: `Từ ${policy.from.split('-').reverse().join('/')} thủ tục chỉ tiếp nhận trực tuyến; ghi rõ lý do trường hợp đặc biệt để tiếp nhận tại quầy`,
      },
    ],
  };
}
