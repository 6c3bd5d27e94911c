import { procedureDefinitions } from '@dvc/domain';
import { vietnamDate } from '../../admin-units/admin-units.service';
import { renderProcedureCertificate } from '../../documents/index';
import type { CertificateEntry } from '../../documents/types';
import { seatAddress } from '../../registry/registry.service';
import { nextResultSerial } from '../results.repository';
import type { Db, ResultIssuer } from './issuer';

type FieldDefinition = procedureDefinitions.FieldDefinition;

/**
 * `certificate`: the generic result of any procedure an administrator adds. A PDF titled with the
 * procedure's name that lists the form's values under the definition's labels, numbered per agency
 * and year ("15/2026/GCN"), signed by the approving leader, with the verification QR. Any template
 * name prints this one layout.
 */
export const certificate: ResultIssuer = {
  name: 'certificate',

  async precheck() {
    return undefined;
  },

  async issue(trx, { base, dossier, definition }) {
    const year = Number(vietnamDate(base.issuedAt).slice(0, 4));
    const serial = await nextResultSerial(trx, dossier.provinceCode, dossier.agencyCode, year);
    const number = `${serial}/${year}/GCN`;
    const entries = await formEntries(trx, dossier.provinceCode, definition.form.steps, dossier.form, base.issuedAt);
    const buffer = await renderProcedureCertificate({
      agency: base.agency,
      documentNumber: number,
      dossierCode: base.dossierCode,
      issuedAt: base.issuedAt,
      publicUrl: base.publicUrl,
      verificationCode: base.verificationCode,
      title: definition.names.vi,
      ...(dossier.receivedAt ? { receivedAt: dossier.receivedAt } : {}),
      entries,
      signer: base.signer,
    });
    return {
      kind: 'certificate',
      buffer,
      // The verification page shows these: the form's values may be personal, so none of them.
      summary: {
        title: definition.names.vi,
        number,
        subjectName: `Hồ sơ ${dossier.code}`,
        issuerName: base.issuerName,
        template: definition.result.template,
      },
      householdBusinessId: null,
    };
  },
};

/**
 * The lines of the certificate: every field the citizen gave, in the order of the form, under its
 * label (vi), its value as the field type writes it on a receipt; groups and list items as headings
 * over their fields. Hidden fields were dropped at filing, so what is absent is not printed.
 */
export async function formEntries(
  db: Db,
  provinceCode: string,
  steps: readonly { fields: readonly FieldDefinition[] }[],
  values: Record<string, unknown>,
  at: Date,
): Promise<CertificateEntry[]> {
  const out: CertificateEntry[] = [];
  let n = 0;
  const walk = async (fields: readonly FieldDefinition[], data: Record<string, unknown>, depth: number) => {
    for (const f of fields) {
      const value = data[f.key];
      if (!given(value)) continue;
      const label = depth === 0 ? `${++n}. ${f.label.vi}` : f.label.vi;
      if (f.type === 'group' && isRecord(value)) {
        out.push({ label, depth });
        await walk(f.fields ?? [], value, depth + 1);
      } else if (f.type === 'repeat' && Array.isArray(value)) {
        out.push({ label, depth });
        for (const [i, item] of value.entries()) {
          out.push({ label: `${f.label.vi} thứ ${i + 1}`, depth: depth + 1 });
          if (isRecord(item)) await walk(f.fields ?? [], item, depth + 2);
        }
      } else {
        out.push({ label, value: await valueText(db, provinceCode, f, value, at), depth });
      }
    }
  };
  for (const step of steps) await walk(step.fields, values, 0);
  return out;
}

function given(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function valueText(db: Db, provinceCode: string, f: FieldDefinition, value: unknown, at: Date): Promise<string> {
  if (f.type === 'address' && isRecord(value) && typeof value.unitCode === 'string') {
    // The unit's name valid on the day of issue, as the register prints a seat address.
    return seatAddress(db, provinceCode, value.unitCode, String(value.street ?? ''), at);
  }
  const type = procedureDefinitions.fieldType(f.type);
  if (!type) return String(value);
  const params = type.params.safeParse(f.params ?? {});
  return type.summary(value, params.success ? params.data : (f.params ?? {}));
}
