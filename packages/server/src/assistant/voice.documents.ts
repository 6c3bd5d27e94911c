import { type ProcedureDefinition, topicLabel } from '@dvc/domain';
import type { IndexedProcedure } from '../catalog/index';
import { procedureAnswer } from './answers';
import { el, type Spoken, type VoiceAudio, vxmlDocument } from './vxml';

/**
 * The callbot's documents (issue 19 point 4). Every link is relative to the document it is in
 * (…/assistant/voice/), so the flow works under whatever address the IVR platform was given.
 */

/** A keypad menu holds nine choices; a longer list goes on with "bấm phím 9 để nghe tiếp". */
const PAGE = 8;

const SORRY: Spoken[] = ['Xin lỗi, tôi chưa nghe rõ lựa chọn của ông bà.'];

function menu(voice: VoiceAudio, said: Spoken[], choices: Array<{ dtmf: string; next: string; phrase: string }>): string {
  return el(
    'menu',
    { id: 'menu', dtmf: false },
    voice.prompt(said),
    ...choices.map((c) => el('choice', { dtmf: c.dtmf, next: c.next }, c.phrase)),
    el('noinput', {}, el('reprompt')),
    el('nomatch', {}, voice.prompt(SORRY), el('reprompt')),
  );
}

export function startDocument(voice: VoiceAudio): string {
  return vxmlDocument(
    menu(
      voice,
      [
        'Xin chào, đây là tổng đài dịch vụ công tỉnh Quảng Ngãi.',
        'Để tra cứu tình trạng hồ sơ, bấm phím 1 hoặc nói: tra cứu.',
        'Để nghe giấy tờ cần chuẩn bị và lệ phí của một thủ tục, bấm phím 2.',
        'Để gặp tổng đài viên, bấm phím 0.',
      ],
      [
        { dtmf: '1', next: 'lookup.vxml', phrase: 'tra cứu' },
        { dtmf: '2', next: 'topics.vxml', phrase: 'thủ tục' },
        { dtmf: '0', next: 'operator.vxml', phrase: 'tổng đài viên' },
      ],
    ),
  );
}

/**
 * A dossier's code on a keypad: its numeric tail — the receipt date (6 digits, YYMMDD) and the
 * day's number (4 digits or more) — then the filer's phone's last 4 digits. The agency part of the
 * code (letters and dots) is not typed: the server tries the province's agencies.
 */
export function lookupDocument(voice: VoiceAudio): string {
  return vxmlDocument(
    el(
      'form',
      { id: 'lookup' },
      el(
        'field',
        { name: 'code', type: 'digits?minlength=10;maxlength=15' },
        voice.prompt([
          'Mời ông bà bấm phần số ở cuối mã hồ sơ, in trên giấy tiếp nhận:',
          'sáu chữ số ngày tiếp nhận, rồi bốn chữ số thứ tự. Bấm phím thăng để kết thúc.',
        ]),
        el('nomatch', {}, voice.prompt(['Mã cần ít nhất 10 chữ số.']), el('reprompt')),
        el('noinput', {}, el('reprompt')),
      ),
      el(
        'field',
        { name: 'phone', type: 'digits?length=4' },
        voice.prompt(['Mời bấm 4 số cuối số điện thoại của người nộp hồ sơ.']),
        el('nomatch', {}, voice.prompt(['Cần đúng 4 chữ số.']), el('reprompt')),
        el('noinput', {}, el('reprompt')),
      ),
      el('block', {}, el('submit', { next: 'lookup.vxml', method: 'post', namelist: 'code phone' })),
    ),
  );
}

const AFTER_ANSWER: Spoken[] = ['Để quay lại từ đầu, bấm phím 9. Để gặp tổng đài viên, bấm phím 0.'];
const BACK_CHOICES = [
  { dtmf: '9', next: 'start.vxml', phrase: 'quay lại' },
  { dtmf: '0', next: 'operator.vxml', phrase: 'tổng đài viên' },
];

/** What the caller hears after the lookup: the state (right factor), or a refusal telling nothing. */
export function lookupResultDocument(voice: VoiceAudio, said: Spoken[], found: boolean): string {
  const choices = found ? BACK_CHOICES : [{ dtmf: '1', next: 'lookup.vxml', phrase: 'nhập lại' }, ...BACK_CHOICES];
  const hint: Spoken[] = found ? AFTER_ANSWER : ['Để nhập lại, bấm phím 1.', ...AFTER_ANSWER];
  return vxmlDocument(menu(voice, [...said, ...hint], choices));
}

