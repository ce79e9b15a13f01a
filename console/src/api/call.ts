import { asProblem } from './client';
import type { Problem } from './types';

export type Result<D> =
  | { ok: true; data: D; response: Response }
  | { ok: false; problem: Problem; response: Response | null };

/** Runs an openapi-fetch call and gives either its data or its problem+json (a network failure is a problem too). */
export async function call<D>(
  promise: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<Result<NonNullable<D>>> {
  try {
    const r = await promise;
    if (r.response.ok) return { ok: true, data: r.data as NonNullable<D>, response: r.response };
    return { ok: false, problem: asProblem(r.error, r.response), response: r.response };
  } catch (error) {
    return {
      ok: false,
      response: null,
      problem: {
        type: 'about:blank',
        title: 'network',
        status: 0,
        detail: error instanceof Error ? error.message : String(error),
        code: 'network_error',
        violations: [],
      },
    };
  }
}
