import { parseDossierCode, vietnamDate } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishedCatalog } from '../catalog/index';
import type { AddressLimiter, LookupGuard, PublicDossierView } from '../dossiers/index';
import { findDossier, lookUpDossier } from '../dossiers/index';
import type { AppContext } from '../http/context';
import { problem } from '../http/problem';
import { searchAgencies } from '../organisation/index';
import { dossierStateAnswer } from './answers';
import {
  lookupDocument,
  lookupResultDocument,
  operatorDocument,
  procedureDocument,
  startDocument,
  topicDocument,
  topicsDocument,
} from './voice.documents';
import { type Spoken, VoiceAudio } from './vxml';

const tags = ['assistant'];
const VXML = 'application/voicexml+xml; charset=utf-8';
const BASE = '/api/v1/assistant/voice';

const Page = z.coerce.number().int().min(0).max(100).default(0);

/** As a VoiceXML <submit> sends it (application/x-www-form-urlencoded); loose: a bad value is a refusal. */
const LookupBody = z.object({ code: z.string().max(40).default(''), phone: z.string().max(20).default('') });

/** The dossiers of the province whose code ends in these digits: one per agency at most. */
async function candidates(ctx: AppContext, digits: string): Promise<string[]> {
  const tail = `${digits.slice(0, 6)}-${digits.slice(6)}`;
  const agencies = await searchAgencies(ctx.db, ctx.config.PROVINCE_CODE, {
    includeClosed: true,
    today: vietnamDate(ctx.now()),
    limit: 1_000,
  });
  const codes = [...new Set(agencies.map((a) => `${a.code}-${tail}`))].filter((c) => parseDossierCode(c) !== null);
  const found = await Promise.all(codes.map(async (c) => ((await findDossier(ctx, c)) ? c : undefined)));
  return found.filter((c): c is string => c !== undefined);
}

/**
 * The state of each dossier with this numeric tail whose filer's phone ends in these 4 digits,
 * each code's try taken from the lock the public lookup and the chat share.
 */
async function lookUpByKeypad(ctx: AppContext, guard: LookupGuard, digits: string, phone: string) {
  if (!/^\d{10,15}$/.test(digits) || !/^\d{4}$/.test(phone)) return { views: [], locked: false };
  const views: PublicDossierView[] = [];
  let locked = false;
  for (const code of await candidates(ctx, digits)) {
    const guarded = await guard.run(
      code,
      () => ctx.now(),
      () => lookUpDossier(ctx, code, { phoneLast4: phone }),
    );
    if (guarded.locked) locked = true;
    else if (guarded.value) views.push(guarded.value);
  }
  return { views, locked };
}

function spokenState(view: PublicDossierView, digits: string): Spoken[] {
  const { answer } = dossierStateAnswer(view);
  const rest = answer.replace(`Hồ sơ ${view.code} (${view.procedureName}): `, '');
  return ['Hồ sơ có mã kết thúc bằng', { digits }, `, thủ tục ${view.procedureName}: ${rest}`];
}

/**
 * The callbot (issue 19 point 4): VoiceXML 2.1 documents for the hotline's IVR platform, from the
 * same catalog and the same per-code lock as the chat. The lookup's tries are also counted per
 * address with the chat's limiter: an IVR platform calls from its own address, so it gets the
 * allowance of one busy chat user — a hotline with more callers should be given its own allowance.
 */
