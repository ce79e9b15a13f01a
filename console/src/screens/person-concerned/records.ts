/** What this sign-in recorded for the persons concerned of a concertation. The API lists none of these records (it
 * reads each by its id), so the console keeps the answers it got, in memory only (dropped at sign-out with the rest
 * of the session), and reads them again by id when asked. */
import { useCallback, useEffect, useState } from 'react';
import type { components } from '../../api/schema';
import type { Consent, PersonConcerned } from '../../api/types';
import { useSession } from '../../auth/session';

export type InformationRecord = components['schemas']['InformationPublic'];
export type ExceptionRecord = components['schemas']['InformationExceptionPublic'];
export type PersonIdentity = components['schemas']['PersonConcernedIdentity'];

export interface Records {
  /** Each consent with the ETag of its last answer (the If-Match of its withdrawal). */
  consents: Array<{ record: Consent; etag: string | null }>;
  information: InformationRecord[];
  exceptions: ExceptionRecord[];
  /** Persons added here, until the concertation is read again (then they are in its body). */
  persons: PersonConcerned[];
}

export const NO_RECORDS: Records = { consents: [], information: [], exceptions: [], persons: [] };

/** Replace a record by id, or add it at the end. */
export function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export function useRecords(concertationId: string): [Records, (change: (r: Records) => Records) => void] {
  const { cache } = useSession();
  const key = `person-records-${concertationId}`;
  const [records, setRecords] = useState<Records>(NO_RECORDS);

  useEffect(() => {
    let live = true;
    const kept = cache.get(key) as Promise<Records> | undefined;
    if (kept)
      void kept.then((r) => {
        if (live) setRecords(r);
      });
    return () => {
      live = false;
    };
  }, [cache, key]);

  const change = useCallback(
    (how: (r: Records) => Records) => {
      setRecords((current) => {
        const next = how(current);
        cache.set(key, Promise.resolve(next));
        return next;
      });
    },
    [cache, key],
  );
  return [records, change];
}
