import { type DossierImport, DossierImportView } from '@dvc/domain/contract/imports';
import { ApiError, ContractError, getCsrfToken, NetworkError } from '../shared/api';

export type { DossierImport };

/** The server's limit (dossier-import-web.ts): refused here first, before minutes of upload. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * POSTs the file as a `text/csv` body. XMLHttpRequest rather than fetch: only it reports the bytes
 * sent, which the progress bar shows on a slow phone connection.
 */
export function uploadImport(file: File, onProgress: (sent: number, total: number) => void): Promise<DossierImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/admin/imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new NetworkError('network'));
    xhr.onload = () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 202) {
        // Sent by XMLHttpRequest, not api(): the answer is checked against its contract here.
        const checked = DossierImportView.safeParse(json);
        if (checked.success) resolve(checked.data);
        else {
          const drift = new ContractError('POST /api/v1/admin/imports', checked.error.issues);
          console.error(drift.message);
          reject(drift);
        }
      } else
        reject(
          new ApiError(
            xhr.status,
            typeof json.title === 'string' ? json.title : `HTTP ${xhr.status}`,
            [],
            typeof json.detail === 'string' ? json.detail : undefined,
          ),
        );
    };
    xhr.send(file);
  });
}

/** 0–100 for the bar: the upload, then the import of the bytes the server has read. */
export function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 100;
}
