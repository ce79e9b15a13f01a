import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from './call';
import type { Problem } from './types';

export interface Loaded<T> {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  /** Replace the data with what a later response returned (no refetch). */
  setData(data: T): void;
  reload(): void;
  response: Response | null;
}

/** Loads once per `key` (a new key loads again); `initial` skips the request when the data is already known. */
export function useLoad<T>(key: string | null, load: () => Promise<Result<T>>, initial: T | null = null): Loaded<T> {
  const [data, setData] = useState<T | null>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(key !== null && initial === null);
  const [response, setResponse] = useState<Response | null>(null);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  const skip = useRef(initial !== null);

  useEffect(() => {
    if (key === null) return undefined;
    if (skip.current) {
      skip.current = false;
      return undefined;
    }
    let live = true;
    setLoading(true);
    void loader.current().then((r) => {
      if (!live) return;
      setLoading(false);
      setResponse(r.response);
      if (r.ok) {
        setData(r.data);
        setProblem(null);
      } else {
        setProblem(r.problem);
      }
    });
    return () => {
      live = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, problem, loading, setData, reload, response };
}
