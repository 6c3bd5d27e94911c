import type { ProcedureDefinitionInput } from './definition';
import type { FieldDefinition } from './form-schema';

/** A small, valid definition that tests bend one way or another. */
export function sampleDefinition(fields?: FieldDefinition[]): ProcedureDefinitionInput {
  return {
    code: 'QNG-THU-NGHIEM',
    slug: 'thu-nghiem',
    names: { vi: 'Thủ tục thử nghiệm', en: 'Test procedure' },
    topic: 'ho-tich',
    authority: [{ level: 'commune', agencyKind: 'commune_people_committee' }],
    onlineLevel: 'partial',
    legalDuration: { unit: 'hours', amount: 8 },
    fee: { kind: 'fixed', amount: 20_000, payableAt: 'result', legalBasis: 'Nghị quyết HĐND tỉnh (thử nghiệm)' },
    components: [
      {
        id: 'to-khai',
        name: { vi: 'Tờ khai' },
        requirement: { kind: 'mandatory' },
        accepts: ['pdf'],
        maxBytes: 1_000_000,
        copyKind: 'original',
      },
    ],
    result: { kind: 'certificate', isDocument: true, issuer: 'certificate', template: 'giay-xac-nhan' },
    legalBasis: ['Luật thử nghiệm'],
    form: {
      steps: [
        {
          id: 'nguoi-nop',
          title: { vi: 'Người nộp' },
          fields: fields ?? [
            { key: 'fullName', type: 'text', label: { vi: 'Họ và tên' } },
            {
              key: 'delivery',
              type: 'radio',
              label: { vi: 'Cách nhận kết quả' },
              params: {
                options: [
                  { value: 'counter', label: { vi: 'Tại quầy' } },
                  { value: 'post', label: { vi: 'Qua bưu điện' } },
                ],
              },
            },
            {
              key: 'postalAddress',
              type: 'text',
              label: { vi: 'Địa chỉ nhận kết quả' },
              visibleIf: { '==': [{ var: 'delivery' }, 'post'] },
            },
          ],
        },
      ],
    },
  };
}
