import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { toXlsx } from './reports.export';
import type { CountRow } from './reports.repository';
import { FORMULAS, type IndicatorReport, toIndicatorRow } from './reports.service';

function counts(over: Partial<CountRow>): CountRow {
  const zero = { key: '', oldEra: false } as CountRow;
  return Object.assign(
    zero,
    {
      carried: 0,
      received: 0,
      direct: 0,
      web: 0,
      mobile: 0,
      phone: 0,
      componentsDigitized: 0,
      feeBearing: 0,
      paidOnline: 0,
      paidAmount: 0,
      apologised: 0,
      finished: 0,
      finishedOnTime: 0,
      resolved: 0,
      resultDigitized: 0,
      resultElectronic: 0,
      digitizedBoth: 0,
      withdrawn: 0,
      overdueOpen: 0,
      complained: 0,
    },
    over,
  );
}

function reportOf(c: CountRow): IndicatorReport {
  const row = toIndicatorRow('524', 'Huyện Bình Sơn', c);
  return {
    period: { from: '2024-03-01', to: '2024-03-31', label: 'Tháng 03/2024' },
    groupBy: 'unit',
    era: 'old',
    level: 'district',
    procedureGroup: null,
    target: null,
    rows: [row],
    total: toIndicatorRow('', 'Tổng cộng', c),
    classification: null,
    formulas: FORMULAS,
  } as IndicatorReport;
}

test('an exact half rounds up the same way on screen, in CSV and in Excel: 23 of 160 online is 14,38% everywhere', async () => {
  const report = reportOf(counts({ received: 160, web: 23, direct: 137, feeBearing: 800, paidOnline: 29 }));
  assert.equal(report.total.ratesText.online, '14,38%');
  assert.equal(report.total.ratesText.onlinePayment, '3,63%');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chỉ số');
  assert.ok(ws);
  const heads = (ws.getRow(1).values as unknown[]).slice(1);
  const cell = (h: string) => ws.getRow(ws.rowCount).getCell(heads.indexOf(h) + 1).value;
  // The workbook holds the rounded figure, so no spreadsheet re-rounds the raw ratio its own way.
  assert.equal(cell(FORMULAS.online.label), 0.1438);
  assert.equal(cell(FORMULAS.onlinePayment.label), 0.0363);
});
