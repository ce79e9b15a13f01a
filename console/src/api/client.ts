/**
 * The one way the console calls the service: openapi-fetch over the generated types of openapi/openapi.json.
 *
 * A middleware adds the bearer token and the reader's language to every request. A 401 asks the session for a new
 * sign-in (the sign-in dialog opens over the current screen) and then sends the same request again, once.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { Problem } from './types';

export type Api = ReturnType<typeof createClient<paths>>;

export interface Session {
  /** The current access token, or null when nobody is signed in. */
  token(): string | null;
  /** The language of the screen: every call asks the service for the same one. */
  language(): string;
  /** Called on a 401: resolves with a fresh token once the user signed in again (null: give up). */
  reauthenticate(): Promise<string | null>;
}

/** Requests that must never wait for a sign-in (they are the sign-in). */
const SIGN_IN_PATHS = new Set(['/oauth/dev-token', '/oauth/token']);

export function sessionMiddleware(session: Session): Middleware {
  const pending = new Map<string, Request>();
  return {
    onRequest({ request, id, schemaPath }) {
      // A screen may ask for another language for one call (the secrecy notice in the language chosen to read it).
      if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', session.language());
      const token = session.token();
      if (token && !SIGN_IN_PATHS.has(schemaPath)) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      // Kept to send again after a new sign-in (the body of the original is consumed by fetch).
      pending.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, schemaPath }) {
      const copy = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || SIGN_IN_PATHS.has(schemaPath) || !copy) {
        return undefined;
      }
      const token = await session.reauthenticate();
      if (!token) return undefined;
      const again = new Request(copy, { headers: new Headers(copy.headers) });
      again.headers.set('Authorization', `Bearer ${token}`);
      if (!again.headers.has('Accept-Language')) again.headers.set('Accept-Language', session.language());
      return fetch(again);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
}

export function createApi(session: Session, baseUrl: string = window.location.origin): Api {
  const client = createClient<paths>({
    baseUrl,
    // Looked up at call time, so that tests (and nothing else) may replace it.
    fetch: (request: Request) => globalThis.fetch(request),
  });
  client.use(sessionMiddleware(session));
  return client;
}

/** A problem+json body, or a minimal one built from the status when the body is not one. */
export function asProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object' && 'detail' in error) {
    const p = error as Partial<Problem>;
    return {
      type: p.type ?? 'about:blank',
      title: p.title ?? response.statusText,
      status: p.status ?? response.status,
      detail: String(p.detail ?? ''),
      code: p.code ?? '',
      violations: Array.isArray(p.violations) ? p.violations : [],
    };
  }
  return {
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    detail: typeof error === 'string' && error ? error : `HTTP ${response.status}`,
    code: '',
    violations: [],
  };
}

/** The ETag of a response (the version to send back as If-Match). */
export function etagOf(response: Response): string | null {
  return response.headers.get('ETag');
}
