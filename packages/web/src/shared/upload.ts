/**
 * Attachment uploads over tus (resumable): the server keeps every byte it received, so after a
 * dropped connection — or a closed tab — the upload asks how far it got and sends only the rest.
 * The upload URL is remembered in localStorage under a fingerprint of the bytes (tus-js-client's
 * URL storage), removed once the server has the whole file.
 *
 * Server contract (packages/server/src/files): POST /api/v1/uploads/ with Upload-Metadata
 * `filename`, `procedureCode`, `componentId`; the last PATCH answers `Upload-File-Id` (the file's
 * SHA-256, what a dossier attaches) and `Upload-File-Type` (the type sniffed from the bytes);
 * `GET {uploadUrl}/result` tells the same after a reload. Refusals are problem+json (413, 415, …).
 */
import * as tus from 'tus-js-client';
import { getCsrfToken } from './api';
import { isShrinkableImage, shrinkImage } from './image-shrink';

export const UPLOAD_ENDPOINT = '/api/v1/uploads/';
/** Retries after a failed request (ms); a phone on a weak network gets a few minutes in all. */
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000];
/** PATCH bodies of 1 MiB: a proxy that buffers whole requests still keeps what arrived. */
const CHUNK_SIZE = 1024 * 1024;

export interface UploadTarget {
  procedureCode: string;
  componentId: string;
}

export interface UploadedFile {
  /** SHA-256 of the stored bytes: the `fileId` a dossier's attachment refers to. */
  fileId: string;
  /** Sniffed by the server from the bytes. */
  mediaType: string;
  size: number;
  name: string;
}

/** A refusal from the server (status and its Vietnamese title), or a network failure (status 0). */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(title);
  }
}

export interface UploadHandle {
  done: Promise<UploadedFile>;
  /** Stops sending; the server keeps what it has, so a later upload of the same file resumes. */
  pause(): void;
}

export interface UploadOptions {
  onProgress?: (sent: number, total: number) => void;
  /** The phone is offline: the upload waits for the network and then goes on by itself. */
  onWaitingForNetwork?: () => void;
  /** Shrink photos before sending (default true). */
  shrink?: boolean;
  /** The bytes that will be sent (the shrunk copy of a photo), once they are ready. */
  onPrepared?: (file: File) => void;
  /**
   * Offline: wait for the network and go on by itself (default true). False rejects with status 0
   * instead, for the outbox, which has its own retry schedule.
   */
  waitForNetwork?: boolean;
}

/** Reads a problem+json refusal out of a tus error; network failures become status 0. */
export function uploadErrorOf(err: unknown): UploadError {
  const response = (err as tus.DetailedError | undefined)?.originalResponse;
  const status = response?.getStatus() ?? 0;
  if (!response || status === 0) {
    return new UploadError(0, 'Mất kết nối khi tải tệp lên. Tệp sẽ được tải tiếp khi có mạng.');
  }
  try {
    const body = JSON.parse(response.getBody()) as { title?: unknown; detail?: unknown };
    if (typeof body.title === 'string') {
      return new UploadError(status, body.title, typeof body.detail === 'string' ? body.detail : undefined);
    }
  } catch {
    // not JSON: fall through
  }
  return new UploadError(status, `Không tải được tệp lên (lỗi ${status})`);
}

async function sha256Hex(blob: Blob): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined; // only in a secure context (https, localhost)
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Identifies "the same upload" across reloads. The bytes' hash rather than the name: a shrunk
 * photo is a new Blob each time, without a name or date, but the same bytes.
 */
async function fingerprintOf(file: File, target: UploadTarget): Promise<string> {
  const hash = (await sha256Hex(file)) ?? `${file.name}-${file.size}-${file.lastModified}`;
  return ['dvc-upload', target.procedureCode, target.componentId, hash].join('::');
}

/** What the server said about an upload that finished while this page was not listening. */
export async function fetchUploadResult(uploadUrl: string): Promise<UploadedFile> {
  const res = await fetch(`${uploadUrl.replace(/\/$/, '')}/result`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new UploadError(res.status, typeof body.title === 'string' ? body.title : `HTTP ${res.status}`);
  }
  return {
    fileId: String(body.fileId),
    mediaType: String(body.mediaType),
    size: Number(body.size),
    name: String(body.originalName),
  };
}

/** Shrinks `picked` when it is a photo, then uploads it (resuming an earlier attempt if any). */
export function uploadFile(picked: File, target: UploadTarget, options: UploadOptions = {}): UploadHandle {
  let upload: tus.Upload | undefined;
  let paused = false;
  const done = (async () => {
    const file = options.shrink !== false && isShrinkableImage(picked) ? await shrinkImage(picked) : picked;
    options.onPrepared?.(file);
    const fingerprint = await fingerprintOf(file, target);
    let fileId: string | undefined;
    let mediaType: string | undefined;
    return new Promise<UploadedFile>((resolve, reject) => {
      const current = new tus.Upload(file, {
        endpoint: UPLOAD_ENDPOINT,
        metadata: { filename: file.name, procedureCode: target.procedureCode, componentId: target.componentId },
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        fingerprint: async () => fingerprint,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        // Read at every request: the session's token may have changed since the upload began.
        onBeforeRequest: (req) => {
          const token = getCsrfToken();
          if (token) req.setHeader('x-csrf-token', token);
          const xhr = req.getUnderlyingObject() as XMLHttpRequest | undefined;
          if (xhr && 'withCredentials' in xhr) xhr.withCredentials = true;
        },
        onAfterResponse: (_req, res) => {
          fileId = res.getHeader('Upload-File-Id') ?? fileId;
          mediaType = res.getHeader('Upload-File-Type') ?? mediaType;
        },
        onProgress: (sent, total) => options.onProgress?.(sent, total),
        onSuccess: () => {
          if (fileId && mediaType) {
            resolve({ fileId, mediaType, size: file.size, name: file.name });
          } else if (current.url) {
            // The answer carrying the file id was lost; the server remembers it.
            fetchUploadResult(current.url).then(resolve, reject);
          } else {
            reject(new UploadError(0, 'Không nhận được mã tệp từ máy chủ'));
          }
        },
        onError: (err) => {
          const error = uploadErrorOf(err);
          // Offline: wait for the network and go on from where the server stopped.
          const offline = typeof navigator !== 'undefined' && !navigator.onLine;
          if (error.status === 0 && offline && !paused && options.waitForNetwork !== false) {
            window.addEventListener('online', () => !paused && current.start(), { once: true });
            options.onWaitingForNetwork?.();
            return;
          }
          reject(error);
        },
      });
      upload = current;
      current
        .findPreviousUploads()
        .then((previous) => {
          const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
          if (last) current.resumeFromPreviousUpload(last);
          if (!paused) current.start();
        })
        .catch(reject);
    });
  })();
  return {
    done,
    pause() {
      paused = true;
      void upload?.abort(false);
    },
  };
}
