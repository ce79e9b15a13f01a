/** Tests only: the console signed in as a coordinator over a fetch that answers like the service (bodies copied from
 * a running one), and records what was asked. */
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../App';
import type { ConsoleConfig } from '../../auth/config';
import type { Check, ComplianceReport, Concertation } from '../../api/types';

// jsdom has no CSS.escape (focusField uses it): the algorithm of CSSOM §serialize an identifier, for the tests.
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string): string => {
    const all = Array.from(String(value));
    return all
      .map((ch, i) => {
        const code = ch.codePointAt(0)!;
        if (code === 0) return '\uFFFD';
        if ((code >= 0x1 && code <= 0x1f) || code === 0x7f) return `\\${code.toString(16)} `;
        if (/[0-9]/.test(ch) && (i === 0 || (i === 1 && all[0] === '-'))) return `\\${code.toString(16)} `;
        if (i === 0 && ch === '-' && all.length === 1) return `\\${ch}`;
        if (code >= 0x80 || /[-_a-zA-Z0-9]/.test(ch)) return ch;
        return `\\${ch}`;
      })
      .join('');
  };
  Object.defineProperty(globalThis, 'CSS', { value: { ...(globalThis.CSS ?? {}), escape }, configurable: true });
}

export const CID = '8768d74d-2bd3-42e8-9e67-c70df0e44e4c';
export const BASIS_ID = '353a441b-6021-4127-bc21-d045243fe4ca';
export const PERSON_ID = 'ab3283f5-0ed8-4b09-a908-3c330a7c1879';
export const PARTICIPANT_ID = '6a874fa9-a026-50ce-922a-dd9d5c458934';

const CONFIG: ConsoleConfig = {
  dev_sign_in: true,
  dev_issuer: 'concertation-dev',
  oidc: null,
  docs_url: '/docs',
  redoc_url: '/redoc',
};

function base64url(text: string): string {
  return Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function tokenFor(roles: string[] = ['coordinator'], sub = 'coordinator-1'): string {
  const header = base64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ sub, roles, org: 'org-a', iss: 'concertation-dev', exp: Math.floor(Date.now() / 1000) + 3600 }),
  );
  return `${header}.${payload}.c2lnbmF0dXJl`;
}

export function concertation(patch: Partial<Concertation> = {}): Concertation {
  return {
    concertation_type: null,
    purpose: null,
    offence_scope: [],
    subsidiarity: null,
    meeting_kind: null,
    why_person_not_present: null,
    chair: null,
    requester: null,
    initiator_type: null,
    scheduled_start: null,
    scheduled_end: null,
    id: CID,
    legal_basis_id: BASIS_ID,
    org: 'org-a',
    state: 'draft',
    policy_profile: 'safeguards',
    persons_concerned: [
      { id: PERSON_ID, reference: 'P-001', privacy_notice_given_at: '2026-11-18T09:00:00Z', privacy_notice_deferred: false },
    ],
    art_458ter_only: false,
    democratic_control: true,
    scope_frozen_at: null,
    created_at: '2026-12-06T04:34:49.525861Z',
    updated_at: '2026-12-06T04:34:49.525861Z',
    version: 1,
    ...patch,
  } as Concertation;
}

export const BASIS = {
  id: BASIS_ID,
  type: 'decree',
  title: 'Décret du 18 janvier 2018 portant le code de la prévention, de l’aide à la jeunesse',
  enabling_norm: null,
  implementing_act: null,
  determines: {
    authorised_participants: [{ kind: 'category', sector: 'aid_care', function: 'conseiller SAJ' }],
    purposes: ['protect_integrity'],
    finalite: 'Protéger les enfants',
    modalities: null,
  },
  valid_from: '2024-01-01',
  valid_until: null,
  status: 'active',
  created_at: '2026-12-06T04:30:00Z',
  version: 1,
};

