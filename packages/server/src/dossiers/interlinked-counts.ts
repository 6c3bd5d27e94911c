import type { InterlinkedFigures } from '@dvc/domain/indicator-report';
import { formatPercentOf } from '@dvc/domain/indicators';
import { sql } from 'kysely';
import { currentGroupMembers } from '../catalog/index';
import type { AppContext } from '../http/context';
import { type Filters, scopeConditions } from '../reports/index';
import { GROUP_TITLES, type InterlinkGroup } from './dossier-group.service';

/**
 * The interlinked groups' rows of a report (seed 004: "Nhóm liên thông … khai sinh, thường trú, cấp
 * thẻ BHYT cho trẻ em dưới 6 tuổi: tiếp nhận và giải quyết thông qua hình thức trực tuyến 09/09 hồ
 * sơ"): per group, the group filings received in the period (one filing fans out to one dossier per
 * agency, and counts once), those filed online, and those whose every member has finished. A filing
 * belongs to the group whose current members include its procedures. Every group is listed, with 0.
 */
export async function countInterlinkedFilings(ctx: AppContext, f: Filters): Promise<InterlinkedFigures[]> {
  const day = sql`report_day(submitted_at)`;
  const where = [
    sql`province_code = ${f.provinceCode}`,
    sql`group_code is not null`,
    // The partial index on group filings (migration 061) holds the range; then the exact Vietnam day.
    sql`submitted_at >= ${f.period.from}::date - 1`,
    sql`submitted_at < ${f.period.to}::date + 1`,
    sql`${day} >= ${f.period.from}::date`,
    sql`${day} < ${f.period.to}::date`,
  ];
  where.push(...scopeConditions(f));
  const filings = await sql<{ codes: string[]; online: boolean; finished: boolean }>`
    select array_agg(distinct procedure_code) as codes,
      bool_and(channel in ('web', 'mobile')) as online,
      bool_and(finished_at is not null) as finished
    from dossier
    where ${sql.join(where, sql` and `)}
    group by group_code`.execute(ctx.db);
  const kinds = Object.keys(GROUP_TITLES) as InterlinkGroup[];
  const members = new Map<InterlinkGroup, Set<string>>();
  for (const kind of kinds) members.set(kind, new Set((await currentGroupMembers(ctx, kind)).map((m) => m.definition.code)));
  return kinds.map((kind) => {
    const mine = filings.rows.filter((r) => r.codes.some((c) => members.get(kind)?.has(c)));
    const online = mine.filter((r) => r.online).length;
    return {
      key: kind,
      title: GROUP_TITLES[kind],
      received: mine.length,
      online,
      finished: mine.filter((r) => r.finished).length,
      onlineText: formatPercentOf(online, mine.length),
    };
  });
}
