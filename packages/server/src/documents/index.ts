/** Official slips (Circular 03/2025/TT-VPCP, Mẫu 01–07), results and the fee receipt as PDF, from plain data. */
export { amountInWords, readVietnameseNumber } from './amount-in-words';
export { renderApologyExtension } from './apology-extension';
export { renderDossierRegister } from './dossier-register';
export { renderFeeReceipt } from './fee-receipt';
export { renderHouseholdBusinessCertificate } from './household-business-certificate';
export { renderProcedureCertificate } from './procedure-certificate';
export { renderProcessControlSlip } from './process-control-slip';
export { renderPromotionAcknowledgement } from './promotion-acknowledgement';
export { renderReceiptSlip } from './receipt-slip';
export { renderRefusalSlip } from './refusal-slip';
export { renderStopNotice } from './stop-notice';
export { renderSupplementRequest } from './supplement-request';
export * from './types';
export { formatVnDateTime, verificationUrl } from './vn-format';
