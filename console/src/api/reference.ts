import { useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import { call, type Result } from './call';
import type { LegalBasis, ListedOffence, Offence, Policy, Problem, Purpose } from './types';

export interface Reference {
  purposes: Purpose[] | null;
  offences: Offence[] | null;
  policy: Policy | null;
  bases: LegalBasis[] | null;
  /** The art. 458bis list (versioned; every entry to verify). */
  art458bis: ListedOffence[] | null;
  problem: Problem | null;
}

/** The cache key of the registered bases (a new registration drops it). */
export const BASES_KEY = 'legal-bases';

/** Purposes, offences and the policy: read once per sign-in, shared by the screens that need them. Their titles
 * come in the three languages in one answer, so a change of language needs no new request. */
export function useReference(need: {
  purposes?: boolean;
  offences?: boolean;
  policy?: boolean;
  bases?: boolean;
  art458bis?: boolean;
}): Reference {
  const { api, cache } = useSession();
  const [state, setState] = useState<Reference>({
    purposes: null,
    offences: null,
    policy: null,
    bases: null,
    art458bis: null,
    problem: null,
  });
  const { purposes: wantPurposes, offences: wantOffences, policy: wantPolicy, bases: wantBases, art458bis: want458bis } = need;

  useEffect(() => {
    let live = true;
    function once<T>(key: string, load: () => Promise<Result<T>>): Promise<Result<T>> {
      let hit = cache.get(key) as Promise<Result<T>> | undefined;
      if (!hit) {
        hit = load().then((r) => {
          if (!r.ok) cache.delete(key);
          return r;
        });
        cache.set(key, hit);
      }
      return hit;
    }
    const jobs: Array<Promise<void>> = [];
    const put = (patch: Partial<Reference>) => {
      if (live) setState((s) => ({ ...s, ...patch }));
    };
    if (wantPurposes)
      jobs.push(
        once('purposes', () => call(api.GET('/v1/reference/purposes'))).then((r) =>
          put(r.ok ? { purposes: r.data } : { problem: r.problem }),
        ),
      );
    if (wantOffences)
      jobs.push(
        once('offences', () => call(api.GET('/v1/reference/offences'))).then((r) =>
          put(r.ok ? { offences: r.data.items } : { problem: r.problem }),
        ),
      );
    if (wantPolicy)
      jobs.push(
        once('policy', () => call(api.GET('/v1/policy'))).then((r) =>
          put(r.ok ? { policy: r.data } : { problem: r.problem }),
        ),
      );
    if (wantBases)
      jobs.push(
        once(BASES_KEY, () => call(api.GET('/v1/legal-bases', { params: { query: { limit: 100 } } }))).then((r) =>
          put(r.ok ? { bases: r.data.items } : { problem: r.problem }),
        ),
      );
    if (want458bis)
      jobs.push(
        once('art-458bis-offences', () => call(api.GET('/v1/reference/art-458bis-offences'))).then((r) =>
          put(r.ok ? { art458bis: r.data.items } : { problem: r.problem }),
        ),
      );
    void Promise.all(jobs);
    return () => {
      live = false;
    };
  }, [api, cache, wantPurposes, wantOffences, wantPolicy, wantBases, want458bis]);

  return state;
}

/** The title of a reference item in the reader's language. */
export function titleIn(item: { title_fr: string; title_nl: string; title_en: string }, language: string): string {
  return language === 'nl' ? item.title_nl : language === 'en' ? item.title_en : item.title_fr;
}
