import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildApp } from '../app';
import { fileOnline, login, PHONES } from '../dossiers/dossiers.test-helpers';
import { nextIp, type SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { VoiceAudio } from './vxml';

/**
 * The callbot (issue 19 point 4), walked as an IVR platform would: a small VoiceXML interpreter
 * fetches start.vxml, says the prompts, picks <menu> choices by their dtmf, fills <field>s with
 * keypad digits, follows <submit> and <goto>, and stops at a <transfer>.
 */
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
let t: TestApp;
let citizen: SignedIn;

before(async () => {
  t = await createTestApp({ now: MONDAY_9AM });
  citizen = await login(t.app, 'citizen');
});
after(() => t.close());

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });

function toNodes(items: Array<Record<string, unknown>>): Node[] {
  return items.flatMap((item) => {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '?xml') return [];
    if (name === '#text') return [{ name, attrs: {}, children: [], text: String(item[name]) }];
    const children = toNodes(item[name] as Array<Record<string, unknown>>);
    return [{ name, attrs: (item[':@'] ?? {}) as Record<string, string>, children, text: '' }];
  });
}

/** What a node says aloud: its text, digits of <say-as> included, prompts of nested elements excluded. */
function said(node: Node): string {
  if (node.name === '#text') return node.text;
  return node.children.map(said).join(' ').replace(/\s+/g, ' ').trim();
}

const prompts = (node: Node) => node.children.filter((c) => c.name === 'prompt').map(said);

/** A keypad press, or "the choice whose words match" (the test need not know a menu's order). */
type Input = string | RegExp;

interface Call {
  spoken: string[];
  transferTo?: string;
  documents: number;
}

