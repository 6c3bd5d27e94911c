/** Complaint codes (complaint.service.ts) start so; dossier codes start with their agency's code. */
const COMPLAINT_CODE = /^PAKN-/;

export function isComplaintCode(code: string): boolean {
  return COMPLAINT_CODE.test(code);
}

/**
 * The app's page a notification about `code` opens: a complaint's own page for the citizen, the
 * desk's complaint list for officers, the dossier's page otherwise. Notifications carry a complaint's
 * code where a dossier's would be, so every link built from that code goes through here.
 */
export function notificationPath(code: string | null, audience: 'citizen' | 'officer' = 'citizen'): string | null {
  if (!code) return null;
  const c = encodeURIComponent(code);
  if (isComplaintCode(code)) return audience === 'officer' ? '/can-bo/phan-anh' : `/phan-anh/${c}`;
  return audience === 'officer' ? `/can-bo/ho-so/${c}` : `/ho-so/${c}`;
}
