import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/**
 * VoiceXML 2.1 documents (issue 19 point 4), written by hand with escaping: a handful of elements,
 * every text and attribute value through `escapeXml`. A prompt's content is SSML (VoiceXML 2.1 §4.1:
 * <prompt> plays the role of SSML's <speak>, with its xml:lang); digits are read one by one.
 */

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export type Attributes = Record<string, string | number | boolean | undefined>;

/** One element: attributes escaped; children are already XML (from `el`, `text` or `say`). */
export function el(name: string, attributes: Attributes = {}, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

export function text(value: string): string {
  return escapeXml(value);
}

/** A piece of what is said: words, or digits to be read one by one ("2 6 1 1 3 0"). */
export type Spoken = string | { digits: string };

function ssml(parts: readonly Spoken[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? escapeXml(p) : el('say-as', { 'interpret-as': 'digits' }, escapeXml(p.digits))))
    .join(' ');
}

function plain(parts: readonly Spoken[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.digits.split('').join(' '))).join(' ');
}

/**
 * Recorded audio from espeak-ng's Vietnamese voice where the program is installed; the prompt's
 * SSML stays inside <audio> as what the platform says when the file cannot be fetched.
 */
export class VoiceAudio {
  private available: boolean | undefined;
  /** Texts by file name, the latest first to go: prompts are few, the dossier answers are not kept long. */
  private readonly texts = new Map<string, string>();

  constructor(private readonly program = 'espeak-ng') {}

  isAvailable(): boolean {
    this.available ??= spawnSync(this.program, ['--version'], { stdio: 'ignore', timeout: 5_000 }).status === 0;
    return this.available;
  }

  /** The file name under audio/ for this text, remembered for its rendering. */
  nameFor(spoken: string): string {
    const name = `${createHash('sha256').update(spoken).digest('hex').slice(0, 32)}.wav`;
    this.texts.delete(name);
    this.texts.set(name, spoken);
    while (this.texts.size > 2_000) {
      const oldest = this.texts.keys().next().value;
      if (oldest === undefined) break;
      this.texts.delete(oldest);
    }
    return name;
  }

  /** The WAV of a name handed out by `nameFor`, or undefined. */
  render(name: string): Buffer | undefined {
    const spoken = this.texts.get(name);
    if (spoken === undefined || !this.isAvailable()) return undefined;
    const out = spawnSync(this.program, ['-v', 'vi', '--stdout', spoken], { timeout: 20_000, maxBuffer: 20 * 1024 * 1024 });
    return out.status === 0 && Buffer.isBuffer(out.stdout) ? out.stdout : undefined;
  }

  /** A <prompt> in Vietnamese: SSML, inside <audio> when espeak-ng renders it. */
  prompt(parts: readonly Spoken[], attributes: Attributes = {}): string {
    const said = ssml(parts);
    const body = this.isAvailable() ? el('audio', { src: `audio/${this.nameFor(plain(parts))}` }, said) : said;
    return el('prompt', { 'xml:lang': 'vi-VN', ...attributes }, body);
  }
}

/** A whole VoiceXML 2.1 document. */
export function vxmlDocument(...children: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'vxml',
    { version: '2.1', xmlns: 'http://www.w3.org/2001/vxml', 'xml:lang': 'vi-VN' },
    ...children,
  )}\n`;
}
