/** What "Thêm thủ tục" opens with: a valid skeleton an administrator fills in (minimal form, one component). */
export const NEW_PROCEDURE_TEMPLATE = {
  code: 'QNG-THU-TUC-MOI',
  slug: 'thu-tuc-moi',
  names: { vi: 'Tên thủ tục', en: 'Procedure name' },
  topic: 'ho-tich',
  authority: [{ level: 'commune', agencyKind: 'commune_people_committee' }],
  onlineLevel: 'partial',
  legalDuration: { unit: 'working-days', amount: 3 },
  fee: { kind: 'none' },
  components: [
    {
      id: 'to-khai',
      name: { vi: 'Tờ khai theo mẫu' },
      requirement: { kind: 'mandatory' },
      accepts: ['pdf', 'jpeg', 'png'],
      maxBytes: 10485760,
      copyKind: 'original',
    },
  ],
  result: { kind: 'document', isDocument: true, issuer: 'certificate', template: 'giay-xac-nhan' },
  legalBasis: ['Căn cứ pháp lý'],
  form: {
    steps: [
      {
        id: 'nguoi-nop',
        title: { vi: 'Thông tin người nộp' },
        fields: [
          { key: 'fullName', type: 'text', label: { vi: 'Họ và tên' } },
          { key: 'phone', type: 'phone', label: { vi: 'Số điện thoại' } },
        ],
      },
    ],
  },
};
