import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DeliveryChannel, NotificationLanguage } from './notifications.tables';
import { citizenExternalChannels, type DossierMessage, renderForCitizen, renderForOfficers } from './templates';
import { renderForCitizenEn } from './templates-en';

export interface PlannedDelivery {
  channel: DeliveryChannel;
  recipient: string;
  userId: string | null;
  title: string;
  body: string;
  language?: NotificationLanguage;
}

/** Officer roles told about each kind of message (plus the assigned specialist for deadlines). */
function officerRoles(m: DossierMessage): string[] {
  if (m.kind === 'due_soon' || m.kind === 'overdue' || m.kind === 'complaint_filed') return ['receiver', 'leader'];
  return ['receiver'];
}

/** What planning needs from the database, looked up once for a whole slice of messages. */
export interface RecipientLookups {
  /** Officers of an agency with their roles. */
  officers: Map<string, Array<{ userId: string; role: string }>>;
  /** Push endpoints of each user, oldest first. */
  endpoints: Map<string, string[]>;
  /** Citizens who chose Zalo over SMS. */
  zalo: Set<string>;
  /** Citizens who read the app in English: their notices come from the English templates. */
  english: Set<string>;
}

/**
 * Who gets what for one outbox message: the applicant in the app, on their installed devices, by SMS
 * and by e-mail when known (internal steps only in the app); the agency's officers in the app and on
 * their devices for new dossiers, supplements and deadlines.
 */
export async function planDeliveries(
  db: Kysely<Database>,
  provinceCode: string,
  m: DossierMessage,
  publicUrl?: string,
): Promise<PlannedDelivery[]> {
  const [plan] = await planDeliveriesMany(db, provinceCode, [m], publicUrl);
  return plan ?? [];
}

/** planDeliveries for many messages with two lookups in all (the dispatcher's slices). */
export async function planDeliveriesMany(
  db: Kysely<Database>,
  provinceCode: string,
  messages: DossierMessage[],
  publicUrl?: string,
): Promise<PlannedDelivery[][]> {
  const agencies = [...new Set(messages.filter((m) => renderForOfficers(m)).map((m) => m.agencyCode))];
  const officerRows = agencies.length
    ? await db
        .selectFrom('officerRole')
        .select(['agencyCode', 'userId', 'role'])
        .distinct()
        .where('provinceCode', '=', provinceCode)
        .where('agencyCode', 'in', agencies)
        .execute()
    : [];
  const officers = new Map<string, Array<{ userId: string; role: string }>>();
  for (const r of officerRows) officers.set(r.agencyCode, [...(officers.get(r.agencyCode) ?? []), r]);
  const users = new Set<string>();
  for (const m of messages) {
    if (m.applicantId && renderForCitizen(m)) users.add(m.applicantId);
    if (m.assigneeId) users.add(m.assigneeId);
  }
  for (const r of officerRows) users.add(r.userId);
  const subs = users.size
    ? await db
        .selectFrom('pushSubscription')
        .select(['userId', 'endpoint'])
        .where('provinceCode', '=', provinceCode)
        .where('userId', 'in', [...users])
        .orderBy('id')
        .execute()
    : [];
  const endpoints = new Map<string, string[]>();
  for (const s of subs) endpoints.set(s.userId, [...(endpoints.get(s.userId) ?? []), s.endpoint]);
  const applicants = [...new Set(messages.flatMap((m) => (m.applicantId ? [m.applicantId] : [])))];
  const preferenceRows = applicants.length
    ? await db
        .selectFrom('notificationPreference')
        .select(['userId', 'zalo', 'language'])
        .where('provinceCode', '=', provinceCode)
        .where('userId', 'in', applicants)
        .where((eb) => eb.or([eb('zalo', '=', true), eb('language', '=', 'en')]))
        .execute()
    : [];
  const zalo = new Set(preferenceRows.filter((r) => r.zalo).map((r) => r.userId));
  const english = new Set(preferenceRows.filter((r) => r.language === 'en').map((r) => r.userId));
  return messages.map((m) => planWith({ officers, endpoints, zalo, english }, m, publicUrl));
}

function planWith(lookups: RecipientLookups, m: DossierMessage, publicUrl: string | undefined): PlannedDelivery[] {
  const plan: PlannedDelivery[] = [];
  const english = m.applicantId !== null && lookups.english.has(m.applicantId);
  const rendered = english ? renderForCitizenEn(m, publicUrl) : renderForCitizen(m, publicUrl);
  const citizen = rendered && english ? { ...rendered, language: 'en' as const } : rendered;
  if (citizen) {
    if (m.applicantId) plan.push(...appAndPush(lookups, [m.applicantId], citizen));
    if (citizenExternalChannels(m)) {
      // Zalo instead of SMS for those who opted in; a failed ZNS message becomes the SMS (dispatcher.ts).
      if (m.applicantPhone && m.applicantId && lookups.zalo.has(m.applicantId))
        plan.push({ channel: 'zns', recipient: m.applicantPhone, userId: m.applicantId, ...citizen });
      else if (m.applicantPhone)
        plan.push({ channel: 'sms', recipient: m.applicantPhone, userId: m.applicantId, ...smsText(citizen) });
      if (m.applicantEmail) plan.push({ channel: 'email', recipient: m.applicantEmail, userId: m.applicantId, ...citizen });
    }
  }
  const officer = renderForOfficers(m);
  if (officer) {
    const roles = officerRoles(m);
    const ids = new Set((lookups.officers.get(m.agencyCode) ?? []).filter((r) => roles.includes(r.role)).map((r) => r.userId));
    if (m.assigneeId && m.kind !== 'dossier_event') ids.add(m.assigneeId);
    if (m.event === 'supplement_provided' && m.assigneeId) ids.add(m.assigneeId);
    plan.push(...appAndPush(lookups, [...ids], officer));
  }
  return plan;
}

function appAndPush(lookups: RecipientLookups, userIds: string[], text: { title: string; body: string }): PlannedDelivery[] {
  const plan: PlannedDelivery[] = userIds.map((id) => ({ channel: 'in_app', recipient: id, userId: id, ...text }));
  for (const id of userIds)
    for (const endpoint of lookups.endpoints.get(id) ?? [])
      plan.push({ channel: 'web_push', recipient: endpoint, userId: id, ...text });
  return plan;
}

/** An SMS carries the body only (the title repeats it), under the province's sender name. */
export function smsText(text: { title: string; body: string }) {
  return { title: text.title, body: `DVC Quang Ngai: ${text.body}` };
}
