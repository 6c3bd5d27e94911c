import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

/**
 * Targets (/can-bo/chi-tieu): the online-rate targets per procedure set, unit level and period, set
 * by the province's administrators; the reports classify units against them. Earlier decisions stay
 * in the history below, marked "đã thay".
 */
interface Target {
  id: number;
  groupCode: string;
  unitLevel: 'province' | 'district' | 'commune' | null;
  validFrom: string;
  validTo: string | null;
  onlineRate: number;
  legalBasis: string;
  recordedAt: string;
  supersededAt: string | null;
}
interface Answer {
  groups: { code: string; name: string; procedureCodes: string[] }[];
  current: Target[];
  history: Target[];
}

const percent = (r: number) => `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

export function TargetsScreen() {
  const { t } = useI18n();
  const ids = useId();
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [form, setForm] = useState({ groupCode: '', unitLevel: '', validFrom: '', validTo: '', percent: '', legalBasis: '' });
  const [showHistory, setShowHistory] = useState(false);

  const load = useCallback(
    () =>
      api<Answer>('/api/v1/admin/targets')
        .then((a) => {
          setAnswer(a);
          setForm((f) => (f.groupCode ? f : { ...f, groupCode: a.groups[0]?.code ?? '' }));
        })
        .catch((e) => setNotice(e instanceof ApiError ? e.title : t('error.network'))),
    [t],
  );
  useEffect(() => void load(), [load]);

  const level = (l: Target['unitLevel']) => t(l ? (`officer.tgt.level.${l}` as const) : 'officer.tgt.level.all');
  const groupName = (code: string) => answer?.groups.find((g) => g.code === code)?.name ?? code;

  async function save(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    try {
      await api('/api/v1/admin/targets', {
        method: 'POST',
        body: {
          groupCode: form.groupCode,
          unitLevel: form.unitLevel || null,
          validFrom: form.validFrom,
          validTo: form.validTo || null,
          onlineRate: Number(form.percent.replace(',', '.')) / 100,
          legalBasis: form.legalBasis,
        },
      });
      setNotice(t('officer.tgt.saved'));
      await load();
    } catch (x) {
      setProblem(x instanceof ApiError ? x : new ApiError(0, t('error.network')));
    }
  }

  const rows = (list: Target[]) => (
    <table className="off-table">
      <thead>
        <tr>
          <th>{t('officer.tgt.group')}</th>
          <th>{t('officer.tgt.levelLabel')}</th>
          <th>{t('officer.tgt.period')}</th>
          <th>{t('officer.tgt.rate')}</th>
          <th>{t('officer.tgt.basis')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((x) => (
          <tr key={x.id}>
            <td>{groupName(x.groupCode)}</td>
            <td>{level(x.unitLevel)}</td>
            <td>
              {x.validFrom} → {x.validTo ?? t('officer.tgt.untilFurther')}
              {x.supersededAt && (
                <div>
                  <span className="status warn">{t('officer.tgt.superseded')}</span>
                </div>
              )}
            </td>
            <td>{x.onlineRate >= 1 ? t('officer.tgt.onlineOnly') : percent(x.onlineRate)}</td>
            <td>
              <small>{x.legalBasis}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const err = (f: string) => problem?.errors.find((e) => e.field === `body.${f}`)?.message;
  return (
    <section className="off-staff">
      <div className="off-head">
        <h1>{t('officer.tgt.title')}</h1>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {!answer && <p className="muted">{t('common.loading')}</p>}
      {answer && (
        <>
          <form onSubmit={save} noValidate className="off-filters" style={{ flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 }}>
            {problem && (
              <p className="alert" role="alert" style={{ flexBasis: '100%' }}>
                {problem.title}
                {problem.errors.length > 0 ? `: ${problem.errors.map((x) => x.message).join('; ')}` : ''}
              </p>
            )}
            <div className="field">
              <label htmlFor={`${ids}-g`}>{t('officer.tgt.group')}</label>
              <select id={`${ids}-g`} value={form.groupCode} onChange={(e) => setForm({ ...form, groupCode: e.target.value })}>
                {answer.groups.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-l`}>{t('officer.tgt.levelLabel')}</label>
              <select id={`${ids}-l`} value={form.unitLevel} onChange={(e) => setForm({ ...form, unitLevel: e.target.value })}>
                <option value="">{t('officer.tgt.level.all')}</option>
                <option value="commune">{t('officer.tgt.level.commune')}</option>
                <option value="district">{t('officer.tgt.level.district')}</option>
                <option value="province">{t('officer.tgt.level.province')}</option>
              </select>
            </div>
            <div className={`field${err('validFrom') ? ' has-error' : ''}`}>
              <label htmlFor={`${ids}-f`}>{t('officer.tgt.from')}</label>
              <input
                id={`${ids}-f`}
                type="date"
                value={form.validFrom}
                onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
              />
            </div>
            <div className={`field${err('validTo') ? ' has-error' : ''}`}>
              <label htmlFor={`${ids}-t`}>{t('officer.tgt.to')}</label>
              <input
                id={`${ids}-t`}
                type="date"
                value={form.validTo}
                onChange={(e) => setForm({ ...form, validTo: e.target.value })}
              />
            </div>
            <div className={`field${err('onlineRate') ? ' has-error' : ''}`}>
              <label htmlFor={`${ids}-r`}>{t('officer.tgt.rate')} (%)</label>
              <input
                id={`${ids}-r`}
                inputMode="decimal"
                value={form.percent}
                onChange={(e) => setForm({ ...form, percent: e.target.value })}
                style={{ width: '6rem' }}
              />
            </div>
            <div className={`field${err('legalBasis') ? ' has-error' : ''}`} style={{ flex: 1, minWidth: '14rem' }}>
              <label htmlFor={`${ids}-b`}>{t('officer.tgt.basis')}</label>
              <input id={`${ids}-b`} value={form.legalBasis} onChange={(e) => setForm({ ...form, legalBasis: e.target.value })} />
            </div>
            <button type="submit" className="button primary slim">
              {t('officer.tgt.save')}
            </button>
          </form>
          <div className="off-table-wrap">
            <h2>{t('officer.tgt.current')}</h2>
            {rows(answer.current)}
          </div>
          <label>
            <input type="checkbox" checked={showHistory} onChange={(e) => setShowHistory(e.target.checked)} />{' '}
            {t('officer.tgt.showHistory')}
          </label>
          {showHistory && <div className="off-table-wrap">{rows(answer.history)}</div>}
        </>
      )}
    </section>
  );
}
