import { DEFAULT_OFFICE_HOURS, feeFor, formatDong, formatVietnamDate, type ProcedureDefinition, vietnamDate } from '@dvc/domain';
import { describeYear } from '../calendar/index';
import type { PublicDossierView } from '../dossiers/index';
import { HOTLINE } from '../feedback/index';
import type { AppContext } from '../http/context';
import { AGENCY_KIND_NAMES } from '../organisation/index';
import type { Intent } from './vocabulary';

/** What the assistant says, with where each fact came from and what the citizen can do next. */
export interface Answer {
  answer: string;
  intent: Intent;
  confident: boolean;
  sources: Array<{ procedureCode: string | null; field: string }>;
  actions: Array<{ label: string; href: string }>;
}

const HOTLINE_ACTION = { label: `Gọi tổng đài ${HOTLINE.phone}`, href: `tel:${HOTLINE.phone.replace(/\s/g, '')}` };
const LOOKUP_ACTION = { label: 'Tra cứu hồ sơ', href: '/tra-cuu' };

/** The procedure's page (what it takes, its form) and the wizard that files it. */
function procedureActions(p: ProcedureDefinition) {
  return [
    { label: `Xem thủ tục: ${p.name}`, href: `/thu-tuc/${encodeURIComponent(p.code)}` },
    { label: 'Nộp hồ sơ', href: `/nop/${encodeURIComponent(p.code)}` },
  ];
}

/** An answer about one procedure, read from its catalog facts only. */
export function procedureAnswer(
  p: ProcedureDefinition,
  intent: Exclude<Intent, 'status' | 'hours' | 'faq' | 'unknown'>,
  now: Date,
  confident: boolean,
): Answer {
  const cite = (field: string) => [{ procedureCode: p.code, field }];
  const base = { intent, confident, actions: procedureActions(p) };
  switch (intent) {
    case 'papers': {
      const list = p.components
        .map(
          (c, i) =>
            `${i + 1}. ${c.name}${c.mandatory ? '' : ' (nếu thuộc trường hợp cần)'}${c.copies > 1 ? ` — ${c.copies} bản` : ''}`,
        )
        .join('\n');
      return { ...base, answer: `Hồ sơ "${p.name}" gồm:\n${list}`, sources: cite('components') };
    }
    case 'fee': {
      if (p.fee.kind === 'none') {
        return {
          ...base,
          answer: `Thủ tục "${p.name}" không mất lệ phí.${p.fee.note ? ` ${p.fee.note}` : ''}`,
          sources: cite('fee'),
        };
      }
      const online = feeFor(p, 'web', now);
      const reduction =
        online < p.fee.amount
          ? ` Nộp trực tuyến được giảm ${p.fee.onlineReductionPercent}%, chỉ còn ${formatDong(online)}.`
          : ' Hiện không có mức giảm khi nộp trực tuyến.';
      const when = p.fee.payableAt === 'submission' ? 'khi nộp hồ sơ' : 'khi nhận kết quả';
      return {
        ...base,
        answer: `Lệ phí "${p.name}" là ${formatDong(p.fee.amount)} khi nộp tại quầy, đóng ${when}.${reduction} Căn cứ: ${p.fee.legalBasis}.`,
        sources: cite('fee'),
      };
    }
    case 'duration': {
      const text =
        p.legalDurationWorkingDays === 0
          ? `Thủ tục "${p.name}" chỉ cần thông báo, cơ quan tiếp nhận không ra quyết định${p.minimumNoticeWorkingDays ? `; hồ sơ phải đến trước ít nhất ${p.minimumNoticeWorkingDays} ngày làm việc` : ''}.`
          : `Thủ tục "${p.name}" được giải quyết trong ${p.legalDurationWorkingDays} ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ (không tính thứ Bảy, Chủ nhật, ngày lễ).`;
      return { ...base, answer: text, sources: cite('legalDurationWorkingDays') };
    }
    case 'where': {
      const agency = AGENCY_KIND_NAMES[p.authority.agencyKind] ?? p.authority.agencyKind;
      return {
        ...base,
        answer: `Hồ sơ "${p.name}" do ${agency} nơi ông/bà cư trú hoặc kinh doanh giải quyết. Có thể nộp tại Bộ phận một cửa của cơ quan đó hoặc nộp trực tuyến trên DVC.`,
        sources: cite('authority'),
      };
    }
    case 'online': {
      const text =
        p.onlineLevel === 'full'
          ? `Thủ tục "${p.name}" làm được toàn trình trực tuyến: nộp hồ sơ, theo dõi và nhận kết quả qua mạng, không cần đến cơ quan. Cũng có thể nộp trực tiếp tại Bộ phận một cửa.`
          : `Thủ tục "${p.name}" chỉ nộp trực tuyến một phần: nộp hồ sơ qua mạng được, nhưng vẫn phải đến cơ quan cho một số bước (đối chiếu bản chính hoặc nhận kết quả).`;
      return { ...base, answer: text, sources: cite('onlineLevel') };
    }
  }
}

