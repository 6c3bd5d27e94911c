import { randomUUID } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import type { AppContext } from '../http/context';
import type { OfficerRole } from './actor';
import type { AgencyTable } from './identity.tables';
import { hashPassword } from './secrets';

/**
 * Agencies that receive dossiers (reference data; administrators add, rename and close more in the
 * app: organisation/). The commune People's Committees and police posts come from the units below.
 */
const TWO_TIER = '2025-07-01';
const AGENCIES: Omit<Insertable<AgencyTable>, 'provinceCode'>[] = [
  {
    code: 'TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi',
    unitCode: '51',
    level: 'province',
    kind: 'public_service_centre',
    validFrom: TWO_TIER,
    desk: JSON.stringify({ name: 'Bộ phận Một cửa Trung tâm Phục vụ hành chính công', address: '', phone: '' }),
  },
  {
    code: 'SCT',
    name: 'Sở Công Thương tỉnh Quảng Ngãi',
    unitCode: '51',
    level: 'province',
    kind: 'department_industry_trade',
    validFrom: TWO_TIER,
  },
  {
    code: 'BHXH',
    name: 'Bảo hiểm xã hội tỉnh Quảng Ngãi',
    unitCode: '51',
    level: 'province',
    kind: 'social_insurance_agency',
    validFrom: TWO_TIER,
  },
  {
    code: 'UBND.21025',
    name: 'Ủy ban nhân dân phường Cẩm Thành',
    unitCode: '21025',
    level: 'commune',
    kind: 'commune_people_committee',
    validFrom: TWO_TIER,
  },
  {
    code: 'UBND.21040',
    name: 'Ủy ban nhân dân xã Bình Sơn',
    unitCode: '21040',
    level: 'commune',
    kind: 'commune_people_committee',
    validFrom: TWO_TIER,
  },
  {
    code: 'UBND.21061',
    name: 'Ủy ban nhân dân xã Vạn Tường',
    unitCode: '21061',
    level: 'commune',
    kind: 'commune_people_committee',
    validFrom: TWO_TIER,
  },
];

/**
 * The communes the demo is played in: the demo citizen's ward (Cẩm Thành), the other commune's
 * desk (Bình Sơn) and the special zone of the hotline's fishermen (Lý Sơn). Every agency a
 * procedure routes their dossiers to has a receiver, a specialist and a leader below.
 */
export const DEMO_COMMUNES = ['21025', '21040', '21548'] as const;

/** Development convenience only: these accounts exist when the server runs with demo data. */
export const DEMO_PASSWORD = 'DemoDvc@2026';

interface DemoAccount {
  phone: string;
  fullName: string;
  kind: 'citizen' | 'officer';
  grant?: { role: OfficerRole; agencyCode: string; unitCode: string };
  label: string;
}

/** A receiver, a specialist and a leader of one agency, phones 0905000{prefix, two digits}1..3. */
function desk(prefix: string, agencyCode: string, unitCode: string, label: string, names: string[]): DemoAccount[] {
  const roles = [
    ['receiver', 'tiếp nhận'],
    ['specialist', 'chuyên viên'],
    ['leader', 'lãnh đạo'],
  ] as const;
  return roles.map(([role, roleLabel], i) =>
    officer(`0905000${prefix.padStart(2, '0')}${i + 1}`, names[i] ?? label, role, agencyCode, unitCode, `${roleLabel}, ${label}`),
  );
}

