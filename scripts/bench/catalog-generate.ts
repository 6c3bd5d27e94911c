// A generated provincial catalog in the national catalog's CSV columns (CSDL quốc gia về TTHC), the size
// of Quảng Ngãi's (1,692 procedures): realistic names, fields, agencies, durations, fees and legal bases.
// Deterministic (a seeded generator), so two runs import the same catalog. Usable alone:
//   node --import tsx scripts/bench/catalog-generate.ts 1700 > catalog.csv
import { PROCEDURES } from '@dvc/domain';

interface Family {
  field: string;
  agencies: string[];
  names: string[];
  bases: string[];
  components: string[];
  results: string[];
}

const FAMILIES: Family[] = [
  {
    field: 'Hộ tịch',
    agencies: ['Ủy ban nhân dân cấp xã'],
    names: [
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
      'Đăng ký khai tử',
      'Đăng ký nhận cha, mẹ, con',
      'Đăng ký giám hộ',
      'Đăng ký chấm dứt giám hộ',
      'Thay đổi, cải chính, bổ sung thông tin hộ tịch',
      'Cấp giấy xác nhận tình trạng hôn nhân',
      'Đăng ký lại khai sinh',
      'Đăng ký lại kết hôn',
      'Cấp bản sao trích lục hộ tịch',
      'Ghi vào Sổ hộ tịch việc hộ tịch đã giải quyết tại cơ quan có thẩm quyền của nước ngoài',
    ],
    bases: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2020/TT-BTP', 'Nghị định 87/2020/NĐ-CP'],
    components: [
      'Tờ khai theo mẫu quy định',
      'Bản sao chứng thực giấy tờ tùy thân',
      'Giấy chứng sinh (bản chính)',
      'Giấy xác nhận tình trạng hôn nhân (bản chính)',
      'Văn bản ủy quyền (nếu có)',
    ],
    results: ['Giấy khai sinh', 'Giấy chứng nhận kết hôn', 'Trích lục hộ tịch', 'Giấy xác nhận tình trạng hôn nhân'],
  },
  {
    field: 'Đăng ký, quản lý cư trú',
    agencies: ['Công an cấp xã'],
    names: [
      'Đăng ký thường trú',
      'Đăng ký tạm trú',
      'Xóa đăng ký thường trú',
      'Xóa đăng ký tạm trú',
      'Gia hạn tạm trú',
      'Khai báo tạm vắng',
      'Tách hộ',
      'Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú',
      'Xác nhận thông tin về cư trú',
      'Thông báo lưu trú',
    ],
    bases: ['Luật Cư trú 2020', 'Nghị định 154/2024/NĐ-CP', 'Thông tư 53/2025/TT-BCA'],
    components: ['Tờ khai thay đổi thông tin cư trú (CT01)', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Văn bản đồng ý của chủ hộ'],
    results: ['Thông báo kết quả giải quyết', 'Xác nhận thông tin về cư trú'],
  },
  {
    field: 'Bảo hiểm y tế',
    agencies: ['Bảo hiểm xã hội tỉnh'],
    names: [
      'Cấp thẻ bảo hiểm y tế',
      'Cấp lại thẻ bảo hiểm y tế do mất, hỏng',
      'Đổi thẻ bảo hiểm y tế',
      'Điều chỉnh thông tin trên thẻ bảo hiểm y tế',
      'Thanh toán trực tiếp chi phí khám bệnh, chữa bệnh bảo hiểm y tế',
      'Đăng ký, đóng bảo hiểm y tế hộ gia đình',
    ],
    bases: ['Luật Bảo hiểm y tế 2008 (sửa đổi 2014, 2024)', 'Nghị định 146/2018/NĐ-CP', 'Quyết định 595/QĐ-BHXH'],
    components: ['Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế (TK1-TS)', 'Bản sao giấy tờ chứng minh đối tượng'],
    results: ['Thẻ bảo hiểm y tế', 'Thông báo kết quả'],
  },
  {
    field: 'Bảo trợ xã hội',
    agencies: ['Ủy ban nhân dân cấp xã', 'Ủy ban nhân dân cấp huyện'],
    names: [
      'Trợ giúp xã hội thường xuyên',
      'Hỗ trợ chi phí mai táng',
      'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở',
      'Xác định mức độ khuyết tật và cấp giấy xác nhận khuyết tật',
      'Đổi, cấp lại giấy xác nhận khuyết tật',
      'Tiếp nhận đối tượng bảo trợ xã hội vào cơ sở trợ giúp xã hội',
      'Thôi hưởng trợ cấp xã hội hằng tháng',
      'Điều chỉnh, thôi hưởng trợ cấp khi đối tượng thay đổi nơi cư trú',
    ],
    bases: ['Nghị định 20/2021/NĐ-CP', 'Thông tư 02/2021/TT-BLĐTBXH', 'Luật Người khuyết tật 2010'],
    components: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a)', 'Bản sao giấy xác nhận khuyết tật', 'Giấy báo tử (bản sao)'],
    results: ['Quyết định trợ cấp xã hội', 'Giấy xác nhận khuyết tật', 'Quyết định hỗ trợ'],
  },
  {
    field: 'Người có công',
    agencies: ['Ủy ban nhân dân cấp xã', 'Ủy ban nhân dân cấp huyện'],
    names: [
      'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
      'Giải quyết chế độ ưu đãi đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học',
      'Hỗ trợ người có công cải thiện nhà ở',
      'Cấp giấy giới thiệu thăm viếng mộ liệt sĩ',
      'Giải quyết trợ cấp mai táng phí đối với người có công',
      'Di chuyển hồ sơ người có công với cách mạng',
    ],
    bases: ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'],
    components: ['Đơn đề nghị (Mẫu số 09)', 'Bản sao giấy chứng nhận gia đình liệt sĩ', 'Biên bản ủy quyền (nếu có)'],
    results: ['Quyết định trợ cấp', 'Giấy giới thiệu'],
  },
  {
    field: 'Thương mại',
    agencies: ['Sở Công Thương'],
    names: [
      'Thông báo thực hiện khuyến mại',
      'Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi',
      'Cấp giấy phép bán lẻ sản phẩm rượu',
      'Cấp giấy phép bán lẻ sản phẩm thuốc lá',
      'Đăng ký tổ chức hội chợ, triển lãm thương mại',
      'Cấp giấy chứng nhận đủ điều kiện kinh doanh khí',
      'Cấp giấy xác nhận đủ điều kiện làm tổng đại lý kinh doanh xăng dầu',
      'Cấp giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài',
    ],
    bases: ['Luật Thương mại 2005', 'Nghị định 81/2018/NĐ-CP', 'Nghị định 105/2017/NĐ-CP', 'Thông tư 168/2016/TT-BTC'],
    components: ['Văn bản đề nghị theo mẫu', 'Bản sao giấy chứng nhận đăng ký doanh nghiệp', 'Thể lệ chương trình'],
    results: ['Giấy phép', 'Văn bản xác nhận', 'Giấy chứng nhận đủ điều kiện'],
  },
  {
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    agencies: ['Ủy ban nhân dân cấp xã'],
    names: [
      'Đăng ký thành lập hộ kinh doanh',
      'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
      'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
      'Chấm dứt hoạt động hộ kinh doanh',
      'Cấp lại giấy chứng nhận đăng ký hộ kinh doanh',
    ],
    bases: ['Nghị định 168/2025/NĐ-CP', 'Thông tư 68/2025/TT-BTC'],
    components: ['Giấy đề nghị đăng ký hộ kinh doanh', 'Bản sao giấy tờ pháp lý của cá nhân', 'Văn bản ủy quyền (nếu có)'],
    results: ['Giấy chứng nhận đăng ký hộ kinh doanh', 'Thông báo'],
  },
];

