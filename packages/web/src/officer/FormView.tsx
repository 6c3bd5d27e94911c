import { type ReactNode, useEffect, useState } from 'react';
import { type Locale, useI18n } from '../i18n';
import { api } from '../shared/api';
import { formatDate, formatDong } from '../shared/format';

/**
 * The form a dossier carries, readable: labels for the household business fields (the domain's
 * paths), the commune's name instead of its code, money in đồng, dates as dd/mm/yyyy. Fields the
 * map does not know still show, under their key, so nothing filed is hidden from the officer.
 */
const LABELS: Record<string, [vi: string, en: string]> = {
  businessName: ['Tên hộ kinh doanh', 'Business name'],
  'location.unitCode': ['Xã, phường nơi đặt địa điểm kinh doanh', 'Commune of the business'],
  'location.street': ['Số nhà, đường, thôn/tổ dân phố', 'Street address'],
  businessLines: ['Ngành, nghề kinh doanh', 'Business lines'],
  capital: ['Vốn kinh doanh', 'Capital'],
  employees: ['Số lao động', 'Employees'],
  owner: ['Chủ hộ kinh doanh', 'Owner'],
  'owner.fullName': ['Họ và tên', 'Full name'],
  'owner.birthDate': ['Ngày sinh', 'Date of birth'],
  'owner.sex': ['Giới tính', 'Sex'],
  'owner.ethnicity': ['Dân tộc', 'Ethnicity'],
  'owner.nationality': ['Quốc tịch', 'Nationality'],
  'owner.citizenId': ['Số định danh cá nhân', 'Citizen ID'],
  'owner.residence': ['Nơi thường trú', 'Permanent residence'],
  'owner.phone': ['Số điện thoại', 'Phone'],
  'owner.email': ['Thư điện tử', 'Email'],
  members: ['Thành viên hộ gia đình', 'Household members'],
  delivery: ['Hình thức nhận kết quả', 'Result delivery'],
  postalAddress: ['Địa chỉ nhận qua bưu điện', 'Postal address'],
  registrationNumber: ['Mã số đăng ký hộ kinh doanh', 'Registration number'],
  ownerCitizenId: ['Số định danh cá nhân của chủ hộ', "Owner's citizen ID"],
  applicant: ['Người nộp', 'Applicant'],
  note: ['Ghi chú', 'Note'],
};
const VALUES: Record<string, [string, string]> = {
  male: ['Nam', 'Male'],
  female: ['Nữ', 'Female'],
  counter: ['Nhận tại Bộ phận Một cửa', 'At the counter'],
  post: ['Qua bưu điện', 'By post'],
  electronic: ['Bản điện tử', 'Electronic'],
};
const MONEY = /capital|contribution|amount/i;
/** The paper form's order (the database hands objects back with their keys re-ordered). */
const ORDER = [
  'businessName',
  'registrationNumber',
  'ownerCitizenId',
  'location',
  'businessLines',
  'capital',
  'employees',
  'owner',
  'members',
];
const LABEL_ORDER = Object.keys(LABELS);
/** Top level by the paper form's order; inside an object (the owner) by the order of LABELS. */
const rank = (prefix: string, k: string) => {
  const i = prefix ? LABEL_ORDER.indexOf(`${prefix}.${k}`) : ORDER.indexOf(k);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
};

export function labelOf(path: string, locale: Locale): string {
  const l = LABELS[path];
  return l ? l[locale === 'en' ? 1 : 0] : (path.split('.').pop() ?? path);
}

function valueText(key: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return MONEY.test(key) ? formatDong(value) : String(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T12:00:00+07:00`);
    return VALUES[value]?.[locale === 'en' ? 1 : 0] ?? value;
  }
  return JSON.stringify(value);
}

export function FormView({ form }: { form: Record<string, unknown> }) {
  const { locale } = useI18n();
  const rows: { path: string; label: string; value: ReactNode; header?: boolean }[] = [];
  const unitCode = (form.location as { unitCode?: string } | undefined)?.unitCode;
  const unitName = useUnitName(unitCode);

  function walk(obj: Record<string, unknown>, prefix: string) {
    const entries = Object.entries(obj);
    entries.sort(([a], [b]) => rank(prefix, a) - rank(prefix, b));
    for (const [k, v] of entries) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (path === 'businessLines' && Array.isArray(v)) {
        rows.push({
          path,
          label: labelOf(path, locale),
          value: (
            <ul className="plain">
              {(v as { code: string; name: string; isMain?: boolean }[]).map((l) => (
                <li key={l.code}>
                  <strong>{l.code}</strong> {l.name}
                  {l.isMain && <span className="tag optional">{locale === 'en' ? 'main' : 'ngành chính'}</span>}
                </li>
              ))}
            </ul>
          ),
        });
      } else if (Array.isArray(v)) {
        rows.push({
          path,
          label: labelOf(path, locale),
          value:
            v.length === 0 ? (
              '—'
            ) : (
              <ol className="off-sublist">
                {v.map((item, i) => (
                  <li key={String(i)}>
                    {item && typeof item === 'object'
                      ? Object.entries(item as Record<string, unknown>)
                          .map(([ik, iv]) => `${labelOf(`owner.${ik}`, locale)}: ${valueText(ik, iv, locale)}`)
                          .join(' · ')
                      : valueText(k, item, locale)}
                  </li>
                ))}
              </ol>
            ),
        });
      } else if (v && typeof v === 'object') {
        if (LABELS[path]) rows.push({ path, label: labelOf(path, locale), value: null, header: true });
        walk(v as Record<string, unknown>, path);
      } else {
        const text = path === 'location.unitCode' && unitName ? `${unitName} (${String(v)})` : valueText(k, v, locale);
        rows.push({ path, label: labelOf(path, locale), value: text });
      }
    }
  }
  walk(form, '');

  return (
    <dl className="off-form">
      {rows.map((r) =>
        r.header ? (
          <div key={r.path} className="off-form-group">
            {r.label}
          </div>
        ) : (
          <div key={r.path} className="off-form-row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}

function useUnitName(code: string | undefined): string | undefined {
  const [name, setName] = useState<string | undefined>();
  useEffect(() => {
    if (!code || !/^\d{2,5}$/.test(code)) return;
    api<{ fullName: string }>(`/api/v1/admin-units/${code}`)
      .then((u) => setName(u.fullName))
      .catch(() => setName(undefined));
  }, [code]);
  return name;
}
