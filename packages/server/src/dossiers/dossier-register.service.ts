import { vietnamDays } from '@dvc/domain/vietnam-time';
import { factsOfDossiers } from '../catalog/index';
import { renderDossierRegister } from '../documents/index';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/actor';
import { agencyNames } from '../identity/index';
import { officerAgencies } from './dossier-access';

/**
 * Mẫu 07 — the dossier register (Sổ theo dõi hồ sơ) of the officer's agency for a period of
 * reception dates (Vietnam days, both included), as a landscape PDF.
 */
export async function renderRegisterForPeriod(ctx: AppContext, actor: Actor, from: string, to: string): Promise<Buffer> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const { start: periodFrom, end: periodTo } = vietnamDays(from, to);
  const agencies = officerAgencies(actor);
  let q = ctx.db
    .selectFrom('dossier')
    .select([
      'code',
      'procedureCode',
      'procedureVersion',
      'applicantName',
      'applicantPhone',
      'agencyCode',
      'receivedAt',
      'dueAt',
      'finishedAt',
      'returnedAt',
      'status',
    ])
    .where('provinceCode', '=', provinceCode)
    .where('receivedAt', '>=', periodFrom)
    .where('receivedAt', '<', periodTo);
  if (agencies) q = q.where('agencyCode', 'in', agencies.length ? agencies : ['']);
  const rows = await q.orderBy('receivedAt').limit(5000).execute();
  const factsOf = await factsOfDossiers(ctx, rows);
  const names = await agencyNames(ctx.db, provinceCode, [...new Set([...(agencies ?? []), ...rows.map((r) => r.agencyCode)])]);
  const heading = agencies?.length === 1 ? (names.get(agencies[0]!) ?? agencies[0]!) : 'Tỉnh Quảng Ngãi';
  return renderDossierRegister({
    agency: { parentName: 'TỈNH QUẢNG NGÃI', name: heading.toUpperCase(), place: 'Quảng Ngãi' },
    periodFrom,
    periodTo: new Date(periodTo.getTime() - 1),
    issuedAt: ctx.now(),
    rows: rows.map((r) => ({
      code: r.code,
      procedureName: factsOf(r)?.name ?? r.procedureCode,
      applicantName: r.applicantName,
      ...(r.applicantPhone ? { applicantContact: r.applicantPhone } : {}),
      leadAgencyName: names.get(r.agencyCode) ?? r.agencyCode,
      receivedAt: r.receivedAt!,
      ...(r.dueAt ? { dueAt: r.dueAt } : {}),
      ...(r.finishedAt ? { resultReceivedAt: r.finishedAt } : {}),
      ...(r.returnedAt ? { returnedAt: r.returnedAt } : {}),
    })),
  });
}
