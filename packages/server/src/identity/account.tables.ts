import type { Generated } from 'kysely';

/** Tables of a citizen's own account: the forgotten-password codes (migration 036). */
export interface AccountTables {
  passwordResetCode: PasswordResetCodeTable;
}

export interface PasswordResetCodeTable {
  id: string;
  provinceCode: string;
  userId: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: Generated<number>;
  consumedAt: Date | null;
}