/** Numbers said as the keys to press: "bấm phím 1: Hộ tịch. Bấm phím 2: …". */
function listMenu(voice: VoiceAudio, intro: string, items: Array<{ label: string; next: string }>, more?: string) {
  const shown = items.slice(0, PAGE);
  const said: Spoken[] = [intro, ...shown.map((item, i) => `Bấm phím ${i + 1}: ${item.label}.`)];
  const choices = shown.map((item, i) => ({ dtmf: String(i + 1), next: item.next, phrase: item.label }));
  if (more) {
    said.push('Bấm phím 9 để nghe tiếp.');
    choices.push({ dtmf: '9', next: more, phrase: 'nghe tiếp' });
  } else {
    said.push('Bấm phím 9 để quay lại từ đầu.');
    choices.push({ dtmf: '9', next: 'start.vxml', phrase: 'quay lại' });
  }
  said.push('Bấm phím 0 để gặp tổng đài viên.');
  choices.push({ dtmf: '0', next: 'operator.vxml', phrase: 'tổng đài viên' });
  return vxmlDocument(menu(voice, said, choices));
}

/** The catalog's topics that hold a published procedure, in the catalog's order. */
export function topicsOf(entries: readonly IndexedProcedure[]): Array<{ id: string; label: string }> {
  const seen = new Map<string, string>();
  for (const e of entries) if (!seen.has(e.topic)) seen.set(e.topic, topicLabel(e.topic as never));
  return [...seen].map(([id, label]) => ({ id, label }));
}

export function topicsDocument(voice: VoiceAudio, entries: readonly IndexedProcedure[], page: number): string {
  const topics = topicsOf(entries);
  const from = page * PAGE;
  const items = topics.slice(from).map((t) => ({ label: t.label, next: `topic.vxml?id=${encodeURIComponent(t.id)}` }));
  const more = topics.length > from + PAGE ? `topics.vxml?page=${page + 1}` : undefined;
  return listMenu(voice, 'Mời chọn lĩnh vực.', items, more);
}

export function topicDocument(voice: VoiceAudio, entries: readonly IndexedProcedure[], topic: string, page: number): string {
  const procedures = entries.filter((e) => e.topic === topic);
  const from = page * PAGE;
  const items = procedures
    .slice(from)
    .map((e) => ({ label: e.facts.name, next: `procedure.vxml?code=${encodeURIComponent(e.code)}` }));
  const more = procedures.length > from + PAGE ? `topic.vxml?id=${encodeURIComponent(topic)}&page=${page + 1}` : undefined;
  return listMenu(voice, 'Mời chọn thủ tục.', items, more);
}

/** A procedure's papers and fee, from the same catalog facts as the chat's answers. */
export function procedureDocument(voice: VoiceAudio, p: ProcedureDefinition, now: Date): string {
  const papers = procedureAnswer(p, 'papers', now, true).answer.replace(/\n(\d+)\. /g, '. Giấy thứ $1: ');
  const fee = procedureAnswer(p, 'fee', now, true).answer;
  return vxmlDocument(
    menu(
      voice,
      [papers, fee, 'Để nghe lại, bấm phím 1.', ...AFTER_ANSWER],
      [{ dtmf: '1', next: `procedure.vxml?code=${encodeURIComponent(p.code)}`, phrase: 'nghe lại' }, ...BACK_CHOICES],
    ),
  );
}

/** "Bấm phím 0": the call goes to the hotline operators' queue; if nobody answers, back to the start. */
export function operatorDocument(voice: VoiceAudio, destination: string): string {
  return vxmlDocument(
    el(
      'form',
      { id: 'operator' },
      el(
        'transfer',
        { name: 'call', dest: destination, bridge: 'true', connecttimeout: '30s' },
        voice.prompt(['Đang chuyển máy tới tổng đài viên, xin ông bà vui lòng giữ máy.']),
        el(
          'filled',
          {},
          voice.prompt(['Tổng đài viên hiện đang bận. Xin ông bà gọi lại sau, hoặc dùng trợ lý trên ứng dụng dịch vụ công.']),
          el('goto', { next: 'start.vxml' }),
        ),
      ),
    ),
  );
}
