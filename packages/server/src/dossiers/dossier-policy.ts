import { type Channel, procedureDefinitions, vietnamLocalDate } from '@dvc/domain';
import type { DossierFailure } from './dossier.result';

/**
 * "Online only" intake (the province's dispatches, e.g. from June 2023 the household-business
 * procedures are accepted online only, "except special cases"): the policy is the definition's
 * `onlineOnly`, judged by the domain. At the counter, the receiver's written reason claims the
 * policy's special case.
 */
export function checkIntakePolicy(
  definition: Pick<procedureDefinitions.ProcedureDefinition, 'onlineOnly'>,
  channel: Channel,
  now: Date,
  specialCaseReason: string | undefined,
): { ok: true } | DossierFailure {
  const today = vietnamLocalDate(now);
  const policy = procedureDefinitions.onlineOnlyPolicyOn(definition, today);
  const special = policy?.exceptions.find((e) => e.requiresReason) ?? policy?.exceptions[0];
  const exception = specialCaseReason && special ? { id: special.id, reason: specialCaseReason } : undefined;
  const decision = procedureDefinitions.checkOnlineOnly(definition, channel, today, exception);
  if (decision.ok) return { ok: true };
  return {
    ok: false,
    reason: 'policy',
    message: 'Thủ tục này chỉ tiếp nhận trực tuyến',
    errors: [{ field: 'body.specialCaseReason', message: decision.message }],
  };
}
