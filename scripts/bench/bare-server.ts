// The bench's baseline, in a process of its own like the server it is compared with: a bare Fastify
// route inserting one row (the filing's body as jsonb) into the same engine, PGlite under DATA_DIR
// or PostgreSQL at DATABASE_URL. Prints `listening <url>` once it takes requests. Loopback only.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openPglite, openPostgres } from '../../packages/server/src/db/database';

const url = process.env.DATABASE_URL;
const handle = url ? await openPostgres(url) : await openPglite(process.env.DATA_DIR ?? './data-bare');
await sql`create table if not exists bench_row (id uuid primary key, body jsonb not null, at timestamptz not null)`.execute(
  handle.db,
);
const app = Fastify({ bodyLimit: 1024 * 1024 });
app.post('/bare', async (request) => {
  await sql`insert into bench_row (id, body, at) values (${randomUUID()}, ${JSON.stringify(request.body)}::jsonb, now())`.execute(
    handle.db,
  );
  return { ok: true };
});
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`listening ${address}\n`);
const stop = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
