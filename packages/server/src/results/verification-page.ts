import { formatShortDate, formatShortDateTime } from '../documents/vn-format';
import type { SignatureStatus, Verification } from './verification.service';

/** The public verification page (`/xac-minh/:code`): plain HTML, readable on a phone, no script. */

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Dịch vụ công Quảng Ngãi</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f4f6f8; color: #1b1f24; line-height: 1.5; }
  header { background: #b71c1c; color: #fff; padding: 12px 16px; font-weight: 600; }
  main { max-width: 640px; margin: 16px auto; padding: 0 12px; }
  .card { background: #fff; border-radius: 8px; padding: 16px; box-shadow: 0 1px 3px rgba(0,0,0,.12); margin-bottom: 12px; }
  h2 { font-size: 1.15em; margin: 0 0 8px; }
  .badge { display: inline-block; padding: 4px 10px; border-radius: 999px; font-weight: 600; }
  .ok { background: #e6f4ea; color: #1e6b34; } .warn { background: #fff4e5; color: #8a4b00; } .bad { background: #fdecea; color: #9b1c1c; }
  dl { display: grid; grid-template-columns: minmax(120px, 40%) 1fr; gap: 8px 12px; margin: 16px 0 0; }
  dt { color: #57606a; } dd { margin: 0; font-weight: 600; word-break: break-word; }
  footer { font-size: 14px; color: #57606a; margin-top: 16px; }
</style>
</head>
<body>
<header>Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Quảng Ngãi</header>
<main>${body}</main>
</body>
</html>`;
}

/** The issued file's digital signature: valid or not, signer, agency, signing time, timestamp. */
function signatureCard(sig: SignatureStatus | undefined): string {
  if (!sig) return '';
  const rows: [string, string][] = sig.signed
    ? [
        ['Người ký', sig.signerName ?? '—'],
        ['Cơ quan', sig.agencyName ?? '—'],
        ['Thời điểm ký', sig.signedAt ? `${formatShortDateTime(sig.signedAt)} (giờ Việt Nam)` : '—'],
        ['Dấu thời gian', sig.timestamped ? 'Có, do đơn vị cấp dấu thời gian xác nhận' : 'Không có'],
      ]
    : [];
  const badge = sig.valid
    ? '<span class="badge ok">✓ Chữ ký số hợp lệ</span>'
    : `<span class="badge bad">✗ ${sig.signed ? 'Chữ ký số không hợp lệ' : 'Văn bản chưa được ký số'}</span>`;
  const problems = sig.valid
    ? ''
    : `<ul>${sig.problems
        .filter((p) => !/trùng khớp từng byte/.test(p))
        .map((p) => `<li>${escapeHtml(p)}</li>`)
        .join('')}</ul>`;
  return `<div class="card" id="chu-ky-so">
  <h2>Chữ ký số</h2>
  <p>${badge}</p>
  ${rows.length ? `<dl>${rows.map(([k, val]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(val)}</dd>`).join('')}</dl>` : ''}
  ${problems}
</div>`;
}

export function verificationPage(v: Verification): string {
  const cls = v.status === 'valid' ? 'ok' : 'warn';
  const rows: [string, string][] = [
    ['Loại văn bản', v.title],
    [v.kind === 'acknowledgement' ? 'Mã hồ sơ' : 'Mã số hộ kinh doanh', v.number],
    [v.kind === 'acknowledgement' ? 'Thương nhân' : 'Tên hộ kinh doanh', v.subjectName],
    ...(v.detail ? ([['Chương trình', v.detail]] as [string, string][]) : []),
    ...(v.changeNumber ? ([['Đăng ký thay đổi lần thứ', String(v.changeNumber)]] as [string, string][]) : []),
    ['Cơ quan cấp', v.issuerName],
    ['Ngày cấp', formatShortDate(v.issuedAt)],
    ['Tình trạng', v.statusLabel],
  ];
  return page(
    'Xác minh văn bản',
    `<div class="card">
  <h1>Xác minh văn bản</h1>
  <p><span class="badge ${cls}">✓ Văn bản xác thực</span></p>
  <p>Văn bản có mã xác minh <strong>${escapeHtml(v.code)}</strong> do Hệ thống dịch vụ công tỉnh Quảng Ngãi cấp. Đối chiếu các thông tin dưới đây với bản bạn đang có.</p>
  <dl>${rows.map(([k, val]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(val)}</dd>`).join('')}</dl>
</div>
${signatureCard(v.signature)}
<footer>Trang này không hiển thị thông tin cá nhân của chủ hộ kinh doanh.</footer>`,
  );
}

export function notFoundPage(): string {
  return page(
    'Không tìm thấy văn bản',
    `<div class="card">
  <h1>Không tìm thấy văn bản</h1>
  <p><span class="badge bad">✗ Không xác minh được</span></p>
  <p>Mã xác minh không tồn tại trong Hệ thống dịch vụ công tỉnh Quảng Ngãi. Văn bản có mã này không phải do hệ thống cấp hoặc mã đã bị nhập sai. Vui lòng kiểm tra lại mã in dưới mã QR, hoặc liên hệ cơ quan cấp văn bản.</p>
</div>`,
  );
}
