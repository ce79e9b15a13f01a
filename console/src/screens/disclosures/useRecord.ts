import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';
import type { Result } from '../../api/call';
import { etagOf } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { DisclosureMetadata } from '../../api/types';

/** One record, read once (or taken from the answer that made it) with its ETag, the If-Match of a follow-up. A
 * partner system reads status metadata only: `full` is then null. */
export function useRecord<T extends { id: string; conditions: unknown }>(id: string, load: () => Promise<Result<T | DisclosureMetadata>>) {
  const known = useLocation().state as { record?: T; etag?: string | null } | null;
  const fromState = known?.record?.id === id ? known.record : null;
  const [etag, setEtag] = useState<string | null>(fromState ? (known?.etag ?? null) : null);
  const loaded = useLoad<T | DisclosureMetadata>(
    `record-${id}`,
    async () => {
      const r = await load();
      if (r.ok) setEtag(etagOf(r.response));
      return r;
    },
    fromState,
  );
  const { setData } = loaded;
  const update = useCallback(
    (record: T, tag: string | null) => {
      setData(record);
      setEtag(tag);
    },
    [setData],
  );
  const data = loaded.data;
  const full = data && 'conditions' in data ? (data as T) : null;
  return { ...loaded, full, etag, update };
}
