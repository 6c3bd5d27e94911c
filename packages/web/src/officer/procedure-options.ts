import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api';

export interface ProcedureOption {
  code: string;
  name: string;
}

/** How many procedures a desk picker offers at once; the officer types to find the others. */
export const PICKER_PAGE = 50;

/**
 * The options of a desk's procedure picker: the first page of the catalog search for what the
 * officer typed (a province has ~1,700 procedures; the desk never reads them all), plus the one
 * picked, so a choice stays shown while the officer filters for another.
 */
export function useProcedureOptions(filter: string, selected: string): { options: ProcedureOption[]; total: number } {
  const [page, setPage] = useState<{ items: ProcedureOption[]; total: number }>({ items: [], total: 0 });
  const names = useRef(new Map<string, string>());
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(
      () => {
        const params = new URLSearchParams({ limit: String(PICKER_PAGE) });
        if (filter.trim()) params.set('q', filter.trim());
        api<{ items: ProcedureOption[]; total: number }>(`/api/v1/procedures?${params}`)
          .then((r) => {
            if (mine !== seq.current) return;
            for (const p of r.items) names.current.set(p.code, p.name);
            setPage({ items: r.items.map((p) => ({ code: p.code, name: p.name })), total: r.total });
          })
          .catch(() => mine === seq.current && setPage({ items: [], total: 0 }));
      },
      filter ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [filter]);

  const shown = page.items.some((p) => p.code === selected) || !selected;
  const options = shown ? page.items : [{ code: selected, name: names.current.get(selected) ?? selected }, ...page.items];
  return { options, total: page.total };
}
