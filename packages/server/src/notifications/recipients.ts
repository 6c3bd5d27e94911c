import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DeliveryChannel } from './notifications.tables';
import { withNotificationTables } from './notifications.tables';
import { citizenExternalChannels, type DossierMessage, renderForCitizen, renderForOfficers } from './templates';

export interface PlannedDelivery {
  channel: DeliveryChannel;
  recipient: string;
  userId: string | null;
  title: string;
  body: string;
}

/** Officer roles told about each kind of message (plus the assigned specialist for deadlines). */
function officerRoles(m: DossierMessage): string[] {
  if (m.kind === 'due_soon' || m.kind === 'overdue') return ['receiver', 'leader'];
  return ['receiver'];
}

/**
 * Who gets what for one outbox message: the applicant in the app, on their installed devices, by SMS
 * and by e-mail when known (internal steps only in the app); the agency's officers in the app and on
 * their devices for new dossiers, supplements and deadlines.
 */
export async function planDeliveries(db: Kysely<Database>, provinceCode: string, m: DossierMessage): Promise<PlannedDelivery[]> {
  const plan: PlannedDelivery[] = [];
  const citizen = renderForCitizen(m);
  if (citizen) {
    if (m.applicantId) plan.push(...(await appAndPush(db, provinceCode, [m.applicantId], citizen)));
    if (citizenExternalChannels(m)) {
      if (m.applicantPhone)
        plan.push({ channel: 'sms', recipient: m.applicantPhone, userId: m.applicantId, ...smsText(citizen) });
      if (m.applicantEmail) plan.push({ channel: 'email', recipient: m.applicantEmail, userId: m.applicantId, ...citizen });
    }
  }
  const officer = renderForOfficers(m);
  if (officer) {
    const rows = await db
      .selectFrom('officerRole')
      .select('userId')
      .distinct()
      .where('provinceCode', '=', provinceCode)
      .where('agencyCode', '=', m.agencyCode)
      .where('role', 'in', officerRoles(m) as never[])
      .execute();
    const ids = new Set(rows.map((r) => r.userId));
    if (m.assigneeId && m.kind !== 'dossier_event') ids.add(m.assigneeId);
    if (m.event === 'supplement_provided' && m.assigneeId) ids.add(m.assigneeId);
    plan.push(...(await appAndPush(db, provinceCode, [...ids], officer)));
  }
  return plan;
}

async function appAndPush(db: Kysely<Database>, provinceCode: string, userIds: string[], text: { title: string; body: string }) {
  if (userIds.length === 0) return [];
  const subs = await withNotificationTables(db)
    .selectFrom('pushSubscription')
    .select(['userId', 'endpoint'])
    .where('provinceCode', '=', provinceCode)
    .where('userId', 'in', userIds)
    .orderBy('id')
    .execute();
  const plan: PlannedDelivery[] = userIds.map((id) => ({ channel: 'in_app', recipient: id, userId: id, ...text }));
  for (const s of subs) plan.push({ channel: 'web_push', recipient: s.endpoint, userId: s.userId, ...text });
  return plan;
}

/** An SMS carries the body only (the title repeats it), under the province's sender name. */
function smsText(text: { title: string; body: string }) {
  return { title: text.title, body: `DVC Quang Ngai: ${text.body}` };
}
