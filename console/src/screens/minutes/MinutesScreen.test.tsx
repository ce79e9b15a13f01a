import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MinutesEntry } from '../../api/types';
import {
  CID,
  PARTICIPANT_ID,
  PRECONDITION_FAILED,
  REFERENCE_ROUTES,
  concertation,
  mockApi,
  renderConsole,
  text,
  type Route,
} from '../concertations/testing';

const FINALISED_AT = '2026-12-20T11:00:00Z';

function entry(id: string, content: string, patch: Partial<MinutesEntry> = {}): MinutesEntry {
  return {
    id,
    agenda_item_id: null,
    speaker_id: null,
    attributed_to: [],
    entry_type: 'statement',
    level: 'process',
    necessity_justification: null,
    offence_tags: [],
    about_persons: [],
    may_inform_judicial_decision: false,
    disclosed_to_person_at: null,
    penal_use_forbidden: false,
    recorded_at: '2026-12-20T09:10:00Z',
    content,
    ...patch,
  };
}

const OPENING = entry('0c0d7a2e-1f7b-4f0e-9d55-7c6a1b2b9a01', 'Le président rappelle le secret professionnel.');
const PARTICIPANT = {
  id: PARTICIPANT_ID,
  concertation_id: CID,
  issuer: 'concertation-dev',
  subject: 'participant-1',
  display_name: 'Marie Dupont',
  organisation: 'SAJ Liège',
  sector: 'aid_care',
  function: 'conseillère SAJ',
  mission_statement: 'aide à la jeunesse',
  bound_by_professional_secrecy: true,
  secrecy_source: 'art_458_cp',
  is_lawyer: false,
  under_mandate: false,
  mandating_authority: null,
  person_informed_of_mandate: null,
  magistrate_function: null,
  person_ref: null,
  works_with: [],
  role: 'member',
  created_at: '2026-12-06T04:44:00Z',
  version: 1,
};

/** The minutes as the service keeps them: the ETag changes with each entry, a finalisation is checked against it. */
function service(finaliseAnswers: 'page' | 'empty' | 'stale') {
  const entries: MinutesEntry[] = [OPENING];
  let finalised: string | null = null;
  const tag = () => `"m${entries.length}${finalised ? 'f' : ''}"`;
  const routes: Route[] = [
    ...REFERENCE_ROUTES,
    {
      method: 'GET',
      path: `/v1/concertations/${CID}`,
      reply: () => ({
        body: concertation({ state: 'in_session', offence_scope: ['cp_398'], version: 4 }),
        headers: { ETag: '"4"' },
      }),
    },
    {
      method: 'GET',
      path: `/v1/concertations/${CID}/participants`,
      reply: () => ({ body: { items: [PARTICIPANT], next_cursor: null } }),
    },
    { method: 'GET', path: `/v1/concertations/${CID}/agenda-items`, reply: () => ({ body: { items: [], next_cursor: null } }) },
    {
      method: 'GET',
      path: `/v1/concertations/${CID}/minutes`,
      reply: () => ({ body: { finalised_at: finalised, items: entries, next_cursor: null }, headers: { ETag: tag() } }),
    },
    {
      method: 'POST',
      path: `/v1/concertations/${CID}/minutes`,
      reply: (_request, body) => {
        const b = body as Partial<MinutesEntry>;
        const added = entry(`1a2b3c4d-0000-4000-8000-00000000000${entries.length}`, b.content ?? '', {
          ...b,
          recorded_at: '2026-12-20T09:30:00Z',
        });
        entries.push(added);
        return { status: 201, body: added, headers: { Location: `/v1/concertations/${CID}/minutes` } };
      },
    },
    {
      method: 'POST',
      path: `/v1/concertations/${CID}/minutes/finalise`,
      reply: (request) => {
        if (finaliseAnswers === 'stale' || request.headers.get('If-Match') !== tag())
          return { status: 412, body: PRECONDITION_FAILED };
        finalised = FINALISED_AT;
        const items = finaliseAnswers === 'page' ? entries : [];
        return { body: { finalised_at: finalised, items, next_cursor: null }, headers: { ETag: tag() } };
      },
    },
  ];
  return { routes, entries };
}

async function addEntry(user: ReturnType<typeof userEvent.setup>) {
  const form = await screen.findByRole('form', { name: 'Add an entry' });
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Level' }), 'content');
  await user.type(within(form).getByRole('textbox', { name: 'Necessity justification' }), 'Le danger est actuel.');
  await user.click(within(form).getByRole('checkbox', { name: 'art. 398 C. pén. — Intentional assault and battery' }));
  await user.click(within(form).getByRole('checkbox', { name: 'P-001' }));
  await user.type(within(form).getByRole('textbox', { name: 'Content' }), "L'école a constaté des ecchymoses le 17 novembre.");
  await user.click(within(form).getByRole('button', { name: 'Add the entry' }));
}

