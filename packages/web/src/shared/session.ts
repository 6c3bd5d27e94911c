import { type SessionUser, SessionView } from '@dvc/domain/contract/auth';
import { NotificationPreferenceView } from '@dvc/domain/contract/notifications';
import { useSyncExternalStore } from 'react';
import { getLocale } from '../i18n';
import { ApiError, api, NetworkError, setCsrfToken } from './api';
import { openSecureStorage, purgeSecureStorage, secureStorageOwner } from './secure';

/** The signed-in person as /api/v1/auth answers it (its roles, for an officer, are the console's business). */
export type User = Omit<SessionUser, 'roles'>;

/**
 * 'offline': no answer from the server at start, but this phone holds a signed-in person's
 * encrypted outbox: they can keep filing; the outbox sends when the network (and session) is back.
 */
export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User }
  | { status: 'offline'; user: Pick<User, 'id' | 'fullName'> };

let session: Session = { status: 'loading' };
const listeners = new Set<() => void>();
function set(next: Session) {
  session = next;
  for (const l of listeners) l();
}
export function getSession(): Session {
  return session;
}
export function useSession(): Session {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => session,
  );
}

export async function loadSession(): Promise<Session> {
  try {
    const view = await api('/api/v1/auth/me', { schema: SessionView });
    setCsrfToken(view.csrfToken);
    await openSecureStorage(view.user);
    set({ status: 'signed-in', user: view.user });
  } catch (error) {
    if (error instanceof NetworkError) {
      const owner = await secureStorageOwner();
      set(owner ? { status: 'offline', user: { id: owner.userId, fullName: owner.fullName ?? '' } } : { status: 'signed-out' });
    } else if (error instanceof ApiError && error.status === 401) {
      set({ status: 'signed-out' });
    } else {
      set({ status: 'signed-out' });
    }
  }
  return session;
}

export async function signIn(phone: string, password: string): Promise<User> {
  const view = await api('/api/v1/auth/login', { method: 'POST', body: { phone, password }, schema: SessionView });
  setCsrfToken(view.csrfToken);
  await openSecureStorage(view.user);
  set({ status: 'signed-in', user: view.user });
  // A citizen who picked English before signing in gets their notices (SMS, Zalo, e-mail) in English too.
  void rememberLanguage();
  return view.user;
}

/**
 * The app's language becomes the signed-in citizen's notice language (issue 15). Best effort: a
 * failure (offline) leaves the stored one until the next switch or sign-in.
 */
export async function rememberLanguage(): Promise<void> {
  if (session.status !== 'signed-in' || session.user.kind !== 'citizen') return;
  await api('/api/v1/notifications/preferences', {
    schema: NotificationPreferenceView,
    method: 'PUT',
    body: { language: getLocale() },
  }).catch(() => undefined);
}

/** Sign-out erases this phone's outbox and drafts even if the server cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await api('/api/v1/auth/logout', { method: 'POST' });
  } catch {
    // offline: the cookie dies with its expiry; the local data must go now regardless
  }
  await purgeSecureStorage();
  setCsrfToken(undefined);
  set({ status: 'signed-out' });
}
