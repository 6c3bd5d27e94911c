import type { Channel, Delivery } from '@dvc/domain';
import type { Kysely } from 'kysely';
import { currentGroupMembers, factsOfDossiers } from '../catalog/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Actor } from '../identity/actor';
import { type DossierResult, invalid } from './dossier.result';
import { canSeeDossier } from './dossier-access';
import { declaredKeys, definitionOfDossier } from './dossier-form';
import {
  type Filer,
  insertPreparedDossiers,
  type PreparedDossier,
  prepareDossier,
  type SubmittedDossier,
} from './dossier-submit.service';
import { summarize } from './dossier-views';

export type InterlinkGroup = 'birth' | 'death';

export const GROUP_TITLES: Record<InterlinkGroup, string> = {
  birth: 'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
  death: 'Liên thông đăng ký khai tử – xóa đăng ký thường trú – hỗ trợ chi phí mai táng',
};

export interface GroupInput {
  group: InterlinkGroup;
  unitCode: string;
  channel: Extract<Channel, 'web' | 'mobile'>;
  /** One form for the group: each member takes the keys its own definition declares. */
  form: Record<string, unknown>;
  attachments: Array<{ procedureCode: string; componentId: string; fileId: string }>;
  delivery: Delivery;
  /** Procedure code → the version its part of the form was filled for (CONTRACT-12 §3, for a group). */
  procedureVersions?: Record<string, number>;
}

export interface SubmittedGroup {
  code: string;
  title: string;
  members: SubmittedDossier[];
}

/** Collects the members' errors once each (shared fields fail the same way in every member). */
function addErrors(into: FieldError[], errors: FieldError[], procedureCode: string) {
  for (const e of errors) {
    const field = e.field.startsWith('body.attachments') ? `body.attachments.${procedureCode}` : e.field;
    if (!into.some((x) => x.field === field && x.message === e.message)) into.push({ field, message: e.message });
  }
}

/**
 * One filing of an interlinked group (seed 004: birth + permanent residence + child health insurance;
 * death + residence removal + funeral allowance) fans out to one dossier per competent agency, each
 * with its own lifecycle, code and part of the form, validated by its own definition; all of them,
 * or none, are written, in one transaction.
 */
export async function submitGroup(
  ctx: AppContext,
  actor: Actor,
  input: GroupInput,
  inTransaction: (trx: Kysely<Database>, answer: SubmittedGroup) => Promise<void>,
): Promise<DossierResult<SubmittedGroup>> {
  const filer: Filer = {
    userId: actor.userId,
    domainActor: { role: 'citizen', userId: actor.userId },
    creation: 'submit_online',
    channel: input.channel,
    applicant: { id: actor.userId, fullName: actor.fullName, phone: actor.phone, citizenId: null },
  };
  const members = await currentGroupMembers(ctx, input.group);
  if (members.length === 0) return invalid([{ field: 'body.group', message: 'Nhóm thủ tục không có trong danh mục' }]);
  const declared = new Set(members.flatMap((m) => [...declaredKeys(m.definition)]));
  const unknown = Object.keys(input.form).filter((key) => !declared.has(key));
  const errors: FieldError[] = unknown.map((key) => ({ field: `body.form.${key}`, message: `Trường không được hỗ trợ: ${key}` }));
  const prepared: PreparedDossier[] = [];
  const changed: Record<string, number> = {};
  for (const { definition } of members) {
    const code = definition.code;
    const attachments = input.attachments
      .filter((a) => a.procedureCode === code)
      .map(({ componentId, fileId }) => ({ componentId, fileId }));
    const one = await prepareDossier(
      ctx,
      filer,
      {
        procedureCode: code,
        unitCode: input.unitCode,
        form: input.form,
        attachments,
        delivery: input.delivery,
        procedureVersion: input.procedureVersions?.[code],
      },
      'body',
      { declaredPartOnly: true },
    );
    if (one.ok) prepared.push(one.value);
    else if (one.reason === 'validation') addErrors(errors, one.errors, code);
    else if (one.reason === 'procedure_changed') {
      addErrors(errors, one.errors, code);
      Object.assign(changed, one.currentVersions);
    } else return one;
  }
  if (Object.keys(changed).length > 0) {
    return {
      ok: false,
      reason: 'procedure_changed',
      message: 'Thủ tục đã thay đổi',
      detail: 'Biểu mẫu của nhóm thủ tục đã thay đổi; vui lòng kiểm tra lại các trường được nêu rồi gửi lại.',
      errors,
      currentVersions: changed,
    };
  }
  if (errors.length) return invalid(errors);
  const answer = await ctx.db.transaction().execute(async (trx) => {
    const filed = await insertPreparedDossiers(
      ctx,
      trx,
      prepared.map((p) => ({ filer, prepared: p })),
      { asGroup: true },
    );
    const result = { code: `LT-${filed[0]!.code}`, title: GROUP_TITLES[input.group], members: filed };
    await inTransaction(trx, result);
    return result;
  });
  return { ok: true, value: answer };
}

const FINISHED = new Set(['resolved', 'returned']);
const CLOSED = new Set(['not_received', 'withdrawn', 'stopped']);

/** The group as the citizen sees it: its members and one overall state. */
export async function getGroup(ctx: AppContext, actor: Actor, groupCode: string) {
  const rows = await ctx.db
    .selectFrom('dossier')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('groupCode', '=', groupCode)
    .orderBy('code')
    .execute();
  if (rows.length === 0 || !rows.every((r) => canSeeDossier(actor, r))) return undefined;
  const now = ctx.now();
  const factsOf = await factsOfDossiers(ctx, rows);
  const members = rows.map((r) => summarize(r, now, factsOf(r)));
  const complete = rows.every((r) => FINISHED.has(r.status));
  const stuck = rows.some((r) => CLOSED.has(r.status));
  const group = (await definitionOfDossier(ctx, rows[0]!))?.definition.interlink?.group;
  return {
    code: groupCode,
    title: group && group in GROUP_TITLES ? GROUP_TITLES[group as InterlinkGroup] : groupCode,
    status: complete ? 'complete' : stuck ? 'incomplete' : 'in_progress',
    statusLabel: complete ? 'Đã hoàn thành cả nhóm thủ tục' : stuck ? 'Có thủ tục không được giải quyết' : 'Đang giải quyết',
    members,
  };
}
