/**
 * Writes one PDF of each document from the sample data to .tmp/pdf/ (for a look by eye):
 *   node --import tsx packages/server/src/documents/render-samples.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  renderApologyExtension,
  renderDossierRegister,
  renderFeeReceipt,
  renderHouseholdBusinessCertificate,
  renderProcessControlSlip,
  renderPromotionAcknowledgement,
  renderReceiptSlip,
  renderRefusalSlip,
  renderStopNotice,
  renderSupplementRequest,
} from './index';
import * as s from './samples';

const outDir = process.argv[2] ?? join(process.cwd(), '.tmp', 'pdf');
mkdirSync(outDir, { recursive: true });
const jobs: Array<[string, Promise<Buffer>]> = [
  ['01-tiep-nhan-hen-tra.pdf', renderReceiptSlip(s.receiptSlip)],
  ['02-yeu-cau-bo-sung.pdf', renderSupplementRequest(s.supplementRequest)],
  ['03-tu-choi.pdf', renderRefusalSlip(s.refusalSlip)],
  ['04-xin-loi-gia-han.pdf', renderApologyExtension(s.apologyExtension)],
  ['05-dung-giai-quyet.pdf', renderStopNotice(s.stopNotice)],
  ['06-kiem-soat.pdf', renderProcessControlSlip(s.processControlSlip)],
  ['07-so-theo-doi.pdf', renderDossierRegister(s.dossierRegister)],
  ['gcn-ho-kinh-doanh.pdf', renderHouseholdBusinessCertificate(s.householdBusinessCertificate)],
  ['xac-nhan-khuyen-mai.pdf', renderPromotionAcknowledgement(s.promotionAcknowledgement)],
  ['bien-lai.pdf', renderFeeReceipt(s.feeReceipt)],
];
for (const [name, job] of jobs) {
  const file = join(outDir, name);
  writeFileSync(file, await job);
  console.log(file);
}