/** Checks as the service orders them (by rule family), not failures first. */
export const CHECKS: Check[] = [
  {
    rule: 'R1',
    code: 'legal_basis_applies',
    status: 'pass',
    legal_ground: 'art. 458ter §1 al. 1 C. pén. (loi, décret, ordonnance ou autorisation motivée du procureur du Roi)',
    message: 'The concertation rests on a registered legal basis in force and stays within what that basis determines.',
    field: null,
  },
  {
    rule: 'R7',
    code: 'concertation_type_required',
    status: 'fail',
    legal_ground: 'recommandation SDJ (avis sur le projet Pot-pourri V)',
    message: 'The concertation type is missing: choose it from the list of configured types.',
    field: 'concertation_type',
  },
  {
    rule: 'R28',
    code: 'person_not_informed',
    status: 'warn',
    legal_ground: 'Protocol van Moed ; recommandation SDJ (information de la personne)',
    message: 'The concertation cannot be closed without complete information of the person concerned or a valid exception.',
    field: 'information',
  },
  {
    rule: 'R26',
    code: 'persons_concerned_identified',
    status: 'pass',
    legal_ground: "circulaire SPW (précision de l'identification) ; Donnet, Dubois, Guilbau",
    message: 'The persons concerned are recorded and every protected person is one of them or a third party.',
    field: null,
  },
  {
    rule: 'R55',
    code: 'last_resort_not_justified',
    status: 'fail',
    legal_ground: 'recommandation SDJ ; Protocol van Moed (« dernière alternative »)',
    message:
      'A case concertation must remain an exceptional, last-resort measure: list the alternatives considered (voluntary aid, shared professional secrecy, a report to the Crown Prosecutor…), why each one is insufficient and why a concertation is needed now.',
    field: 'subsidiarity',
  },
];

export function compliance(checks: Check[] = CHECKS): ComplianceReport {
  return {
    concertation_id: CID,
    state: 'draft',
    policy_profile: 'safeguards',
    compliant: !checks.some((c) => c.status === 'fail'),
    art_458ter_only: false,
    checks,
    evaluated_at: '2026-12-06T04:45:15Z',
  };
}

export const PRECONDITION_FAILED = {
  type: 'https://concertation.example/problems/precondition_failed',
  title: 'Precondition failed',
  status: 412,
  detail: 'The resource has changed since you last read it (ETag mismatch): read it again, then redo your change.',
  code: 'precondition_failed',
  violations: [],
};

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** The path without the query (`/v1/concertations/<id>`), or a pattern of it. */
  path: string | RegExp;
  reply(request: Request, body: unknown): Reply | Promise<Reply>;
}

export interface Call {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body: unknown;
}

/** The offence of the reference catalogue most tests use. */
export const OFFENCE_398 = {
  code: 'cp_398',
  article: 'art. 398 C. pén.',
  title_fr: 'Coups et blessures volontaires',
  title_nl: 'Opzettelijke slagen en verwondingen',
  title_en: 'Intentional assault and battery',
  purposes: ['protect_integrity'],
  in_force: true,
};

/** Reference data every form of a concertation reads (the lists are the service's, shortened). */
export const REFERENCE_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/v1/reference/purposes',
    reply: () => ({
      body: [
        {
          code: 'protect_integrity',
          title_fr: "Protéger l'intégrité physique et psychique",
          title_nl: 'De fysieke en psychische integriteit beschermen',
          title_en: 'Protect physical and psychological integrity',
        },
      ],
    }),
  },
  {
    method: 'GET',
    path: '/v1/reference/offences',
    reply: () => ({
      body: {
        items: [OFFENCE_398],
      },
    }),
  },
  {
    method: 'GET',
    path: '/v1/policy',
    reply: () => ({
      body: {
        default_profile: 'safeguards',
        profiles: [],
        allow_prosecutor_authorisation_basis: true,
        min_authorisation_motivation_length: 50,
        default_retention_days: 1825,
        concertation_types: ['csil_r', 'child_abuse_protocol'],
      },
    }),
  },
  { method: 'GET', path: '/v1/legal-bases', reply: () => ({ body: { items: [BASIS], next_cursor: null } }) },
];

/** Replace fetch: each request goes to the first route that matches; an unexpected one fails the test (listed in
 * `unexpected`). */
export function mockApi(routes: Route[]): { calls: Call[]; unexpected: string[] } {
  const calls: Call[] = [];
  const unexpected: string[] = [];
  globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const body: unknown = text ? JSON.parse(text) : null;
    calls.push({ method: request.method, path: url.pathname, query: url.search, headers: request.headers, body });
    const route = routes.find(
      (r) => r.method === request.method && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    if (!route) {
      unexpected.push(`${request.method} ${url.pathname}`);
      return new Response(JSON.stringify({ detail: 'not mocked', status: 404, violations: [] }), {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    const reply = await route.reply(request, body);
    const status = reply.status ?? 200;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: {
        'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
        ...(reply.headers ?? {}),
      },
    });
  }) as typeof fetch;
  return { calls, unexpected };
}

/** The console at `path` (under /console), signed in (as a coordinator unless `roles` says otherwise), in English. */
export function renderConsole(path: string, roles: string[] = ['coordinator'], sub?: string) {
  window.history.pushState({}, '', `/console${path}`);
  return render(<App config={CONFIG} initialLanguage="en" initialToken={tokenFor(roles, sub ?? `${roles[0]}-1`)} />);
}

/** What a reader sees of an element: its text, white space as the browser shows it. */
export function text(element: Element | undefined | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
