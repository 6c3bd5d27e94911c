import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 640px)';

/** True on a phone-sized screen: the charts use smaller type and slanted axis labels there. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = window.matchMedia(QUERY);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
