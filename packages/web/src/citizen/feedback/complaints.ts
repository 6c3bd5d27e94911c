/** A complaint or recommendation as the API answers it (feedback/complaint.routes.ts). */
export interface Complaint {
  code: string;
  kind: 'complaint' | 'recommendation';
  dossierCode: string | null;
  procedureCode: string | null;
  agencyCode: string;
  agencyName: string;
  subject: string;
  content: string;
  attachments: { sha256: string; name: string; url: string }[];
  status: 'open' | 'answered';
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  citizenName?: string;
  citizenPhone?: string | null;
  canAnswer?: boolean;
}
