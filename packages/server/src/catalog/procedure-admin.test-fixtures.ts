import type { procedureDefinitions } from '@dvc/domain';

/**
 * A procedure DVC does not ship: marriage registration (đăng ký kết hôn), as an administrator would
 * write it. Used by the admin tests and the end-to-end proof that a procedure is data.
 */
export function marriageRegistrationDefinition(): procedureDefinitions.ProcedureDefinitionInput {
  const person = (who: string) => [
    { key: 'fullName', type: 'text', label: { vi: `Họ và tên ${who}` }, params: { maxLength: 100 } },
    { key: 'birthDate', type: 'date', label: { vi: 'Ngày sinh' } },
    {
      key: 'citizenId',
      type: 'citizen-id',
      label: { vi: 'Số định danh cá nhân' },
      params: { birthDateKey: 'birthDate' },
    },
    { key: 'residence', type: 'text', label: { vi: 'Nơi cư trú' } },
  ];
  return {
    code: '1.000894',
    slug: 'dang-ky-ket-hon',
    names: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
    topic: 'ho-tich',
    authority: [{ level: 'commune', agencyKind: 'commune_people_committee' }],
    onlineLevel: 'partial',
    legalDuration: { unit: 'hours', amount: 8, note: 'Ngay trong ngày tiếp nhận hồ sơ (Luật Hộ tịch, Điều 18)' },
    fee: { kind: 'none', note: 'Miễn lệ phí đăng ký kết hôn trong nước (Thông tư 85/2019/TT-BTC)' },
    components: [
      {
        id: 'to-khai-dang-ky-ket-hon',
        name: { vi: 'Tờ khai đăng ký kết hôn (theo mẫu)' },
        requirement: { kind: 'mandatory' },
        accepts: ['pdf', 'jpeg', 'png'],
        maxBytes: 10 * 1024 * 1024,
        copyKind: 'original',
      },
      {
        id: 'ban-an-ly-hon',
        name: { vi: 'Bản sao bản án, quyết định ly hôn đã có hiệu lực' },
        requirement: {
          kind: 'conditional',
          whenVi: 'Chỉ khi một bên đã từng kết hôn và đã ly hôn.',
          condition: { '==': [{ var: 'previouslyMarried' }, true] },
        },
        accepts: ['pdf', 'jpeg', 'png'],
        maxBytes: 10 * 1024 * 1024,
        copyKind: 'copy',
      },
    ],
    result: { kind: 'certificate', isDocument: true, issuer: 'certificate', template: 'giay-chung-nhan-ket-hon' },
    legalBasis: ['Luật Hộ tịch 2014', 'Luật Hôn nhân và gia đình 2014', 'Nghị định 123/2015/NĐ-CP'],
    form: {
      steps: [
        {
          id: 'ben-nu',
          title: { vi: 'Bên nữ' },
          fields: [{ key: 'bride', type: 'group', label: { vi: 'Bên nữ' }, fields: person('bên nữ') }],
        },
        {
          id: 'ben-nam',
          title: { vi: 'Bên nam' },
          fields: [{ key: 'groom', type: 'group', label: { vi: 'Bên nam' }, fields: person('bên nam') }],
        },
        {
          id: 'tinh-trang',
          title: { vi: 'Tình trạng hôn nhân' },
          fields: [
            {
              key: 'previouslyMarried',
              type: 'checkbox',
              label: { vi: 'Một bên đã từng kết hôn' },
              required: false,
            },
            {
              key: 'divorceReference',
              type: 'text',
              label: { vi: 'Số bản án, quyết định ly hôn' },
              visibleIf: { '==': [{ var: 'previouslyMarried' }, true] },
              requiredMessage: 'Vui lòng nhập số bản án, quyết định ly hôn',
            },
          ],
        },
      ],
    },
    verify: ['Mã 1.000894 (đăng ký kết hôn trong nước, cấp xã): đối chiếu CSDL quốc gia về TTHC.'],
  };
}
