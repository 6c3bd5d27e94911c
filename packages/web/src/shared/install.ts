import { useSyncExternalStore } from 'react';

/**
 * Offering to install the app: Chromium on Android fires `beforeinstallprompt` (kept here, so the
 * app shows its own "Cài ứng dụng" button and calls the browser's prompt from it); Safari on iOS has
 * no such event, so the offer there is the steps of the Share menu. Not offered once installed
 * (standalone), nor again once dismissed on this device.
 */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOffer = 'prompt' | 'ios' | undefined;

export const DISMISSED_KEY = 'dvc.install.dismissed';

/** Safari on an iPhone or iPad (an iPad says "Macintosh" but has touch); not Chrome or Firefox for iOS. */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return ios && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(userAgent);
}

export function installOffer(env: {
  userAgent: string;
  maxTouchPoints: number;
  standalone: boolean;
  dismissed: boolean;
  hasPrompt: boolean;
}): InstallOffer {
  if (env.standalone || env.dismissed) return undefined;
  if (env.hasPrompt) return 'prompt';
  return isIosSafari(env.userAgent, env.maxTouchPoints) ? 'ios' : undefined;
}

let deferred: InstallPromptEvent | undefined;
let installed = false;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

if (typeof window !== 'undefined') {
  // Registered when the app loads: the event may come before any screen is drawn.
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    deferred = e as InstallPromptEvent;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    installed = true;
    deferred = undefined;
    notify();
  });
}

function dismissedHere(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) !== null;
  } catch {
    return false;
  }
}

function currentOffer(): InstallOffer {
  const nav = navigator as Navigator & { standalone?: boolean };
  return installOffer({
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: installed || nav.standalone === true || window.matchMedia?.('(display-mode: standalone)').matches === true,
    dismissed: dismissedHere(),
    hasPrompt: deferred !== undefined,
  });
}

export function useInstallOffer(): InstallOffer {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    currentOffer,
    () => undefined,
  );
}

/** The browser's own install dialog; the offer goes away whatever the answer (the event is single-use). */
export async function promptInstall(): Promise<void> {
  const event = deferred;
  if (!event) return;
  deferred = undefined;
  await event.prompt();
  await event.userChoice.catch(() => undefined);
  notify();
}

export function dismissInstall(now: Date) {
  try {
    localStorage.setItem(DISMISSED_KEY, now.toISOString());
  } catch {
    // private mode: dismissed for this visit only
  }
  deferred = undefined;
  notify();
}
