import { useState } from 'react';
import { useI18n } from '../i18n';
import { ErrorText } from '../shared/ui';

type Format = 'csv' | 'xlsx' | 'pdf';

const REQUESTS: Record<Format, { path: string; accept: string }> = {
  csv: { path: '/api/v1/reports/indicators', accept: 'text/csv' },
  xlsx: { path: '/api/v1/reports/indicators.xlsx', accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { path: '/api/v1/reports/indicators.pdf', accept: 'application/pdf' },
};

function fileName(response: Response, fallback: string): string {
  const cd = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(cd)?.[1] ?? fallback;
}

/**
 * CSV, Excel and PDF of the report on screen (the same query). Fetched, not linked: the CSV needs
 * `Accept: text/csv`, and a refused request must show its message instead of saving an error as a file.
 */
export function ExportButtons({ query }: { query: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<Format | undefined>();
  const [error, setError] = useState<string | undefined>();

  const download = async (format: Format) => {
    const { path, accept } = REQUESTS[format];
    setBusy(format);
    setError(undefined);
    try {
      const response = await fetch(`${path}?${query}`, { headers: { accept }, credentials: 'same-origin' });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { title?: string };
        throw new Error(problem.title ?? `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(response, `bao-cao.${format}`);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(t('reports.export.failed', { reason: e instanceof Error ? e.message : '' }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="rp-export">
      <span className="muted">{t('reports.export.label')}</span>
      {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className="button secondary slim"
          disabled={busy !== undefined}
          onClick={() => void download(f)}
        >
          {busy === f ? t('common.loading') : t(`reports.export.${f}`)}
        </button>
      ))}
      <ErrorText>{error}</ErrorText>
    </div>
  );
}
