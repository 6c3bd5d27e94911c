import type { ProcedureDefinition } from '@dvc/domain';
import type { PaymentsConfig } from '../config';
import { renderFeeReceipt } from '../documents/index';
import type { DossierRow } from '../dossiers/index';

/** The printable electronic fee receipt of an online payment (Biên lai thu phí, lệ phí). */
export async function renderPaymentReceipt(input: {
  config: PaymentsConfig;
  dossier: Pick<DossierRow, 'code' | 'procedureCode' | 'applicantName' | 'channel'>;
  /** The catalog facts of the version the dossier was filed under. */
  procedure: Pick<ProcedureDefinition, 'name' | 'fee'> | undefined;
  agencyName: string;
  amount: number;
  receiptNumber: string;
  paidAt: Date;
  issuedAt: Date;
  gatewayTxnNo: string | null;
  bankCode: string | null;
}): Promise<Buffer> {
  const { config, dossier } = input;
  const procedure = input.procedure;
  const procedureName = procedure?.name ?? dossier.procedureCode;
  const fee = procedure?.fee;
  const reduced = fee?.kind === 'fixed' && fee.onlineReductionPercent > 0 && input.amount < fee.amount;
  const itemName = `Lệ phí ${procedureName.charAt(0).toLowerCase()}${procedureName.slice(1)}${
    reduced ? ` (giảm ${fee.onlineReductionPercent}% khi nộp trực tuyến)` : ''
  }`;
  const via = config.mode === 'sandbox' ? 'cổng thanh toán thử nghiệm (VNPay sandbox)' : 'cổng thanh toán VNPay';
  const ref = [input.gatewayTxnNo && `mã giao dịch ${input.gatewayTxnNo}`, input.bankCode && `ngân hàng ${input.bankCode}`]
    .filter(Boolean)
    .join(', ');
  return renderFeeReceipt({
    agency: { parentName: 'TỈNH QUẢNG NGÃI', name: input.agencyName.toUpperCase(), place: 'Quảng Ngãi' },
    dossierCode: dossier.code,
    issuedAt: input.issuedAt,
    collector: { name: input.agencyName, taxCode: config.FEE_COLLECTOR_TAX_CODE },
    templateSymbol: config.FEE_RECEIPT_TEMPLATE,
    series: config.FEE_RECEIPT_SERIES,
    number: input.receiptNumber,
    payer: { fullName: dossier.applicantName },
    items: [{ name: itemName, amount: input.amount }],
    paymentMethod: `Thanh toán trực tuyến qua ${via}${ref ? ` (${ref})` : ''}`,
    paidAt: input.paidAt,
    lookupCode: `${config.FEE_RECEIPT_SERIES.replace(/[^A-Za-z0-9]/g, '')}${input.receiptNumber}`,
    collectorOfficer: 'Cổng Dịch vụ công tỉnh Quảng Ngãi',
  });
}
