import type { ColumnType, Generated } from 'kysely';

/** Tables of the signing capability: the local CSC stand-in's (034) and the app's (035). */
export interface SigningTables {
  signingCredential: SigningCredentialTable;
  signingOtp: SigningOtpTable;
  signingActivation: SigningActivationTable;
  signedDocument: SignedDocumentTable;
  signingOfficerAuthorization: SigningOfficerAuthorizationTable;
}

export type CredentialStatus = 'active' | 'disabled' | 'revoked';

export interface SigningCredentialTable {
  id: string;
  provinceCode: string;
  userId: string;
  kind: 'officer' | 'seal';
  subjectName: string;
  agencyName: string;
  phone: string | null;
  certificatePem: string;
  serialNumber: string;
  status: ColumnType<CredentialStatus, CredentialStatus | undefined, CredentialStatus>;
  statusReason: string | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface SigningOtpTable {
  id: string;
  provinceCode: string;
  credentialId: string;
  codeHash: string;
  attempts: ColumnType<number, number | undefined, number>;
  createdAt: Date;
  expiresAt: Date;
  consumedAt: Date | null;
}

export interface SigningActivationTable {
  id: string;
  provinceCode: string;
  credentialId: string;
  remaining: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface SignedDocumentTable {
  provinceCode: string;
  sha256: string;
  sourceSha256: string | null;
  kind: string;
  dossierCode: string | null;
  signerName: string;
  agencyName: string;
  credentialId: string;
  signedAt: Date;
}

export interface SigningOfficerAuthorizationTable {
  provinceCode: string;
  userId: string;
  credentialId: string;
  sad: string;
  expiresAt: Date;
  createdAt: Date;
  /** Signatures the SAD still allows (decremented with each signature, in its transaction). */
  signaturesLeft: Generated<number>;
}