/** Office hours and the next days off, from the province's working calendar. */
export async function hoursAnswer(ctx: AppContext): Promise<Answer> {
  const now = ctx.now();
  const today = vietnamDate(now);
  const year = Number(today.slice(0, 4));
  const [thisYear, nextYear] = await Promise.all([describeYear(ctx, year), describeYear(ctx, year + 1)]);
  const next = [...thisYear.daysOff, ...nextYear.daysOff].filter((d) => d.date >= today).slice(0, 3);
  const periods = DEFAULT_OFFICE_HOURS.periods.map((p) => `${p.start}–${p.end}`).join(' và ');
  const daysOff = next
    .map((d) => `${formatVietnamDate(new Date(`${d.date}T05:00:00Z`))}${d.name ? ` (${d.name})` : ''}`)
    .join('; ');
  return {
    answer: `Bộ phận một cửa làm việc từ thứ Hai đến thứ Sáu, ${periods}; nghỉ thứ Bảy, Chủ nhật và ngày lễ, Tết.${daysOff ? ` Ngày nghỉ sắp tới: ${daysOff}.` : ''} Nộp trực tuyến được bất cứ lúc nào.`,
    intent: 'hours',
    confident: true,
    sources: [
      { procedureCode: null, field: 'officeHours' },
      { procedureCode: null, field: 'calendar' },
    ],
    actions: [{ label: 'Xem danh mục thủ tục', href: '/thu-tuc' }],
  };
}

export function dossierStateAnswer(view: PublicDossierView): Answer {
  const parts = [`Hồ sơ ${view.code} (${view.procedureName}): ${view.statusLabel}.`];
  if (view.dueAt)
    parts.push(`Hẹn trả kết quả: ${formatVietnamDate(new Date(view.dueAt))}${view.overdue ? ' (đã quá hạn)' : ''}.`);
  for (const item of view.awaiting) {
    if (item.kind === 'supplement')
      parts.push(`Đang chờ ông/bà bổ sung: ${item.components.join(', ') || 'giấy tờ theo yêu cầu'}.`);
    if (item.kind === 'financial_obligation') parts.push('Đang chờ ông/bà thực hiện nghĩa vụ tài chính.');
    if (item.kind === 'fee_unpaid') parts.push(`Chưa nộp lệ phí ${formatDong(item.amount)}.`);
    if (item.kind === 'result_ready') parts.push('Đã có kết quả, mời ông/bà nhận.');
  }
  if (view.apology)
    parts.push(
      `Cơ quan đã gửi thư xin lỗi${view.apology.newDueAt ? `, hẹn lại ngày ${formatVietnamDate(new Date(view.apology.newDueAt))}` : ''}.`,
    );
  return {
    answer: parts.join(' '),
    intent: 'status',
    confident: true,
    sources: [{ procedureCode: view.procedureCode, field: 'dossierStatus' }],
    actions: [{ label: 'Xem chi tiết hồ sơ', href: `/tra-cuu?ma=${encodeURIComponent(view.code)}` }],
  };
}

export function statusNeedsFactorAnswer(tried: boolean): Answer {
  return {
    answer: tried
      ? 'Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận hoặc tin nhắn.'
      : 'Để xem tình trạng hồ sơ, vui lòng cho biết mã hồ sơ (trên giấy tiếp nhận hoặc tin nhắn) và 4 số cuối điện thoại người nộp, hoặc đăng nhập để xem hồ sơ của mình.',
    intent: 'status',
    confident: false,
    sources: [],
    actions: [LOOKUP_ACTION],
  };
}

export function declineAnswer(askWhich: boolean): Answer {
  const hotline = `Vui lòng gọi tổng đài ${HOTLINE.phone} (${HOTLINE.hours.vi}) để được hướng dẫn.`;
  return {
    answer: askWhich
      ? `Ông/bà hỏi về thủ tục nào? Xin cho biết tên thủ tục, ví dụ "lệ phí đăng ký hộ kinh doanh". Hoặc: ${hotline}`
      : `Xin lỗi, tôi chưa có thông tin để trả lời câu hỏi này trong danh mục thủ tục của tỉnh. ${hotline}`,
    intent: 'unknown',
    confident: false,
    sources: [{ procedureCode: null, field: 'hotline' }],
    actions: [HOTLINE_ACTION, { label: 'Xem danh mục thủ tục', href: '/thu-tuc' }],
  };
}
