import { isSealed, type KeyRing } from './protection-keys';

/**
 * Which stored values are personal identifiers (issue 20 point 5), and how each is kept at rest.
 *
 * - `indexed`: the column holds the sealed value (AES-256-GCM, the key id inside) and `<column>_bidx`
 *   its blind index (HMAC-SHA256), which the lookups by that value compare instead (sign-in by phone,
 *   the codes of a phone, a VNeID identity number).
 * - `sealed`: the column holds the sealed value; nothing looks rows up by it (the dossier's applicant,
 *   the register's owner, found by their code and then compared in code).
 * - `token`: login throttle keys 'phone:<phone>[@<ip>]' name the phone by its blind index only.
 * - `json`: a JSON document whose personal fields (personalField) are sealed one by one, so the
 *   rest of it (a business name the name check reads, the amounts) stays as it was.
 */
export type Protection = 'indexed' | 'sealed' | 'token' | 'json';

export const PROTECTED_COLUMNS: Record<string, Record<string, Protection>> = {
  user_account: { phone: 'indexed', citizen_id: 'sealed' },
  sign_up: { phone: 'indexed' },
  one_time_code: { phone: 'indexed' },
  phone_code_quota: { phone: 'indexed' },
  sms_outbox: { phone: 'indexed' },
  login_throttle: { key: 'token' },
  citizen_identity_link: { citizen_id: 'indexed' },
  // What VNeID verified, kept to fill the filing form (issue 18): read back by account, never searched.
  verified_identity: { citizen_id: 'sealed' },
  dossier: { applicant_phone: 'sealed', applicant_citizen_id: 'sealed', form: 'json' },
  household_business: { owner_citizen_id: 'sealed' },
  household_business_version: { snapshot: 'json' },
  signing_credential: { phone: 'sealed' },
  complaint: { citizen_phone: 'sealed' },
  // The messages of a dossier's events carry the applicant's phone to the notification dispatcher.
  outbox_message: { payload: 'json' },
  // A phone (SMS), an address or a browser endpoint: one delivery per recipient, by its blind index.
  notification_delivery: { recipient: 'indexed' },
};

/** The blind index's purpose of an indexed column: phones of every table compare with each other. */
export const indexPurpose = (column: string): string => (column.includes('phone') ? 'phone' : 'citizen-id');
export const bidxColumn = (column: string): string => `${column}_bidx`;

/** A form's or snapshot's field holding an identity or phone number: citizenId, ownerCitizenId, phone, contactPhone… */
export const personalField = (key: string): boolean => /(^|[a-z])(citizenId|CitizenId|phone|Phone)$/.test(key);

function mapPersonal(value: unknown, onField: (v: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapPersonal(v, onField));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = typeof v === 'string' && personalField(k) ? onField(v) : mapPersonal(v, onField);
    return out;
  }
  return value;
}

/** A copy of a form (or register snapshot) with its personal fields sealed; a JSON text stays a JSON text. */
export function protectFields(ring: KeyRing, doc: unknown): unknown {
  const seal = (v: string) => (v === '' || isSealed(v) ? v : ring.seal(v));
  if (typeof doc === 'string') {
    try {
      return JSON.stringify(mapPersonal(JSON.parse(doc), seal));
    } catch {
      return doc;
    }
  }
  return mapPersonal(doc, seal);
}

/** The clear values of every sealed string anywhere in `value` (a row, a form), in place. */
export function revealDeep(ring: KeyRing, value: unknown): unknown {
  if (isSealed(value)) return ring.openOrKeep(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revealDeep(ring, value[i]);
  } else if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string') {
        if (isSealed(v)) o[k] = ring.openOrKeep(v);
      } else if (v && typeof v === 'object') revealDeep(ring, v);
    }
  }
  return value;
}

/** The throttle key with its phone replaced by the phone's blind index ('address:…' keys unchanged). */
export function tokenizeThrottleKey(ring: KeyRing, key: string): string {
  const m = /^phone:([^@]+)(@.*)?$/.exec(key);
  if (!m || m[1]!.startsWith('~')) return key;
  return `phone:~${ring.blindIndex('phone', m[1]!)}${m[2] ?? ''}`;
}
