import { useI18n } from '../i18n';
import { dismissInstall, promptInstall, useInstallOffer } from '../shared/install';

/**
 * On the home page: "Cài ứng dụng" where the browser can install it (Android), the Share-menu steps
 * on an iPhone; "Để sau" hides it on this device for good.
 */
export function InstallOffer() {
  const { t } = useI18n();
  const offer = useInstallOffer();
  if (!offer) return null;
  return (
    <section className="card install-offer" aria-labelledby="install-title">
      <h2 id="install-title">{t('install.title')}</h2>
      {offer === 'prompt' ? (
        <>
          <p>{t('install.lead')}</p>
          <button type="button" className="button primary" onClick={() => void promptInstall()}>
            {t('install.button')}
          </button>
        </>
      ) : (
        <>
          <p>{t('install.iosLead')}</p>
          <ol>
            <li>{t('install.iosShare')}</li>
            <li>{t('install.iosAdd')}</li>
          </ol>
        </>
      )}
      <button type="button" className="button secondary" onClick={() => dismissInstall(new Date())}>
        {t('install.later')}
      </button>
    </section>
  );
}
