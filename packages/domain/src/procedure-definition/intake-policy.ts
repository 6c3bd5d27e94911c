import type { Channel } from '../channels';
import type { CalendarDate } from '../working-days';
import type { AuthorityEra, OnlineOnlyPolicy, ProcedureDefinition } from './definition';

/** The online-only policy in force on `today` (the latest one started), if any. */
export function onlineOnlyPolicyOn(
  definition: Pick<ProcedureDefinition, 'onlineOnly'>,
  today: CalendarDate,
): OnlineOnlyPolicy | undefined {
  return definition.onlineOnly.filter((p) => p.from <= today).at(-1);
}

export type IntakeDecision = { ok: true } | { ok: false; policy: OnlineOnlyPolicy; message: string };

/**
 * Whether the desk may take a dossier on `channel` on `today`: an online-only procedure is taken
 * at the counter only under one of the policy's exceptions, with its reason when it needs one.
 */
export function checkOnlineOnly(
  definition: Pick<ProcedureDefinition, 'onlineOnly'>,
  channel: Channel,
  today: CalendarDate,
  exception?: { id: string; reason?: string },
): IntakeDecision {
  // Only paper at the counter is restricted; a hotline call is filed online by the operator.
  if (channel !== 'direct') return { ok: true };
  const policy = onlineOnlyPolicyOn(definition, today);
  if (!policy) return { ok: true };
  const allowed = exception && policy.exceptions.find((e) => e.id === exception.id);
  if (allowed && (!allowed.requiresReason || exception.reason?.trim())) return { ok: true };
  return {
    ok: false,
    policy,
    message: `Từ ${policy.from.split('-').reverse().join('/')} thủ tục chỉ tiếp nhận trực tuyến; ghi rõ lý do trường hợp đặc biệt để tiếp nhận tại quầy`,
  };
}

/** The competent authority of the era holding `day` (a dossier is routed by its reception day). */
export function authorityOn(definition: Pick<ProcedureDefinition, 'authority'>, day: CalendarDate): AuthorityEra | undefined {
  return definition.authority.find(
    (era) => (era.from === undefined || era.from <= day) && (era.until === undefined || day <= era.until),
  );
}
