import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileKind, ProcedureComponent } from '@dvc/domain';
import { fileTypeFromBuffer } from 'file-type';
import { findProcedureByCode } from '../catalog/catalog.service';
import { Batcher } from '../db/batcher';
import { canSeeDossierHoldingFile } from '../dossiers/dossier-access';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import type { Actor } from '../identity/actor';
import { type BlobStore, LocalBlobStore, SHA256_PATTERN } from './blob-store';
import { findFilesBySha, findOwnedFiles, type StoredFileRow, upsertStoredFile } from './files.repository';

export type { StoredFileRow } from './files.repository';

/** The media type each kind of file in a procedure definition stands for. */
export const MEDIA_TYPE_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const LABEL_OF: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPG', png: 'PNG' };

/** "Tệp không đúng định dạng cho phép (PDF, JPG, PNG)" — names the kinds this component takes. */
export function wrongTypeMessage(accepts: readonly FileKind[]): string {
  return `Tệp không đúng định dạng cho phép (${accepts.map((k) => LABEL_OF[k]).join(', ')})`;
}

/** Bytes as MB the Vietnamese way: "10", "2,5". */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace('.', ',');
}

/** "Tệp quá lớn: tối đa 10 MB". */
export function tooLargeMessage(maxBytes: number): string {
  return `Tệp quá lớn: tối đa ${megabytes(maxBytes)} MB`;
}

const stores = new WeakMap<AppContext['config'], BlobStore>();

/** The app's blob store: `<DATA_DIR>/files` (an S3-compatible adapter would be chosen here by config). */
export function blobStoreFor(ctx: AppContext): BlobStore {
  let store = stores.get(ctx.config);
  if (!store) {
    store = new LocalBlobStore(join(ctx.config.DATA_DIR, 'files'));
    stores.set(ctx.config, store);
  }
  return store;
}

/** Enough leading bytes for file-type to recognise PDF, JPEG and PNG (and to tell them from others). */
const SNIFF_BYTES = 4100;

/** The real media type of the bytes (never the name's or the client's claim), or undefined. */
export async function sniffMediaType(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES)))?.mime;
}

