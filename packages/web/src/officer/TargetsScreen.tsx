import { CurrentTargetsView, type Target, type Targets, TargetsView } from '@dvc/domain/contract/targets';
import { formatPercentVi } from '@dvc/domain/indicators';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { type ApiError, api } from '../shared/api';
import { AdminForm, AdminPage, AdminTable, asProblem, TextField } from './AdminScaffold';

/**
 * Targets (/can-bo/chi-tieu): the online-rate targets per procedure set, unit level and period, set
 * by the province's administrators; the reports classify units against them. Earlier decisions stay
 * in the history below, marked "đã thay".
 */
const percent = (r: number) => formatPercentVi(r);

export function TargetsScreen() {
  const { t } = useI18n();
  const ids = useId();
  const [answer, setAnswer] = useState<Targets | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [form, setForm] = useState({ groupCode: '', unitLevel: '', validFrom: '', validTo: '', percent: '', legalBasis: '' });
  const [showHistory, setShowHistory] = useState(false);

  const load = useCallback(
    () =>
      api('/api/v1/admin/targets', { schema: TargetsView })
        .then((a) => {
          setAnswer(a);
          setForm((f) => (f.groupCode ? f : { ...f, groupCode: a.groups[0]?.code ?? '' }));
        })
        .catch((e) => setNotice(asProblem(e, t).title)),
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
        schema: CurrentTargetsView,
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
      setProblem(asProblem(x, t));
    }
  }

  const rows = (list: Target[]) => (
    <AdminTable
      columns={[
        t('officer.tgt.group'),
        t('officer.tgt.levelLabel'),
        t('officer.tgt.period'),
        t('officer.tgt.rate'),
        t('officer.tgt.basis'),
      ]}
    >
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
    </AdminTable>
  );

  const err = (f: string) => problem?.errors.find((e) => e.field === `body.${f}`)?.message;
  return (
    <AdminPage title={t('officer.tgt.title')} notice={notice}>
      {answer && (
        <AdminForm onSubmit={save} problem={problem} submitLabel={t('officer.tgt.save')}>
          <div className="field grow">
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
          <TextField
            id={`${ids}-f`}
            type="date"
            label={t('officer.tgt.from')}
            value={form.validFrom}
            invalid={Boolean(err('validFrom'))}
            onChange={(validFrom) => setForm({ ...form, validFrom })}
          />
          <TextField
            id={`${ids}-t`}
            type="date"
            label={t('officer.tgt.to')}
            value={form.validTo}
            invalid={Boolean(err('validTo'))}
            onChange={(validTo) => setForm({ ...form, validTo })}
          />
          <TextField
            id={`${ids}-r`}
            label={`${t('officer.tgt.rate')} (%)`}
            value={form.percent}
            inputMode="decimal"
            invalid={Boolean(err('onlineRate'))}
            onChange={(percent) => setForm({ ...form, percent })}
          />
          <TextField
            id={`${ids}-b`}
            label={t('officer.tgt.basis')}
            value={form.legalBasis}
            grow
            invalid={Boolean(err('legalBasis'))}
            onChange={(legalBasis) => setForm({ ...form, legalBasis })}
          />
        </AdminForm>
      )}
      {answer ? (
        <div className="off-table-wrap">
          <h2>{t('officer.tgt.current')}</h2>
          {rows(answer.current)}
        </div>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {answer && (
        <label className="off-check">
          <input type="checkbox" checked={showHistory} onChange={(e) => setShowHistory(e.target.checked)} />
          {t('officer.tgt.showHistory')}
        </label>
      )}
      {answer && showHistory && <div className="off-table-wrap">{rows(answer.history)}</div>}
    </AdminPage>
  );
}
