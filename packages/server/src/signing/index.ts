/**
 * Signed documents (docs/decisions/011): PAdES B-T signatures through a Cloud Signature Consortium
 * API v2 service (the built-in stand-in by default), and their verification.
 */

export { disableCredential, revokeCredential } from './credential-lifecycle';
export { SigningError } from './csc-client';
export { isSigningRefusal, issueSignedPdf, SIGNING_REFUSALS, sealIssuedPdf, signIssuedPdf, signingRefusal } from './issue';
export {
  authorizeOfficer,
  type SignAs,
  type SigningFailure,
  type SignOutcome,
  type SignPdfInput,
  sendSigningOtp,
  signingReadiness,
  signPdf,
} from './signing.service';
export { type Verification, verifyPdf } from './verify';