export async function sniffFileAt(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return sniffMediaType(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function kindOf(mediaType: string | undefined): FileKind | undefined {
  return (Object.keys(MEDIA_TYPE_OF) as FileKind[]).find((k) => MEDIA_TYPE_OF[k] === mediaType);
}

/** A name safe to store and to show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim()
    .normalize('NFC');
  return (cleaned || 'tep-dinh-kem').slice(0, 200);
}

/** What a component of a procedure takes; undefined when the procedure or component is unknown. */
export async function componentLimits(
  ctx: AppContext,
  procedureCode: string,
  componentId: string,
): Promise<Pick<ProcedureComponent, 'accepts' | 'maxBytes' | 'name'> | undefined> {
  const procedure = await findProcedureByCode(ctx, procedureCode);
  const component = procedure?.components.find((c) => c.id === componentId);
  return component && { accepts: component.accepts, maxBytes: component.maxBytes, name: component.name };
}

export type StoreResult = { ok: true; file: StoredFileRow } | Failure<'wrong_type', { mediaType?: string }>;

/**
 * Stores bytes already checked for size, for `ownerId`, if their sniffed type is among `accepts`.
 * `source` is read twice: its head to sniff, then the whole into the blob store.
 */
async function storeChecked(
  ctx: AppContext,
  ownerId: string,
  name: string | undefined,
  mediaType: string | undefined,
  accepts: readonly FileKind[],
  data: () => Readable | Buffer,
): Promise<StoreResult> {
  const kind = kindOf(mediaType);
  if (!kind || !accepts.includes(kind)) return { ok: false, reason: 'wrong_type', mediaType };
  const { sha256, size } = await blobStoreFor(ctx).put(data());
  const file = await upsertStoredFile(ctx.db, {
    provinceCode: ctx.config.PROVINCE_CODE,
    ownerId,
    sha256,
    originalName: cleanFileName(name),
    mediaType: MEDIA_TYPE_OF[kind],
    size,
    createdAt: ctx.now(),
  });
  return { ok: true, file };
}

/** For officers' scans and generated PDFs: store `buffer` as `ownerId`'s file named `name`. */
export async function storeBuffer(
  ctx: AppContext,
  ownerId: string,
  name: string,
  buffer: Buffer,
  accepts: readonly FileKind[],
): Promise<StoreResult> {
  return storeChecked(ctx, ownerId, name, await sniffMediaType(buffer), accepts, () => buffer);
}

/** For the upload route: store a finished upload lying at `path`. */
export async function storeFileAt(
  ctx: AppContext,
  ownerId: string,
  name: string | undefined,
  path: string,
  accepts: readonly FileKind[],
): Promise<StoreResult> {
  return storeChecked(ctx, ownerId, name, await sniffFileAt(path), accepts, () => createReadStream(path));
}

export type OwnedFileResult = { ok: true; file: StoredFileRow } | Failure<'not_found' | 'wrong_type'>;

/**
 * For the dossier capability: the file `sha256` if `ownerId` uploaded it (and, when `accepts` is
 * given, if its sniffed type is one of them). Someone else's file is 'not_found', not 'forbidden':
 * a citizen learns nothing about files that are not theirs.
 */
export async function getOwnedFile(
  ctx: AppContext,
  ownerId: string,
  sha256: string,
  accepts?: readonly FileKind[],
): Promise<OwnedFileResult> {
  const [result] = await getOwnedFiles(ctx, ownerId, [{ sha256, accepts }]);
  return result!;
}

const ownedFileLookups = new WeakMap<AppContext, Batcher<{ ownerId: string; sha256s: string[] }, StoredFileRow[]>>();

/** Filings arriving together check their files with one lookup (db/batcher.ts). */
function ownedFileLookup(ctx: AppContext) {
  let lookup = ownedFileLookups.get(ctx);
  if (!lookup) {
    lookup = new Batcher(
      async (asks) => {
        const rows = await findOwnedFiles(
          ctx.db,
          ctx.config.PROVINCE_CODE,
          asks.flatMap((a) => a.sha256s.map((sha256) => ({ ownerId: a.ownerId, sha256 }))),
        );
        return asks.map((a) => rows.filter((r) => r.ownerId === a.ownerId && a.sha256s.includes(r.sha256)));
      },
      { maxBatch: 100 },
    );
    ownedFileLookups.set(ctx, lookup);
  }
  return lookup;
}

/** getOwnedFile for several files of one owner, with one lookup; results in the order asked. */
export async function getOwnedFiles(
  ctx: AppContext,
  ownerId: string,
  wanted: Array<{ sha256: string; accepts?: readonly FileKind[] }>,
): Promise<OwnedFileResult[]> {
  const valid = [...new Set(wanted.map((w) => w.sha256).filter((h) => SHA256_PATTERN.test(h)))];
  const rows = valid.length ? await ownedFileLookup(ctx).run({ ownerId, sha256s: valid }) : [];
  const blobs = blobStoreFor(ctx);
  return Promise.all(
    wanted.map(async ({ sha256, accepts }): Promise<OwnedFileResult> => {
      const file = rows.find((r) => r.sha256 === sha256);
      if (!file || !(await blobs.has(sha256))) return { ok: false, reason: 'not_found' };
      const kind = kindOf(file.mediaType);
      if (accepts && (!kind || !accepts.includes(kind))) return { ok: false, reason: 'wrong_type' };
      return { ok: true, file };
    }),
  );
}

export type ReadableFile = { ok: true; file: StoredFileRow; body: Readable } | Failure<'not_found'>;

/**
 * The file and its bytes if `actor` may read it: its owner, or whoever may see a dossier that holds
 * it (the dossier capability's rule). Otherwise 'not_found', never a hint that the file exists.
 */
export async function openFileFor(ctx: AppContext, actor: Actor, sha256: string): Promise<ReadableFile> {
  if (!SHA256_PATTERN.test(sha256) || actor.provinceCode !== ctx.config.PROVINCE_CODE) return { ok: false, reason: 'not_found' };
  const rows = await findFilesBySha(ctx.db, ctx.config.PROVINCE_CODE, sha256);
  // The actor's own row first: they see the name they gave it.
  const own = rows.find((r) => r.ownerId === actor.userId);
  const file = own ?? (rows[0] && (await canSeeDossierHoldingFile(ctx.db, actor, sha256)) ? rows[0] : undefined);
  if (!file) return { ok: false, reason: 'not_found' };
  const body = await blobStoreFor(ctx).get(sha256);
  if (!body) return { ok: false, reason: 'not_found' };
  return { ok: true, file, body };
}

/**
 * Makes bytes already in the blob store (an issued result) a file of `ownerId`, so that whoever may
 * see a dossier it is attached to can read it like any attachment. Undefined if the bytes are gone.
 */
export async function adoptStoredBlob(
  ctx: AppContext,
  ownerId: string,
  sha256: string,
  name: string,
): Promise<StoredFileRow | undefined> {
  const body = await blobStoreFor(ctx).get(sha256);
  if (!body) return undefined;
  let size = 0;
  const head: Buffer[] = [];
  for await (const chunk of body) {
    const b = Buffer.from(chunk as Buffer);
    if (size < SNIFF_BYTES) head.push(b);
    size += b.length;
  }
  const mediaType = await sniffMediaType(Buffer.concat(head));
  if (!mediaType) return undefined;
  return upsertStoredFile(ctx.db, {
    provinceCode: ctx.config.PROVINCE_CODE,
    ownerId,
    sha256,
    originalName: cleanFileName(name),
    mediaType,
    size,
    createdAt: ctx.now(),
  });
}
