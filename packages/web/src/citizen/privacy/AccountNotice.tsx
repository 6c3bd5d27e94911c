import { useI18n } from '../../i18n';

/** Issue 20: the sign-up notice; the account is created only with this box ticked (consent is recorded then). */
export function AccountNotice({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="card">
      <p>
        <strong>{t('privacy.account.title')}</strong>
      </p>
      <p className="muted">{t('privacy.account.body')}</p>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} required />{' '}
        {t('privacy.account.agree')}
      </label>
    </div>
  );
}