const QUALIFIERS = [
  '',
  ' có yếu tố nước ngoài',
  ' lưu động',
  ' cho người Việt Nam định cư ở nước ngoài',
  ' trong trường hợp đặc biệt',
  ' (cấp lại)',
  ' kết hợp',
  ' đối với người chưa thành niên',
  ' theo thủ tục rút gọn',
  ' qua dịch vụ bưu chính',
];
const DURATIONS = [
  '03 ngày làm việc',
  '05 ngày làm việc',
  'Trong 08 giờ làm việc',
  'Ngay trong ngày',
  '10 ngày làm việc',
  '15 ngày',
  '20 ngày làm việc',
];
const FEES = [
  'Không',
  'Miễn phí',
  'Lệ phí: 10.000 đồng/hồ sơ (Nghị quyết 11/2022/NQ-HĐND tỉnh Quảng Ngãi)',
  '50.000 đồng, nộp khi nhận kết quả (Thông tư 85/2019/TT-BTC)',
  '100.000 đồng (Nghị quyết 13/2022/NQ-HĐND tỉnh Quảng Ngãi)',
  'Phí thẩm định: 1.200.000 đồng/giấy phép (Thông tư 168/2016/TT-BTC)',
];

/** A small seeded generator (mulberry32): the same catalog every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CATALOG_HEADER = [
  'Mã thủ tục',
  'Tên thủ tục',
  'Lĩnh vực',
  'Cơ quan thực hiện',
  'Mức độ',
  'Thời hạn giải quyết',
  'Phí/lệ phí',
  'Căn cứ pháp lý',
  'Thành phần hồ sơ',
  'Kết quả thực hiện',
] as const;

/** `count` rows; the share of "Toàn trình" is the province's (461 of 973 online procedures). */
export function generateCatalogRows(count: number, seed = 12): string[][] {
  const next = random(seed);
  const pickOf = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const taken = new Set(PROCEDURES.map((p) => p.code));
  const names = new Set<string>();
  const rows: string[][] = [];
  let serial = 0;
  while (rows.length < count) {
    serial += 1;
    const family = FAMILIES[serial % FAMILIES.length] as Family;
    const base = pickOf(family.names);
    const agency = pickOf(family.agencies);
    let name = `${base}${pickOf(QUALIFIERS)}`;
    if (names.has(name)) name = `${name} (danh mục ${Math.ceil(serial / 50)})`;
    if (names.has(name)) continue;
    names.add(name);
    const code = `${1 + (serial % 3)}.${String(100_000 + serial).padStart(6, '0')}`;
    if (taken.has(code)) continue;
    const bases = family.bases.filter(() => next() < 0.7);
    const parts = family.components.filter(() => next() < 0.6);
    rows.push([
      code,
      name,
      family.field,
      agency,
      next() < 461 / 973 ? 'Toàn trình' : 'Một phần',
      pickOf(DURATIONS),
      pickOf(FEES),
      (bases.length > 0 ? bases : family.bases.slice(0, 1)).join('\n'),
      parts.join('\n'),
      pickOf(family.results),
    ]);
  }
  return rows;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function catalogCsv(rows: readonly string[][]): string {
  return `${[CATALOG_HEADER as readonly string[], ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(catalogCsv(generateCatalogRows(Number(process.argv[2] ?? 1700))));
}
