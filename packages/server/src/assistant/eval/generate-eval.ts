/**
 * Writes questions.json, the assistant's evaluation set (issue 19 point 5): questions built from the
 * seeded catalog's procedure names and the ways people name them, in templates per intent, each
 * written with diacritics, without, and with a typo; questions about procedures the catalog does
 * not hold; and the hand-written ones (hand-written.ts). Deterministic: run it again, same file.
 *   node --import tsx packages/server/src/assistant/eval/generate-eval.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldVietnamese, PROCEDURES } from '@dvc/domain';
import { type EvalQuestion, HAND_WRITTEN } from './hand-written';
import { EXPECTED } from './procedures';

/** How people name each seeded procedure, besides its official name (kept apart from the assistant's own list on purpose). */
const SPOKEN_NAMES: Record<string, string[]> = {
  [EXPECTED.registration]: ['giấy phép kinh doanh hộ gia đình', 'đăng ký hộ kinh doanh', 'mở quán bán hàng'],
  [EXPECTED.change]: ['thay đổi giấy phép kinh doanh', 'đổi địa chỉ hộ kinh doanh'],
  [EXPECTED.termination]: ['ngừng kinh doanh', 'đóng cửa hộ kinh doanh'],
  [EXPECTED.promotion]: ['thông báo khuyến mãi', 'chạy chương trình khuyến mãi'],
  [EXPECTED.birth]: ['làm giấy khai sinh', 'khai sinh cho con'],
  [EXPECTED.residence]: ['nhập hộ khẩu', 'đăng ký hộ khẩu thường trú'],
  [EXPECTED.childInsurance]: ['thẻ bảo hiểm y tế cho bé', 'bhyt cho trẻ em'],
  [EXPECTED.death]: ['làm giấy chứng tử', 'khai tử cho người nhà'],
  [EXPECTED.residenceRemoval]: ['cắt hộ khẩu', 'xóa hộ khẩu'],
  [EXPECTED.funeral]: ['xin tiền mai táng', 'hỗ trợ mai táng phí'],
};

const TEMPLATES: Record<string, string[]> = {
  papers: ['{name} cần những giấy tờ gì', 'làm {name} cần chuẩn bị gì', 'hồ sơ {name} gồm những gì'],
  fee: ['lệ phí {name} bao nhiêu', '{name} mất bao nhiêu tiền', '{name} có mất phí không'],
  duration: ['{name} bao lâu có kết quả', '{name} mất mấy ngày', 'thời gian giải quyết {name}'],
  where: ['{name} nộp ở đâu', 'làm {name} ở đâu vậy'],
  online: ['{name} nộp online được không', 'có làm {name} trực tuyến được không'],
};

/** Procedures the seeded catalog does not hold: the assistant must decline them. */
const NOT_IN_CATALOG = [
  'làm hộ chiếu',
  'cấp căn cước công dân',
  'đăng ký kết hôn',
  'xin giấy phép xây dựng',
  'đổi bằng lái xe',
  'làm sổ đỏ',
  'ly hôn',
  'nhận con nuôi',
  'đăng ký biển số xe máy',
  'cấp phiếu lý lịch tư pháp',
  'đăng ký tạm vắng',
  'xin giấy phép bán rượu',
];

/** A small deterministic generator (mulberry32): the same set on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(19);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** One typo in a word of five letters or more: a letter dropped or doubled, or two swapped. */
function typo(text: string): string {
  const parts = text.split(' ');
  const long = parts.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (long.length === 0) return text;
  const [word, index] = pick(long);
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const kind = Math.floor(rand() * 3);
  parts[index] =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + word[at] + word.slice(at)
        : word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  return parts.join(' ');
}

const spellings = (text: string) => [text, foldVietnamese(text), typo(foldVietnamese(text))];

const generated: EvalQuestion[] = [];
for (const p of PROCEDURES) {
  const names = [p.name.toLowerCase(), ...(SPOKEN_NAMES[p.code] ?? [])];
  for (const [intent, templates] of Object.entries(TEMPLATES)) {
    const text = pick(templates).replace('{name}', pick(names));
    // Every intent of every procedure in three spellings, and once more in other words.
    const asked = (question: string) =>
      generated.push({ text: question, intent: intent as EvalQuestion['intent'], procedureCode: p.code, source: 'generated' });
    for (const spelling of spellings(text)) asked(spelling);
    asked(pick(spellings(pick(templates).replace('{name}', pick(names)))));
  }
}
for (const name of NOT_IN_CATALOG) {
  for (const templates of Object.values(TEMPLATES).slice(0, 4)) {
    generated.push({
      text: pick(spellings(pick(templates).replace('{name}', name))),
      intent: 'unknown',
      procedureCode: null,
      source: 'generated',
    });
  }
}

const all = [...generated, ...HAND_WRITTEN];
const out = join(import.meta.dirname, 'questions.json');
writeFileSync(out, `${JSON.stringify(all, null, 1)}\n`);
console.log(`${all.length} questions (${HAND_WRITTEN.length} hand-written) → ${out}`);