export function voiceRoutes(guard: LookupGuard, addresses: AddressLimiter): FastifyPluginAsyncZod {
  return async (app) => {
    const voice = new VoiceAudio();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4_096 }, (_r, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    const send = (reply: { header: (k: string, v: string) => unknown }, document: string) => {
      reply.header('content-type', VXML);
      reply.header('cache-control', 'no-store');
      return document;
    };
    const doc = { tags, response: { 200: z.string() } };

    app.get(
      `${BASE}/start.vxml`,
      { schema: { ...doc, summary: 'Tổng đài: lời chào và menu chính (VoiceXML)' } },
      async (_q, reply) => send(reply, startDocument(voice)),
    );

    app.get(
      `${BASE}/lookup.vxml`,
      { schema: { ...doc, summary: 'Tổng đài: nhập mã hồ sơ và 4 số cuối điện thoại' } },
      async (_q, reply) => send(reply, lookupDocument(voice)),
    );

    app.post(
      `${BASE}/lookup.vxml`,
      { schema: { ...doc, summary: 'Tổng đài: tình trạng hồ sơ khi mã và 4 số cuối điện thoại khớp', body: LookupBody } },
      async (request, reply) => {
        const digits = request.body.code.replace(/\D/g, '');
        if (addresses.take(request.ip, app.ctx.now()) !== undefined) {
          return send(
            reply,
            lookupResultDocument(voice, ['Tổng đài đang nhận quá nhiều yêu cầu tra cứu, xin thử lại sau ít phút.'], false),
          );
        }
        const { views, locked } = await lookUpByKeypad(app.ctx, guard, digits, request.body.phone);
        if (views.length > 0)
          return send(
            reply,
            lookupResultDocument(
              voice,
              views.flatMap((v) => spokenState(v, digits)),
              true,
            ),
          );
        const said: Spoken[] = locked
          ? ['Mã hồ sơ này đang tạm khóa tra cứu do nhập sai nhiều lần. Xin thử lại sau 15 phút.']
          : ['Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này. Xin kiểm tra lại mã trên giấy tiếp nhận.'];
        return send(reply, lookupResultDocument(voice, said, false));
      },
    );

    app.get(
      `${BASE}/topics.vxml`,
      { schema: { ...doc, summary: 'Tổng đài: chọn lĩnh vực thủ tục', querystring: z.object({ page: Page }) } },
      async (request, reply) => {
        const entries = await publishedCatalog(app.ctx.db, app.ctx.config.PROVINCE_CODE);
        return send(reply, topicsDocument(voice, entries, request.query.page));
      },
    );

    app.get(
      `${BASE}/topic.vxml`,
      {
        schema: {
          ...doc,
          summary: 'Tổng đài: chọn thủ tục trong một lĩnh vực',
          querystring: z.object({ id: z.string().max(60), page: Page }),
        },
      },
      async (request, reply) => {
        const entries = await publishedCatalog(app.ctx.db, app.ctx.config.PROVINCE_CODE);
        return send(reply, topicDocument(voice, entries, request.query.id, request.query.page));
      },
    );

    app.get(
      `${BASE}/procedure.vxml`,
      {
        schema: {
          ...doc,
          summary: 'Tổng đài: giấy tờ và lệ phí của một thủ tục',
          querystring: z.object({ code: z.string().max(40) }),
        },
      },
      async (request, reply) => {
        const entries = await publishedCatalog(app.ctx.db, app.ctx.config.PROVINCE_CODE);
        const entry = entries.find((e) => e.code === request.query.code);
        if (!entry) return send(reply, topicsDocument(voice, entries, 0));
        return send(reply, procedureDocument(voice, entry.facts, app.ctx.now()));
      },
    );

    app.get(
      `${BASE}/operator.vxml`,
      { schema: { ...doc, summary: 'Tổng đài: chuyển máy tới tổng đài viên' } },
      async (_q, reply) => send(reply, operatorDocument(voice, app.ctx.config.assistant.voiceTransferTo)),
    );

    app.get(
      `${BASE}/audio/:name`,
      {
        schema: {
          tags,
          summary: 'Tổng đài: lời nhắc thu sẵn bằng giọng tiếng Việt của espeak-ng (khi máy chủ có cài)',
          params: z.object({ name: z.string().regex(/^[0-9a-f]{32}\.wav$/) }),
        },
      },
      async (request, reply) => {
        const wav = voice.render(request.params.name);
        if (!wav) throw problem(404, 'not-found', 'Không có tệp âm thanh này');
        reply.header('content-type', 'audio/wav');
        reply.header('cache-control', 'public, max-age=86400');
        return wav;
      },
    );
  };
}
