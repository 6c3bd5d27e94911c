import { TopicListView } from '@dvc/domain/contract/catalog';
import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { api } from '../shared/api';
import type { Topic } from '../shared/catalog';
import { useSession } from '../shared/session';
import { HelpSection } from './help/HelpSection';
import { InstallOffer } from './InstallOffer';

export function Home() {
  const { t } = useI18n();
  const session = useSession();
  const [q, setQ] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  useEffect(() => {
    api('/api/v1/procedure-topics', { schema: TopicListView })
      .then((r) => setTopics(r.items))
      .catch(() => undefined);
  }, []);

  function search(e: FormEvent) {
    e.preventDefault();
    navigate(`/thu-tuc?q=${encodeURIComponent(q)}`);
  }

  const name = session.status === 'signed-in' || session.status === 'offline' ? session.user.fullName : '';
  return (
    <section>
      <h1 className="hello">{name ? t('home.helloName', { name }) : t('home.hello')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <form onSubmit={search} className="searchbox" aria-label={t('search.label')}>
        <label htmlFor="home-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="home-q"
          type="search"
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button primary">
          {t('search.go')}
        </button>
      </form>
      <h2>{t('home.popular')}</h2>
      <div className="stack">
        <Link href="/thu-tuc/1.001612" className="tile">
          <span className="tile-title">{t('home.popular.register')}</span>
          <span className="tile-sub">{t('home.popular.registerSub')}</span>
        </Link>
        <Link href="/ho-so" className="tile">
          <span className="tile-title">{t('home.track')}</span>
          <span className="tile-sub">{t('home.trackSub')}</span>
        </Link>
        <Link href="/tra-cuu" className="tile">
          <span className="tile-title">{t('lookup.homeTile')}</span>
          <span className="tile-sub">{t('lookup.homeTileSub')}</span>
        </Link>
      </div>
      <InstallOffer />
      <h2>{t('home.topics')}</h2>
      <div className="grid2">
        {topics.map((topic) => (
          <Link key={topic.id} href={`/thu-tuc?topic=${topic.id}`} className="tile small">
            <span className="tile-title">{topic.label}</span>
            <span className="tile-sub">{t('home.topicCount', { count: topic.count })}</span>
          </Link>
        ))}
      </div>
      {session.status === 'signed-out' && (
        <div className="card center">
          <p>{t('home.signInPrompt')}</p>
          <Link href="/dang-nhap" className="button primary">
            {t('signin.title')}
          </Link>
          <Link href="/dang-ky" className="button secondary">
            {t('signup.title')}
          </Link>
        </div>
      )}
      <HelpSection />
    </section>
  );
}
