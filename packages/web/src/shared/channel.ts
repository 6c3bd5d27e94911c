/**
 * Which channel a citizen's dossier is filed on. The province counts "smartphone" filings apart from
 * "web" filings (seed 002), so: 'mobile' when running as the installed app (display-mode standalone,
 * or iOS's navigator.standalone) or in a phone's browser (touch screen whose short side is at most
 * 600 CSS px — tablets and laptops with touch screens are larger), otherwise 'web'.
 * Decided once, when the citizen presses submit, and frozen into the outbox item with its
 * Idempotency-Key (a retry must send the same body).
 */
export interface ChannelEnv {
  standalone: boolean;
  coarsePointer: boolean;
  screenWidth: number;
  screenHeight: number;
}

export type CitizenChannel = 'mobile' | 'web';

export function channelFor(env: ChannelEnv): CitizenChannel {
  if (env.standalone) return 'mobile';
  const shortSide = Math.min(env.screenWidth, env.screenHeight);
  return env.coarsePointer && shortSide > 0 && shortSide <= 600 ? 'mobile' : 'web';
}

export function browserChannelEnv(): ChannelEnv {
  const mq = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  return {
    standalone: mq('(display-mode: standalone)') || (navigator as { standalone?: boolean }).standalone === true,
    coarsePointer: mq('(pointer: coarse)'),
    screenWidth: screen.width,
    screenHeight: screen.height,
  };
}