function shownEntries(): string[] {
  const list = document.querySelector('ol.entries');
  return list ? Array.from(list.querySelectorAll(':scope > li .notice-text'), (p) => text(p)) : [];
}

describe('the minutes', () => {
  it('adds an entry, then finalises the minutes as read (If-Match of a fresh read) and shows the answer', async () => {
    const user = userEvent.setup();
    const svc = service('page');
    const api = mockApi(svc.routes);
    renderConsole(`/concertations/${CID}/minutes`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Minutes' })).toBeTruthy();
    await waitFor(() => expect(shownEntries()).toEqual(['Le président rappelle le secret professionnel.']));

    await addEntry(user);
    await waitFor(() => expect(shownEntries()).toHaveLength(2));
    expect(shownEntries()[1]).toBe("L'école a constaté des ecchymoses le 17 novembre.");
    const post = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/minutes'))!;
    expect(post.body).toMatchObject({
      level: 'content',
      entry_type: 'statement',
      necessity_justification: 'Le danger est actuel.',
      offence_tags: ['cp_398'],
      about_persons: ['P-001'],
      speaker_id: null,
      content: "L'école a constaté des ecchymoses le 17 novembre.",
    });

    await user.click(screen.getByRole('button', { name: 'Finalise the minutes' }));
    await waitFor(() => expect(text(screen.getByRole('status'))).toMatch(/^Minutes finalised on .+: they no longer change\.$/));
    const finalise = api.calls.find((c) => c.path.endsWith('/finalise'))!;
    // The entry added here changed the minutes' ETag: read again, the minutes are finalised as they now are.
    expect(finalise.headers.get('If-Match')).toBe('"m2"');
    expect(shownEntries()).toHaveLength(2);
    // Final: no more writing, no second finalisation.
    expect(screen.queryByRole('form', { name: 'Add an entry' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Finalise the minutes' })).toBeNull();
    expect(api.unexpected).toEqual([]);
  });

  it('reads the minutes again when the finalisation answers without its entries', async () => {
    const user = userEvent.setup();
    const svc = service('empty');
    const api = mockApi(svc.routes);
    renderConsole(`/concertations/${CID}/minutes`);
    await waitFor(() => expect(shownEntries()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Finalise the minutes' }));
    await waitFor(() => expect(text(screen.getByRole('status'))).toMatch(/^Minutes finalised on/));
    expect(shownEntries()).toEqual(['Le président rappelle le secret professionnel.']);
    // Read as it was: no second read before, one after the empty answer.
    expect(api.calls.find((c) => c.path.endsWith('/finalise'))!.headers.get('If-Match')).toBe('"m1"');
    expect(api.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/minutes'))).toHaveLength(2);
  });

  it('says when someone else changed the minutes (412) and offers to read them again', async () => {
    const user = userEvent.setup();
    const svc = service('stale');
    const api = mockApi(svc.routes);
    renderConsole(`/concertations/${CID}/minutes`);
    await waitFor(() => expect(shownEntries()).toHaveLength(1));
    // Someone else writes meanwhile.
    svc.entries.push(entry('9f9f9f9f-0000-4000-8000-000000000009', 'Note de la secrétaire.'));
    await user.click(screen.getByRole('button', { name: 'Finalise the minutes' }));
    const alert = await screen.findByRole('alert');
    expect(text(alert.querySelector('p'))).toBe('Someone else changed the minutes since you read them.');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(shownEntries()).toEqual(['Le président rappelle le secret professionnel.', 'Note de la secrétaire.']));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.unexpected).toEqual([]);
  });

  it('does not finalise entries nobody here has seen: after an entry written here, a new one from elsewhere is shown first', async () => {
    const user = userEvent.setup();
    const svc = service('page');
    const api = mockApi(svc.routes);
    renderConsole(`/concertations/${CID}/minutes`);
    await waitFor(() => expect(shownEntries()).toHaveLength(1));
    await addEntry(user);
    await waitFor(() => expect(shownEntries()).toHaveLength(2));
    svc.entries.push(entry('9f9f9f9f-0000-4000-8000-000000000009', 'Note de la secrétaire.'));

    await user.click(screen.getByRole('button', { name: 'Finalise the minutes' }));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toBe('The minutes changed since you read them: read the entries shown, then finalise again.');
    expect(shownEntries()[2]).toBe('Note de la secrétaire.');
    expect(api.calls.some((c) => c.path.endsWith('/finalise'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Finalise the minutes' }));
    await waitFor(() => expect(text(screen.getByRole('status'))).toMatch(/^Minutes finalised on/));
    expect(api.calls.find((c) => c.path.endsWith('/finalise'))!.headers.get('If-Match')).toBe('"m3"');
  });
});
