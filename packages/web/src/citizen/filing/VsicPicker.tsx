import { foldVietnamese } from '@dvc/domain/text';
import { everydayVsicCodes, searchVsic } from '@dvc/domain/vsic';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { arrowKeysThroughOptions } from '../../shared/a11y';
import { errorFor, type FieldError } from './form-state';

export interface BusinessLine {
  code: string;
  name: string;
  isMain: boolean;
}

/** Business lines from the VSIC 2018 list (level 4, the certificate's), searched without diacritics; one is the main line. */
export function VsicPicker({
  lines,
  onChange,
  errors,
  path,
}: {
  lines: BusinessLine[];
  onChange: (lines: BusinessLine[]) => void;
  errors: FieldError[];
  path: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const results = useMemo(() => rankByWholeWords(q, q.trim() ? searchVsic(q, { level: 4, limit: 60 }) : []).slice(0, 15), [q]);
  const add = (code: string, name: string) => {
    if (lines.some((l) => l.code === code)) return;
    onChange([...lines, { code, name, isMain: lines.length === 0 }]);
    setQ('');
  };
  return (
    <div className="stack">
      {lines.length > 0 && (
        <fieldset className="field">
          <legend>{t('vsic.chosen')}</legend>
          <ul className="lines">
            {lines.map((l, i) => (
              <li key={l.code} className={errorFor(errors, `${path}.${i}.code`) ? 'has-error' : ''}>
                <label className="radio">
                  <input
                    type="radio"
                    name={`${id}-main`}
                    checked={l.isMain}
                    onChange={() => onChange(lines.map((x) => ({ ...x, isMain: x.code === l.code })))}
                  />
                  <span>
                    <strong>{l.code}</strong> {l.name}
                    {l.isMain && <span className="tag required">{t('vsic.main')}</span>}
                  </span>
                </label>
                <button type="button" className="linklike" onClick={() => onChange(lines.filter((x) => x.code !== l.code))}>
                  {t('common.remove')}
                </button>
                {errorFor(errors, `${path}.${i}.code`) && <p className="error">{errorFor(errors, `${path}.${i}.code`)}</p>}
              </li>
            ))}
          </ul>
          <p className="hint">{t('vsic.mainHint')}</p>
        </fieldset>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the arrow keys of the search box and the options inside */}
      <div className="field" onKeyDown={arrowKeysThroughOptions}>
        <label htmlFor={id}>{t('vsic.search')}</label>
        <input id={id} type="search" placeholder={t('vsic.placeholder')} value={q} onChange={(e) => setQ(e.target.value)} />
        <ul className="options">
          {results.map((r) => (
            <li key={r.code}>
              <button
                type="button"
                className="option"
                onClick={() => add(r.code, r.name)}
                disabled={lines.some((l) => l.code === r.code)}
              >
                <strong>{r.code}</strong> {r.name}
              </button>
            </li>
          ))}
        </ul>
        {q.trim() && results.length === 0 && <p className="muted">{t('vsic.none')}</p>}
      </div>
    </div>
  );
}

/**
 * The domain search matches inside words ("hoa" in "hoạt"); lines whose words match whole come
 * first, after the lines everyday words name ("tạp hóa" → 4711), which the domain puts first.
 */
export function rankByWholeWords<T extends { code: string; name: string }>(query: string, entries: T[]): T[] {
  const terms = foldVietnamese(query).split(' ').filter(Boolean);
  const everyday = new Set(everydayVsicCodes(query));
  const score = (e: T) => {
    if (everyday.has(e.code)) return Number.POSITIVE_INFINITY;
    const words = new Set(foldVietnamese(e.name).split(/[^a-z0-9]+/));
    return terms.filter((t) => words.has(t)).length;
  };
  return entries
    .map((e, i) => ({ e, i, s: score(e) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.e);
}
