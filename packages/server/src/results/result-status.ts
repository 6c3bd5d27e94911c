import { formatShortDate } from '../documents/vn-format';
import type { AppContext } from '../http/context';
import { findHouseholdBusinessById } from '../registry/index';
import type { DossierResultRow } from './results.repository';
import { findLatestCertificate } from './results.repository';

export type VerifiedStatus = 'valid' | 'replaced' | 'terminated';

/**
 * Whether a result still holds, read live from the register: a certificate of a business that has
 * since terminated, or that a later certificate (after a change) replaced, says so. The verification
 * page and the citizen's document store both tell it this way.
 */
export async function resultStatus(
  ctx: AppContext,
  row: Pick<DossierResultRow, 'id' | 'kind' | 'householdBusinessId' | 'provinceCode'>,
): Promise<{ status: VerifiedStatus; statusLabel: string }> {
  if (!row.householdBusinessId)
    return { status: 'valid', statusLabel: 'Văn bản do cơ quan nhà nước cấp trên Hệ thống dịch vụ công, còn giá trị' };
  if (row.kind === 'notice') return { status: 'valid', statusLabel: 'Hộ kinh doanh đã chấm dứt hoạt động theo thông báo này' };
  const business = await findHouseholdBusinessById(ctx.db, row.provinceCode, row.householdBusinessId);
  if (business?.status === 'terminated') {
    const since = business.terminatedAt ? ` từ ngày ${formatShortDate(business.terminatedAt)}` : '';
    return { status: 'terminated', statusLabel: `Hộ kinh doanh đã chấm dứt hoạt động${since}` };
  }
  const latest = await findLatestCertificate(ctx.db, row.provinceCode, row.householdBusinessId);
  if (latest && latest.id !== row.id) {
    return {
      status: 'replaced',
      statusLabel: `Đã được thay thế bởi Giấy chứng nhận cấp ngày ${formatShortDate(latest.issuedAt)} (đăng ký thay đổi)`,
    };
  }
  return { status: 'valid', statusLabel: 'Còn hiệu lực — hộ kinh doanh đang hoạt động' };
}
