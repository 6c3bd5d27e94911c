import assert from 'node:assert/strict';
import { test } from 'node:test';
import { procedureDefinitions as pd } from '@dvc/domain';
import { definitionFromCsvRow, parseDuration, parseFee, readCatalogCsv, readJsonBundle } from './procedure-import';

const HEADER =
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan thực hiện,Mức độ,Thời hạn giải quyết,Phí/lệ phí,Căn cứ pháp lý,Thành phần hồ sơ,Ghi chú';

test('a national catalog row without a form becomes a valid definition with a minimal form and its components', () => {
  const csv = `${HEADER}\n1.000894,Đăng ký kết hôn,Hộ tịch,Ủy ban nhân dân cấp xã,Toàn trình,Ngay trong ngày,"Lệ phí: 0 đồng","Luật Hộ tịch 2014\nNghị định 123/2015/NĐ-CP","Tờ khai đăng ký kết hôn (bản chính)\nBản sao chứng thực giấy xác nhận tình trạng hôn nhân",x\n`;
  const parsed = readCatalogCsv(csv);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.ignoredColumns, ['Ghi chú']);
  const entry = parsed.entries[0];
  assert.equal(entry?.at, 2);
  assert.equal(entry?.source.kind, 'csv');
  if (entry?.source.kind !== 'csv') return;
  const made = definitionFromCsvRow(entry.source.row, undefined);
  assert.ok(made.ok, JSON.stringify(made));
  const checked = pd.validateProcedureDefinition(made.definition);
  assert.ok(checked.ok, JSON.stringify(checked));
  const d = checked.definition;
  assert.equal(d.topic, 'ho-tich');
  assert.deepEqual(d.authority, [{ level: 'commune', agencyKind: 'commune_people_committee' }]);
  assert.equal(d.onlineLevel, 'full');
  assert.deepEqual(d.legalDuration, { unit: 'hours', amount: 8, note: 'Ngay trong ngày' });
  assert.deepEqual(d.fee, { kind: 'none' });
  assert.deepEqual(d.legalBasis, ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP']);
  assert.deepEqual(
    d.components.map((c) => [c.name.vi, c.copyKind]),
    [
      ['Tờ khai đăng ký kết hôn (bản chính)', 'original'],
      ['Bản sao chứng thực giấy xác nhận tình trạng hôn nhân', 'certified-copy'],
    ],
  );
  assert.deepEqual(
    d.form.steps[0]?.fields.map((f) => f.key),
    ['fullName', 'citizenId', 'phone', 'request'],
  );
  assert.equal(d.result.issuer, 'certificate');
  assert.equal(d.slug, 'dang-ky-ket-hon-1-000894');
  assert.match(made.warnings.join(' '), /Biểu mẫu tối thiểu/);
});

test('a bad row names every column at fault; a CSV missing a column is refused as a whole', () => {
  const row = {
    code: '1.23',
    name: 'Cấp phép xây dựng',
    field: '',
    agency: 'Ủy ban nhân dân cấp xã',
    level: 'Mức độ 2',
    duration: 'Không quy định',
    fee: '50.000 đồng',
    legalBasis: 'Luật Xây dựng',
  };
  const made = definitionFromCsvRow(row, undefined);
  assert.equal(made.ok, false);
  if (made.ok) return;
  assert.deepEqual(
    made.errors.map((e) => e.field),
    ['Mã thủ tục', 'Lĩnh vực', 'Mức độ', 'Thời hạn giải quyết', 'Phí/lệ phí'],
  );
  assert.match(made.errors[4]?.message ?? '', /căn cứ pháp lý/);

  const missing = readCatalogCsv('Mã thủ tục,Tên thủ tục\n1.000894,Đăng ký kết hôn\n');
  assert.equal(missing.ok, false);
  if (missing.ok) return;
  assert.ok(missing.errors.some((e) => e.message === 'Thiếu cột "Lĩnh vực"'));
});

test('durations and fees as the catalog writes them', () => {
  assert.deepEqual(parseDuration('03 ngày làm việc'), { unit: 'working-days', amount: 3, note: '03 ngày làm việc' });
  assert.deepEqual(parseDuration('Trong 08 giờ làm việc'), { unit: 'hours', amount: 8, note: 'Trong 08 giờ làm việc' });
  assert.equal(parseDuration('Theo quy định'), undefined);
  assert.deepEqual(parseFee('Miễn phí', undefined), { kind: 'none' });
  assert.deepEqual(parseFee('Lệ phí: 100.000 đồng/giấy, nộp khi nhận kết quả (Nghị quyết 11/2022/NQ-HĐND)', undefined), {
    kind: 'fixed',
    amount: 100_000,
    payableAt: 'result',
    legalBasis: 'Nghị quyết 11/2022/NQ-HĐND',
  });
  assert.deepEqual(parseFee('30.000đ', 'Thông tư 85/2019/TT-BTC'), {
    kind: 'fixed',
    amount: 30_000,
    payableAt: 'submission',
    legalBasis: 'Thông tư 85/2019/TT-BTC',
  });
  assert.equal(parseFee('tùy trường hợp', undefined), 'Không đọc được mức phí, lệ phí (ví dụ: "50.000 đồng")');
});

test('an existing procedure keeps its form, components and fee reduction; the CSV brings its facts', () => {
  const current = pd.findPilotDefinition('1.001612') as pd.ProcedureDefinition;
  const made = definitionFromCsvRow(
    {
      code: '1.001612',
      name: 'Đăng ký thành lập hộ kinh doanh',
      field: 'Thành lập và hoạt động của hộ kinh doanh',
      agency: 'UBND cấp xã',
      level: 'Toàn trình',
      duration: '03 ngày làm việc',
      fee: '100.000 đồng',
      legalBasis: 'Nghị định 168/2025/NĐ-CP',
      components: 'Giấy đề nghị',
    },
    current,
  );
  assert.ok(made.ok, JSON.stringify(made));
  assert.deepEqual(made.definition.form, current.form);
  assert.deepEqual(made.definition.components, current.components);
  assert.deepEqual(made.definition.fee, current.fee);
  assert.deepEqual(made.definition.legalDuration, current.legalDuration);
  assert.deepEqual(made.definition.legalBasis, ['Nghị định 168/2025/NĐ-CP']);
  assert.deepEqual(made.warnings, []);
});

test('a JSON bundle is a list of definitions, as an array or under "procedures"', () => {
  const one = pd.findPilotDefinition('1.001612');
  const a = readJsonBundle({ procedures: [one, { code: 7 }] });
  assert.ok(a.ok);
  assert.deepEqual(
    a.entries.map((e) => [e.at, e.code]),
    [
      [1, '1.001612'],
      [2, null],
    ],
  );
  assert.ok(readJsonBundle([one]).ok);
  assert.equal(readJsonBundle({ items: [] }).ok, false);
});
