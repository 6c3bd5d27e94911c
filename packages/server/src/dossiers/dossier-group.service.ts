import { type Channel, type Delivery, PROCEDURES } from '@dvc/domain';
import type { Kysely } from 'kysely';
import { factsOfDossiers } from '../catalog/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Actor } from '../identity/actor';
import { type DossierResult, invalid } from './dossier.result';
import { canSeeDossier } from './dossier-access';
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
  form: Record<string, unknown>;
  attachments: Array<{ procedureCode: string; componentId: string; fileId: string }>;
  delivery: Delivery;
}

export interface SubmittedGroup {
  code: string;
  title: string;
  members: SubmittedDossier[];
}

/** The member procedures of a group, in the order the law chains them. */
export function groupProcedures(group: InterlinkGroup) {
  return PROCEDURES.filter((p) => p.interlinkGroup === group);
}

/**
 * One filing of an interlinked group (seed 004: birth + permanent residence + child health insurance;
 * death + residence removal + funeral allowance) fans out to one dossier per competent agency, each
 * with its own lifecycle and code; all of them, or none, are written, in one transaction.
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
  const prepared: PreparedDossier[] = [];
  const errors: FieldError[] = [];
  for (const procedure of groupProcedures(input.group)) {
    const attachments = input.attachments
      .filter((a) => a.procedureCode === procedure.code)
      .map(({ componentId, fileId }) => ({ componentId, fileId }));
    const one = await prepareDossier(
      ctx,
      filer,
      { procedureCode: procedure.code, unitCode: input.unitCode, form: input.form, attachments, delivery: input.delivery },
      'body',
    );
    if (one.ok) prepared.push(one.value);
    else if (one.reason === 'validation') {
      for (const e of one.errors) {
        const field = e.field.startsWith('body.attachments') ? `body.attachments.${procedure.code}` : e.field;
        if (!errors.some((x) => x.field === field && x.message === e.message)) errors.push({ field, message: e.message });
      }
    } else return one;
  }
  if (errors.length) return invalid(errors);
  const answer = await ctx.db.transaction().execute(async (trx) => {
    const members = await insertPreparedDossiers(
      ctx,
      trx,
      prepared.map((p) => ({ filer, prepared: p })),
      { asGroup: true },
    );
    const result = { code: `LT-${members[0]!.code}`, title: GROUP_TITLES[input.group], members };
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
  const group = factsOf(rows[0]!)?.interlinkGroup;
  return {
    code: groupCode,
    title: group ? GROUP_TITLES[group] : groupCode,
    status: complete ? 'complete' : stuck ? 'incomplete' : 'in_progress',
    statusLabel: complete ? 'Đã hoàn thành cả nhóm thủ tục' : stuck ? 'Có thủ tục không được giải quyết' : 'Đang giải quyết',
    members,
  };
}
