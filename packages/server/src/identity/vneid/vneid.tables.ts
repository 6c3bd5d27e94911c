/** Tables of VNeID login (014_create-vneid-links.sql). */
export type VneidTables = {
  citizenIdentityLink: CitizenIdentityLinkTable;
  vneidLoginAttempt: VneidLoginAttemptTable;
  verifiedIdentity: VerifiedIdentityTable;
};

/** What VNeID verified about a citizen at their last VNeID sign-in (059_record-verified-identity.sql). */
export interface VerifiedIdentityTable {
  provinceCode: string;
  userId: string;
  citizenId: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  residence: string | null;
  verifiedAt: Date;
}

export interface CitizenIdentityLinkTable {
  provinceCode: string;
  citizenId: string;
  userId: string;
  linkedAt: Date;
}

export interface VneidLoginAttemptTable {
  id: string;
  provinceCode: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: Date;
  expiresAt: Date;
}