function officer(
  phone: string,
  fullName: string,
  role: OfficerRole,
  agencyCode: string,
  unitCode: string,
  label: string,
): DemoAccount {
  return { phone, fullName, kind: 'officer', grant: { role, agencyCode, unitCode }, label };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: '0905000001', fullName: 'Nguyễn Văn An', kind: 'citizen', label: 'công dân' },
  {
    phone: '0905000011',
    fullName: 'Trần Thị Bích',
    kind: 'officer',
    grant: { role: 'receiver', agencyCode: 'UBND.21025', unitCode: '21025' },
    label: 'tiếp nhận, UBND phường Cẩm Thành',
  },
  {
    phone: '0905000012',
    fullName: 'Lê Văn Cường',
    kind: 'officer',
    grant: { role: 'specialist', agencyCode: 'UBND.21025', unitCode: '21025' },
    label: 'chuyên viên, UBND phường Cẩm Thành',
  },
  {
    phone: '0905000013',
    fullName: 'Phạm Thị Dung',
    kind: 'officer',
    grant: { role: 'leader', agencyCode: 'UBND.21025', unitCode: '21025' },
    label: 'lãnh đạo, UBND phường Cẩm Thành',
  },
  {
    phone: '0905000021',
    fullName: 'Hoàng Văn Em',
    kind: 'officer',
    grant: { role: 'receiver', agencyCode: 'UBND.21040', unitCode: '21040' },
    label: 'tiếp nhận, UBND xã Bình Sơn',
  },
  officer('0905000022', 'Đinh Văn Bảo', 'specialist', 'UBND.21040', '21040', 'chuyên viên, UBND xã Bình Sơn'),
  officer('0905000023', 'Kiều Thị Cúc', 'leader', 'UBND.21040', '21040', 'lãnh đạo, UBND xã Bình Sơn'),
  {
    phone: '0905000031',
    fullName: 'Bùi Thị Hạnh',
    kind: 'officer',
    grant: { role: 'hotline', agencyCode: 'TTPVHCC', unitCode: '51' },
    label: 'tổng đài viên, Trung tâm Phục vụ hành chính công',
  },
  {
    phone: '0905000041',
    fullName: 'Ngô Văn Khoa',
    kind: 'officer',
    grant: { role: 'receiver', agencyCode: 'SCT', unitCode: '51' },
    label: 'tiếp nhận, Sở Công Thương',
  },
  officer('0905000042', 'Lưu Thị Duyên', 'specialist', 'SCT', '51', 'chuyên viên, Sở Công Thương'),
  officer('0905000043', 'Quách Văn Đức', 'leader', 'SCT', '51', 'lãnh đạo, Sở Công Thương'),
  // The interlinked groups' other agencies (commune police, provincial social insurance) and the
  // special zone of the hotline's fishermen: someone can receive, process and sign there
  // (staff.demo-seed.test.ts checks every agency the demo's procedures route to).
  ...desk('5', 'CA.21025', '21025', 'Công an phường Cẩm Thành', ['Đỗ Văn Lâm', 'Mai Thị Lan', 'Trịnh Văn Long']),
  ...desk('6', 'BHXH', '51', 'Bảo hiểm xã hội tỉnh', ['Tạ Thị Mai', 'Lý Văn Minh', 'Châu Thị Nga']),
  ...desk('7', 'UBND.21548', '21548', 'UBND đặc khu Lý Sơn', ['Phan Văn Ổn', 'Lương Thị Phúc', 'Huỳnh Văn Quang']),
  ...desk('8', 'CA.21548', '21548', 'Công an đặc khu Lý Sơn', ['Tôn Văn Sang', 'Từ Thị Thu', 'La Văn Uy']),
  ...desk('10', 'CA.21040', '21040', 'Công an xã Bình Sơn', ['Hà Văn Vinh', 'Thái Thị Xuân', 'Khổng Văn Yên']),
  {
    phone: '0905000091',
    fullName: 'Võ Thị Giang',
    kind: 'officer',
    grant: { role: 'province_admin', agencyCode: 'TTPVHCC', unitCode: '51' },
    label: 'quản trị cấp tỉnh',
  },
  {
    phone: '0905000099',
    fullName: 'Đặng Văn Hùng',
    kind: 'officer',
    grant: { role: 'system_admin', agencyCode: 'TTPVHCC', unitCode: '51' },
    label: 'quản trị hệ thống',
  },
];

