import {
  type NotificationList,
  NotificationListView,
  NotificationReadView,
  PushSubscribedView,
  VapidKeyView,
} from '@dvc/domain/contract/notifications';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from './api';

export type { NotificationItem, NotificationList } from '@dvc/domain/contract/notifications';

/** The unread count behind the header's bell, shared by the bell and the /thong-bao page. */
let unread = 0;
const listeners = new Set<() => void>();
export function setUnreadCount(n: number) {
  if (n === unread) return;
  unread = n;
  for (const l of listeners) l();
}

export async function fetchNotifications(): Promise<NotificationList> {
  const list = await api('/api/v1/notifications', { schema: NotificationListView });
  setUnreadCount(list.unreadCount);
  return list;
}

export async function markRead(id: number): Promise<void> {
  await api(`/api/v1/notifications/${id}/read`, { schema: NotificationReadView, method: 'POST' });
  setUnreadCount(Math.max(0, unread - 1));
}

const POLL_MS = 60_000;

/**
 * The unread count, refreshed every minute while the page is visible and whenever the app comes
 * back to the front (focus, tab shown): a hidden tab asks nothing, so a phone left open stays quiet.
 */
export function useUnreadCount(enabled: boolean): number {
  const count = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => unread,
  );
  useEffect(() => {
    if (!enabled) {
      setUnreadCount(0);
      return;
    }
    let timer: ReturnType<typeof setInterval> | undefined;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      fetchNotifications().catch(() => {
        // offline or signed out meanwhile: keep the last count
      });
    };
    const start = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.visibilityState !== 'visible') return;
      refresh();
      timer = setInterval(refresh, POLL_MS);
    };
    start();
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', start);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', start);
    };
  }, [enabled]);
  return count;
}

/** VAPID public key (base64url) → the bytes PushManager.subscribe wants. */
export function urlBase64ToUint8Array(base64url: string): Uint8Array<ArrayBuffer> {
  const padding = '='.repeat((4 - (base64url.length % 4)) % 4);
  const base64 = (base64url + padding).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'PushManager' in window && 'serviceWorker' in navigator && 'Notification' in window;
}

/** This device's current push subscription, if any. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  // getRegistration, not `ready`: in `vite` dev no worker is registered and `ready` never settles.
  const reg = await navigator.serviceWorker.getRegistration();
  return reg ? reg.pushManager.getSubscription() : null;
}

/** Asks permission, subscribes with the server's VAPID key and registers the subscription. */
export async function enablePush(): Promise<'on' | 'denied'> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const reg = await navigator.serviceWorker.ready;
  const { publicKey } = await api('/api/v1/notifications/vapid-public-key', { schema: VapidKeyView });
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToUint8Array(publicKey) }));
  const json = sub.toJSON();
  await api('/api/v1/notifications/push-subscriptions', {
    schema: PushSubscribedView,
    method: 'POST',
    body: { endpoint: sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } },
  });
  return 'on';
}

/** Unsubscribes this device and tells the server to stop sending to it. */
export async function disablePush(): Promise<void> {
  const sub = await currentPushSubscription();
  if (!sub) return;
  await api('/api/v1/notifications/push-subscriptions', { method: 'DELETE', body: { endpoint: sub.endpoint } });
  await sub.unsubscribe();
}
