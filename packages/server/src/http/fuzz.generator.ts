/**
 * Malformed requests generated from the app's own OpenAPI document, for the fuzz test. Every request
 * carries exactly one defect that no route may accept (a NUL byte, a lone surrogate, a value nested
 * far too deep, a body too large, a wrong type or format, a body of a foreign media type, a malformed
 * URL), on top of otherwise plausible values, so that it reaches as deep as the defect lets it.
 * Deterministic for a seed: a failure is replayed with FUZZ_SEED.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

interface OpenApiParameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface Operation {
  method: string;
  path: string;
  query: Array<{ name: string; schema: JsonSchema }>;
  params: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | undefined;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** What is wrong with it, for the failure message. */
  defect: string;
}

/** Values that get a request past "not found" where a field of that name is asked for. */
export type KnownValues = Record<string, string>;

/** mulberry32: a small seeded PRNG, enough to make the same requests again from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const parameters = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        params: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return ops;
}

const NUL = 'a\u0000b';
const LONE_HIGH = 'x\ud800y';
const LONE_LOW = '\udc00';
const SAMPLE_STRINGS = ['21025', '51', '0905000001', '123456', '2026-01-02', 'Nguyễn Văn A', 'https://push.example/x'];

function typesOf(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  const add = (s: JsonSchema) => {
    const t = s.type;
    if (Array.isArray(t)) for (const x of t) out.add(x);
    else if (t) out.add(t);
    for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) add(b);
    if (s.nullable) out.add('null');
  };
  add(schema);
  if (out.has('integer')) out.add('number');
  return out;
}

export class RequestGenerator {
  private readonly random: () => number;
  private deepValues: string[] = [];

  constructor(
    seed: number,
    private readonly known: KnownValues,
  ) {
    this.random = seededRandom(seed);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  private uuid(): string {
    const hex = () => this.int(16).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-8${part(3)}-${part(12)}`;
  }

  /** A value the schema accepts, or close to it: the rest of the request stays plausible. */
  plausible(schema: JsonSchema, name = '', depth = 0): unknown {
    if (name in this.known) return this.known[name];
    if (schema.enum && schema.enum.length > 0) return this.pick(schema.enum);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches && branches.length > 0) return this.plausible(this.pick(branches), name, depth);
    const types = typesOf(schema);
    if (types.has('object') || schema.properties) {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || this.random() < 0.5) out[key] = this.plausible(sub, key, depth + 1);
      }
      if (schema.additionalProperties !== false && !schema.properties && depth < 4) {
        // An open object (a form): a few nested fields of the kinds forms have.
        out.fullName = 'Nguyễn Thị Ba';
        out.location = { unitCode: '21025', street: '12 Lê Lợi' };
        out.members = [{ fullName: 'Trần Văn C', birthDate: '1990-05-12' }];
      }
      return out;
    }
    if (types.has('array')) return [this.plausible(schema.items ?? {}, name, depth + 1)];
    if (types.has('integer') || types.has('number')) return schema.minimum ?? 1;
    if (types.has('boolean')) return true;
    if (schema.format === 'uuid') return this.uuid();
    if (schema.pattern) {
      const re = new RegExp(schema.pattern);
      const hex = 'ab'.repeat(32);
      const fit = [...SAMPLE_STRINGS, hex, this.uuid()].find((s) => re.test(s));
      if (fit) return fit;
    }
    return this.pick(SAMPLE_STRINGS);
  }

  /** A value of a type the schema does not accept; undefined when it accepts any. */
  private wrongType(schema: JsonSchema): unknown {
    const types = typesOf(schema);
    if (types.size === 0) return undefined;
    const candidates: Array<[string, unknown]> = [
      ['string', 'không phải số'],
      ['number', 12345.5],
      ['boolean', true],
      ['array', [1, 'a']],
      ['object', { x: 1 }],
      ['null', null],
    ];
    const wrong = candidates.filter(([t]) => !types.has(t));
    return wrong.length > 0 ? this.pick(wrong)[1] : undefined;
  }

  private poisonString(): [string, string] {
    return this.pick([
      [NUL, 'NUL byte'],
      [LONE_HIGH, 'lone high surrogate'],
      [LONE_LOW, 'lone low surrogate'],
      [`${'Đ'.repeat(50)}\u0000`, 'NUL byte after text'],
    ] as Array<[string, string]>);
  }

  /** Stands for a deeply nested value in a body until it is serialized (JSON.stringify would overflow). */
  private deep(levels: number): string {
    const open = this.random() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    const nested = `${open.repeat(levels)}"đáy"${close.repeat(levels)}`;
    const mark = `@@deep${this.deepValues.length}@@`;
    this.deepValues.push(nested);
    return mark;
  }

  private serialize(body: unknown): string {
    let text = JSON.stringify(body);
    this.deepValues.forEach((nested, i) => {
      text = text.replace(`"@@deep${i}@@"`, nested);
    });
    this.deepValues = [];
    return text;
  }

  /** The plausible body with one defect in it: at a declared field or inside an open object. */
  private poisonBody(schema: JsonSchema): { body: unknown; defect: string } {
    const body = this.plausible(schema) as Record<string, unknown>;
    // Walk down a random path of objects to the place the defect goes.
    let holder: Record<string, unknown> = body;
    let holderSchema: JsonSchema | undefined = schema;
    const trail: string[] = [];
    for (let i = 0; i < 4 && this.random() < 0.6; i += 1) {
      const keys = Object.keys(holder).filter((k) => holder[k] !== null && typeof holder[k] === 'object');
      if (keys.length === 0) break;
      const key = this.pick(keys);
      const next = holder[key];
      const child = Array.isArray(next) ? next[0] : next;
      if (typeof child !== 'object' || child === null) break;
      const childSchema: JsonSchema | undefined = holderSchema?.properties?.[key];
      holderSchema = Array.isArray(next) ? childSchema?.items : childSchema;
      holder = child as Record<string, unknown>;
      trail.push(Array.isArray(next) ? `${key}.0` : key);
    }
    const keys = Object.keys(holder);
    const key = keys.length > 0 && this.random() < 0.8 ? this.pick(keys) : 'ghiChu';
    const at = [...trail, key].join('.');
    const kind = this.int(6);
    if (kind === 0) {
      const [s, what] = this.poisonString();
      holder[key] = s;
      return { body, defect: `${what} in body.${at}` };
    }
    if (kind === 1) {
      const [s, what] = this.poisonString();
      holder[`k${s}`] = 'giá trị';
      return { body, defect: `${what} in a key beside body.${at}` };
    }
    if (kind === 2) {
      const levels = this.pick([200, 1000, 5000]);
      holder[key] = this.deep(levels);
      return { body, defect: `${levels} levels of nesting in body.${at}` };
    }
    if (kind === 3 && /id$/i.test(key) && typeof holder[key] === 'string') {
      holder[key] = this.pick(['không-phải-uuid', 'cv-1', "1' or '1'='1", '../../etc/passwd']);
      return { body, defect: `malformed id in body.${at}` };
    }
    const fieldSchema = holderSchema?.properties?.[key];
    const wrong = fieldSchema ? this.wrongType(fieldSchema) : undefined;
    if (wrong !== undefined) {
      holder[key] = wrong;
      return { body, defect: `wrong type in body.${at}` };
    }
    const [s, what] = this.poisonString();
    holder[key] = [s];
    return { body, defect: `${what} in an array at body.${at}` };
  }

  private pathFor(op: Operation, override?: { name: string; raw: string }): string {
    return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (override?.name === name) return override.raw;
      const schema = op.params.find((p) => p.name === name)?.schema ?? {};
      return encodeURIComponent(String(this.plausible(schema, name)));
    });
  }

  private queryFor(op: Operation): string[] {
    return op.query
      .filter(() => this.random() < 0.5)
      .map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(this.plausible(q.schema, q.name)))}`);
  }

  /** One malformed request to `op`. */
  next(op: Operation): FuzzRequest {
    const headers: Record<string, string> = {};
    const query = this.queryFor(op);
    const withQuery = (path: string, extra: string[] = []) => {
      const parts = [...query, ...extra];
      return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
    };
    const kinds = ['query', 'url'];
    if (op.params.length > 0) kinds.push('param', 'param');
    if (op.body) kinds.push('body', 'body', 'body', 'body', 'content-type', 'whole-body');
    else if (op.method !== 'GET' && op.method !== 'HEAD') kinds.push('content-type', 'whole-body');
    const kind = this.pick(kinds);
    const bodyOf = () => (op.body ? JSON.stringify(this.plausible(op.body)) : undefined);

    if (kind === 'query') {
      const target = op.query.length > 0 && this.random() < 0.7 ? this.pick(op.query) : { name: 'tuKhoa', schema: {} };
      let raw: string;
      let defect: string;
      const choice = this.int(3);
      if (choice === 0 || (choice === 2 && typesOf(target.schema).has('array'))) {
        raw = `${encodeURIComponent(target.name)}=${encodeURIComponent(this.poisonString()[0].replace(/[\ud800-\udfff]/g, ''))}%00`;
        defect = `NUL byte in query ${target.name}`;
      } else if (choice === 1) {
        // The UTF-8 encoding of a surrogate code point (CESU-8), which no valid text contains.
        raw = `${encodeURIComponent(target.name)}=x${this.pick(['%ED%A0%80', '%ED%B0%80', '%C0%80'])}`;
        defect = `encoded surrogate or overlong NUL in query ${target.name}`;
      } else if (target.schema.enum || typesOf(target.schema).has('number')) {
        // A query value is always text: "wrong type" is a word where a number or a listed value goes.
        raw = `${encodeURIComponent(target.name)}=${encodeURIComponent(target.schema.enum ? 'không-có-trong-danh-sách' : 'một')}`;
        defect = `wrong type in query ${target.name}`;
      } else {
        raw = `${encodeURIComponent(target.name)}=a%00&${encodeURIComponent(target.name)}=b`;
        defect = `repeated query ${target.name} with a NUL byte`;
      }
      const rest = query.filter((q) => !q.startsWith(`${encodeURIComponent(target.name)}=`));
      const path = this.pathFor(op);
      const url = `${path}?${[...rest, raw].join('&')}`;
      return this.withBody(op, { method: op.method, url, headers, defect }, bodyOf());
    }
    if (kind === 'param') {
      const target = this.pick(op.params);
      const [raw, defect] = this.pick([
        ['a%00b', 'NUL byte'],
        ['%ED%A0%80', 'encoded lone surrogate'],
        ['%E0%A4%A', 'truncated percent-encoding'],
        ['%ZZ', 'invalid percent-encoding'],
        ['x'.repeat(150), 'over-long'],
        ['9'.repeat(400), 'over-long number'],
        [encodeURIComponent('Đ'.repeat(80)), 'over-long Vietnamese'],
        ['-1', 'negative'],
        ['1e999', 'infinite number'],
      ] as Array<[string, string]>);
      const url = withQuery(this.pathFor(op, { name: target.name, raw }));
      return this.withBody(op, { method: op.method, url, headers, defect: `${defect} path ${target.name}` }, bodyOf());
    }
    if (kind === 'url') {
      const [suffix, defect] = this.pick([
        ['%', 'a lone percent sign in the query'],
        ['q=%E0%A4%A', 'truncated percent-encoding in the query'],
        ['%00=%00', 'NUL bytes as query name and value'],
        [`q=${'%F0%9F%98%80'.repeat(3000)}`, 'a 36 kB query'],
        ['__proto__[x]=1&constructor[prototype][y]=2', 'prototype keys in the query'],
      ] as Array<[string, string]>);
      const url = `${this.pathFor(op)}?${[...query, suffix].join('&')}`;
      // A defect only the URL carries: a route without query parameters may legitimately ignore it
      // unless it also has a NUL byte, so the harmless-looking ones get one added.
      const poisoned = suffix.includes('%00') || suffix.includes('%E0') || suffix === '%' ? url : `${url}&z=%00`;
      return this.withBody(op, { method: op.method, url: poisoned, headers, defect }, bodyOf());
    }
    if (kind === 'content-type') {
      const [type, payload] = this.pick([
        ['text/plain', 'phone=0905000001'],
        ['application/x-www-form-urlencoded', 'phone=0905000001&password=x'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
        ['application/xml', '<a>b</a>'],
        ['application/json; charset=utf-16', '{"a":1}'],
      ] as Array<[string, string]>);
      headers['content-type'] = type;
      return { method: op.method, url: withQuery(this.pathFor(op)), headers, payload, defect: `a ${type} body` };
    }
    if (kind === 'whole-body') {
      const [payload, defect] = this.pick([
        ['{"phone": "0905', 'truncated JSON'],
        [`{"a":"${'x'.repeat(1_100_000)}"}`, 'a body over 1 MiB'],
        [`${'['.repeat(5000)}${']'.repeat(5000)}`, '5,000 nested arrays'],
        ['"\\u0000"', 'a JSON string with a NUL byte as the whole body'],
        ['{"__proto__":{"admin":true}}', 'a prototype-poisoning body'],
        ['{"a":"\\ud800"}', 'an escaped lone surrogate'],
      ] as Array<[string, string]>);
      headers['content-type'] = 'application/json';
      return { method: op.method, url: withQuery(this.pathFor(op)), headers, payload, defect };
    }
    const { body, defect } = this.poisonBody(op.body ?? {});
    headers['content-type'] = 'application/json';
    return { method: op.method, url: withQuery(this.pathFor(op)), headers, payload: this.serialize(body), defect };
  }

  private withBody(op: Operation, req: FuzzRequest, body: string | undefined): FuzzRequest {
    if (body === undefined || op.method === 'GET' || op.method === 'HEAD') return req;
    return { ...req, headers: { ...req.headers, 'content-type': 'application/json' }, payload: body };
  }
}