/**
 * Adds the agencies whose code is not there yet and leaves the others as administrators left them:
 * how reference data (this seed's, the demo history's former district committees) reaches the table.
 */
export async function ensureAgencies(ctx: AppContext, agencies: Omit<Insertable<AgencyTable>, 'provinceCode'>[]): Promise<void> {
  if (agencies.length === 0) return;
  const provinceCode = ctx.config.PROVINCE_CODE;
  await ctx.db
    .insertInto('agency')
    .values(agencies.map((a) => ({ ...a, provinceCode })))
    .onConflict((oc) => oc.columns(['provinceCode', 'code']).doNothing())
    .execute();
}

/** Idempotent. Returns lines for the start-up banner (the demo logins, when demo is on). */
export async function seedIdentity(ctx: AppContext, demo: boolean): Promise<string[]> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  await ensureAgencies(ctx, AGENCIES);
  await seedCommuneAgencies(ctx);
  if (!demo) return [];

  const existing = await ctx.db
    .selectFrom('userAccount')
    .select('phone')
    .where('provinceCode', '=', provinceCode)
    .where(
      'phone',
      'in',
      DEMO_ACCOUNTS.map((a) => a.phone),
    )
    .execute();
  const have = new Set(existing.map((r) => r.phone));
  const missing = DEMO_ACCOUNTS.filter((a) => !have.has(a.phone));
  if (missing.length > 0) {
    // One hash for all: hashing is the slow part of seeding, and these accounts share a password.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      for (const a of missing) {
        const id = randomUUID();
        await trx
          .insertInto('userAccount')
          .values({
            id,
            provinceCode,
            kind: a.kind,
            phone: a.phone,
            fullName: a.fullName,
            passwordHash,
            citizenId: null,
            phoneVerifiedAt: now,
            createdAt: now,
          })
          .execute();
        if (a.grant)
          await trx
            .insertInto('officerRole')
            .values({ provinceCode, userId: id, ...a.grant })
            .execute();
      }
    });
  }
  return [`  Tài khoản demo (mật khẩu / password ${DEMO_PASSWORD}):`, ...DEMO_ACCOUNTS.map((a) => `    ${a.phone}  ${a.label}`)];
}

/**
 * Every commune-level unit of the two-tier era has a People's Committee and a commune police post
 * that receive dossiers (Decree 118/2025: dossiers are routed by competent authority). Reads the
 * administrative units seeded before this step; inserts only what is missing.
 */
async function seedCommuneAgencies(ctx: AppContext): Promise<void> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const units = await ctx.db
    .selectFrom('adminUnit')
    .select(['code', 'fullName'])
    .where('level', '=', 'commune')
    .where('validFrom', '>=', '2025-07-01')
    .where('parentCode', '=', provinceCode)
    .execute();
  if (units.length === 0) return;
  const have = await ctx.db
    .selectFrom('agency')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('provinceCode', '=', provinceCode)
    .executeTakeFirstOrThrow();
  if (have.n >= units.length * 2) return;
  const rows = units.flatMap((u) => [
    {
      code: `UBND.${u.code}`,
      name: `Ủy ban nhân dân ${lowerKind(u.fullName)}`,
      unitCode: u.code,
      level: 'commune' as const,
      kind: 'commune_people_committee' as const,
      validFrom: TWO_TIER,
    },
    {
      code: `CA.${u.code}`,
      name: `Công an ${lowerKind(u.fullName)}`,
      unitCode: u.code,
      level: 'commune' as const,
      kind: 'commune_police' as const,
      validFrom: TWO_TIER,
    },
  ]);
  await ensureAgencies(ctx, rows);
}

/** "Phường Cẩm Thành" → "phường Cẩm Thành", as written after "Ủy ban nhân dân". */
function lowerKind(fullName: string): string {
  return fullName.replace(/^(Xã|Phường|Đặc khu)/, (k) => k.toLowerCase());
}