async function fetchDocument(url: URL, method: 'GET' | 'POST', form?: Record<string, string>) {
  const res = await t.app.inject({
    method,
    url: url.pathname + url.search,
    remoteAddress: nextIp(),
    ...(form
      ? { payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
      : {}),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/voicexml\+xml/);
  assert.equal(XMLValidator.validate(res.body), true, `well-formed XML: ${res.body}`);
  const [root] = toNodes(parser.parse(res.body));
  assert.equal(root?.name, 'vxml');
  assert.equal(root?.attrs.version, '2.1');
  return root as Node;
}

/** Places a call: follows the documents with these inputs until they run out at a menu, or a transfer. */
async function call(inputs: Input[]): Promise<Call> {
  const pending = [...inputs];
  const result: Call = { spoken: [], documents: 0 };
  let url = new URL('http://ivr.local/api/v1/assistant/voice/start.vxml');
  let document = await fetchDocument(url, 'GET');
  for (let hops = 0; hops < 20; hops++) {
    result.documents += 1;
    const dialog = document.children.find((c) => c.name === 'menu' || c.name === 'form');
    assert.ok(dialog, 'a document holds a dialog');
    let next: { url: URL; method: 'GET' | 'POST'; form?: Record<string, string> } | undefined;
    if (dialog.name === 'menu') {
      result.spoken.push(...prompts(dialog));
      const input = pending.shift();
      if (input === undefined) return result;
      const choices = dialog.children.filter((c) => c.name === 'choice');
      const choice =
        typeof input === 'string' ? choices.find((c) => c.attrs.dtmf === input) : choices.find((c) => input.test(said(c)));
      assert.ok(choice, `a choice for ${input} among ${choices.map((c) => `${c.attrs.dtmf}:${said(c)}`).join(', ')}`);
      next = { url: new URL(choice.attrs.next ?? '', url), method: 'GET' };
    } else {
      const fields: Record<string, string> = {};
      for (const item of dialog.children) {
        if (item.name === 'field') {
          result.spoken.push(...prompts(item));
          const digits = pending.shift();
          assert.equal(typeof digits, 'string', `digits for field ${item.attrs.name}`);
          const type = item.attrs.type ?? '';
          const min = Number(/minlength=(\d+)/.exec(type)?.[1] ?? /length=(\d+)/.exec(type)?.[1] ?? 1);
          const max = Number(/maxlength=(\d+)/.exec(type)?.[1] ?? /[?;]length=(\d+)/.exec(type)?.[1] ?? 99);
          assert.ok(type.startsWith('digits') && (digits as string).length >= min && (digits as string).length <= max, type);
          fields[item.attrs.name ?? ''] = digits as string;
        }
        if (item.name === 'transfer') {
          result.spoken.push(...prompts(item));
          result.transferTo = item.attrs.dest;
          return result;
        }
        if (item.name === 'block') {
          result.spoken.push(...prompts(item));
          const submit = item.children.find((c) => c.name === 'submit');
          const go = item.children.find((c) => c.name === 'goto');
          if (submit) {
            const names = (submit.attrs.namelist ?? '').split(' ');
            const form = Object.fromEntries(names.map((n) => [n, fields[n] ?? '']));
            next = { url: new URL(submit.attrs.next ?? '', url), method: submit.attrs.method === 'post' ? 'POST' : 'GET', form };
          } else if (go) next = { url: new URL(go.attrs.next ?? '', url), method: 'GET' };
        }
      }
    }
    assert.ok(next, 'the dialog leads somewhere');
    url = next.url;
    document = await fetchDocument(url, next.method, next.form);
  }
  assert.fail('the call went round more than 20 documents');
}

/** The keypad part of a dossier code: its receipt date and day number, "…-261130-0001" → "2611300001". */
const keypadCode = (code: string) => code.split('-').slice(-2).join('');

describe('the callbot, walked by its VoiceXML', () => {
  test('the greeting offers 1 (or saying "tra cứu"), 2 and 0, in Vietnamese', async () => {
    const { spoken } = await call([]);
    assert.match(spoken.join(' '), /Xin chào.*bấm phím 1 hoặc nói: tra cứu.*bấm phím 2.*bấm phím 0/s);
    const start = await t.app.inject({ url: '/api/v1/assistant/voice/start.vxml' });
    assert.match(start.body, /<prompt xml:lang="vi-VN">/);
    assert.match(start.body, /<choice dtmf="1" next="lookup.vxml">tra cứu<\/choice>/);
    if (!new VoiceAudio().isAvailable()) assert.equal(start.body.includes('<audio'), false, 'without espeak-ng: text only');
  });

  test("a dossier's state is told with the right phone digits, refused with wrong ones", async () => {
    const { code } = await fileOnline(t.app, citizen);
    const lookup = await t.app.inject({
      url: `/api/v1/public/dossiers/${code}?phoneLast4=${PHONES.citizen.slice(-4)}`,
      remoteAddress: nextIp(),
    });
    const { statusLabel, procedureName } = lookup.json();

    const right = await call(['1', keypadCode(code), PHONES.citizen.slice(-4)]);
    const told = right.spoken.join(' ');
    assert.ok(told.includes(statusLabel) && told.includes(procedureName), told);
    assert.ok(told.includes(keypadCode(code)), 'the code is read back digit by digit');

    const wrong = await call(['1', keypadCode(code), '0000']);
    const refused = wrong.spoken.join(' ');
    assert.match(refused, /Không tìm thấy hồ sơ/);
    for (const leak of [statusLabel, procedureName]) assert.equal(refused.includes(leak), false, `"${leak}" is not told`);
  });

  test('wrong digits lock the code for the phone and the public lookup alike', async () => {
    const { code } = await fileOnline(t.app, citizen);
    for (let i = 0; i < 5; i++) await call(['1', keypadCode(code), String(1000 + i)]);
    const right = await call(['1', keypadCode(code), PHONES.citizen.slice(-4)]);
    assert.match(right.spoken.join(' '), /tạm khóa/);
    const web = await t.app.inject({
      url: `/api/v1/public/dossiers/${code}?phoneLast4=${PHONES.citizen.slice(-4)}`,
      remoteAddress: nextIp(),
    });
    assert.equal(web.statusCode, 429);
  });

  test("key 2 walks the catalog's topics to a procedure's papers and fee", async () => {
    const { spoken } = await call(['2', /Hộ kinh doanh|Thành lập và hoạt động/i, /Đăng ký thành lập hộ kinh doanh/i]);
    const told = spoken.join(' ');
    assert.match(told, /Mời chọn lĩnh vực/);
    assert.match(told, /Giấy đề nghị đăng ký hộ kinh doanh/);
    assert.match(told, /100\.000/);
    assert.match(told, /giảm 50%/);
  });

  test("key 0 transfers to the hotline operators' queue", async () => {
    const { transferTo, spoken } = await call(['0']);
    assert.equal(transferTo, 'tel:+842553822222');
    assert.match(spoken.join(' '), /chuyển máy tới tổng đài viên/);
  });
});

describe('logs', () => {
  test('what a caller keys and a citizen types (code, phone digits, phone number) never reaches the request log', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      ctx: t.ctx,
      logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      const { code } = await fileOnline(t.app, citizen);
      const last4 = PHONES.citizen.slice(-4);
      const voice = await logged.inject({
        method: 'POST',
        url: '/api/v1/assistant/voice/lookup.vxml',
        payload: new URLSearchParams({ code: keypadCode(code), phone: last4 }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: nextIp(),
      });
      assert.equal(voice.statusCode, 200);
      const chat = await logged.inject({
        method: 'POST',
        url: '/api/v1/assistant/messages',
        payload: { text: `hồ sơ ${code} đến đâu rồi, số tôi 0912345678`, lookup: { code, phoneLast4: last4 } },
        remoteAddress: nextIp(),
      });
      assert.equal(chat.statusCode, 200);
      assert.ok(lines.length > 0, 'requests are logged');
      const log = lines.join('\n');
      for (const secret of [keypadCode(code), code, '0912345678', `phone=${last4}`, `"${last4}"`])
        assert.equal(log.includes(secret), false, `${secret} is not in the log`);
    } finally {
      await logged.close();
    }
  });
});
