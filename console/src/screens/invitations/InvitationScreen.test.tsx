import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BASIS, BASIS_ID, CID, PARTICIPANT_ID, mockApi, renderConsole, text, type Route } from '../concertations/testing';

const BASE = `/v1/concertations/${CID}/participants/${PARTICIPANT_ID}`;
const OTHER_CID = 'f3b0c6d1-5d0e-4a43-9a37-3c1e0a1f6b2e';
const ITEM = 'a24eac0b-9bfc-407d-8cff-377ba41c08d6';

const NOTICES: Record<string, string> = {
  fr: "Vous participez à une concertation de cas organisée en vertu de l'article 458ter du Code pénal.",
  nl: 'U neemt deel aan een casusoverleg georganiseerd krachtens artikel 458ter van het Strafwetboek.',
  en: 'You are taking part in a case concertation organised under article 458ter of the Penal Code.',
};

const INVITATION = {
  id: CID,
  state: 'scheduled',
  legal_basis_id: BASIS_ID,
  democratic_control: true,
  art_458ter_only: false,
  concertation_type: 'child_abuse_protocol',
  purpose_category: 'protect_integrity',
  meeting_kind: 'case_concertation',
  chair: { name: 'Mme Dubois', organisation: 'SAJ Bruxelles', function: 'conseillère' },
  scheduled_start: '2026-12-08T09:00:00Z',
  scheduled_end: '2026-12-08T10:00:00Z',
};

interface State {
  status: 'pending' | 'accepted' | 'refused';
  acknowledged: boolean;
  silences: Array<{ id: string; agenda_item_id: string | null; invoked_at: string; lifted_at: string | null }>;
}

function flags(s: State) {
  return {
    participant_id: PARTICIPANT_ID,
    invitation_status: s.status,
    answered_at: s.status === 'pending' ? null : '2026-12-06T10:00:00Z',
    secrecy_acknowledged: s.acknowledged,
    silences: s.silences,
  };
}

/** The service as a participant sees it: his flags, the invitation, the basis, the notice in the language asked. */
function service(state: State): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/concertations',
      reply: () => ({
        body: {
          items: [
            { ...INVITATION, updated_at: '2026-12-06T09:00:00Z', participant_id: PARTICIPANT_ID },
            // A concertation he sees without being invited (he is also its chair): not an invitation.
            { ...INVITATION, id: OTHER_CID, updated_at: '2026-12-06T09:00:00Z', participant_id: null },
          ],
          next_cursor: null,
        },
      }),
    },
    { method: 'GET', path: `${BASE}/flags`, reply: () => ({ body: flags(state) }) },
    { method: 'GET', path: `/v1/concertations/${CID}`, reply: () => ({ body: INVITATION }) },
    { method: 'GET', path: `/v1/legal-bases/${BASIS_ID}`, reply: () => ({ body: BASIS }) },
    {
      method: 'GET',
      path: `${BASE}/secrecy-notice`,
      reply: (request) => {
        const language = request.headers.get('Accept-Language') ?? 'fr';
        return { body: { version: '2026-11-22.1', language, text: NOTICES[language] } };
      },
    },
    {
      method: 'GET',
      path: `/v1/concertations/${CID}/agenda-items`,
      reply: () =>
        state.acknowledged
          ? {
              body: {
                items: [{ id: ITEM, position: 1, title: 'Mise à l’abri de Léa', is_central_question: true, created_at: '2026-12-06T09:00:00Z' }],
                next_cursor: null,
              },
            }
          : { status: 404, body: { detail: 'Not found', status: 404, code: 'not_found', violations: [] } },
    },
    {
      method: 'POST',
      path: `${BASE}/secrecy-acknowledgement`,
      reply: (_request, body) => {
        state.acknowledged = true;
        const b = body as { notice_version: string; language: string };
        return {
          status: 201,
          body: { participant_id: PARTICIPANT_ID, notice_version: b.notice_version, language: b.language, acknowledged_at: '2026-12-06T10:05:00Z' },
        };
      },
    },
    {
      method: 'POST',
      path: `${BASE}/response`,
      reply: (_request, body) => {
        state.status = (body as { answer: string }).answer === 'accept' ? 'accepted' : 'refused';
        return { body: flags(state) };
      },
    },
    {
      method: 'POST',
      path: `${BASE}/silence`,
      reply: (_request, body) => {
        const silence = {
          id: `5e1ce000-0000-4000-8000-00000000000${state.silences.length}`,
          participant_id: PARTICIPANT_ID,
          agenda_item_id: (body as { agenda_item_id: string | null }).agenda_item_id,
          invoked_at: '2026-12-06T10:10:00Z',
          lifted_at: null,
        };
        state.silences.push(silence);
        return { status: 201, body: silence };
      },
    },
    {
      method: 'DELETE',
      path: new RegExp(`^${BASE}/silence/`),
      reply: (request) => {
        const id = new URL(request.url).pathname.split('/').pop();
        const silence = state.silences.find((s) => s.id === id)!;
        silence.lifted_at = '2026-12-06T10:20:00Z';
        return { body: { ...silence, participant_id: PARTICIPANT_ID } };
      },
    },
  ];
}

describe('my invitations', () => {
  it('lists the concertations I am invited to, each linking to my own invitation', async () => {
    const api = mockApi(service({ status: 'pending', acknowledged: false, silences: [] }));
    renderConsole('/invitations', ['participant']);
    expect(await screen.findByRole('heading', { level: 1, name: 'My invitations' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: `Open invitation ${CID.slice(0, 8)}` });
    expect(link.getAttribute('href')).toBe(`/console/invitations/${CID}/${PARTICIPANT_ID}`);
    expect(screen.queryByRole('link', { name: `Open invitation ${OTHER_CID.slice(0, 8)}` })).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(2); // the header and one invitation
    expect(api.unexpected).toEqual([]);
  });
});

describe('an invitation', () => {
  it('reads the notice in the language chosen, acknowledges it in that language, then shows the agenda', async () => {
    const user = userEvent.setup();
    const state: State = { status: 'pending', acknowledged: false, silences: [] };
    const api = mockApi(service(state));
    renderConsole(`/invitations/${CID}/${PARTICIPANT_ID}`, ['participant']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Invitation' })).toBeTruthy();
    const basis = screen.getByRole('region', { name: 'Legal basis' });
    await within(basis).findByText(BASIS.title);
    const secrecy = screen.getByRole('region', { name: 'Duty of secrecy' });
    await within(secrecy).findByText(NOTICES.en!);
    expect(screen.getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);
    // Before the acknowledgement the agenda is not asked for (the service would refuse it, R19).
    expect(api.calls.some((c) => c.path.endsWith('/agenda-items'))).toBe(false);
    expect(text(screen.getByRole('region', { name: 'Right to remain silent' }))).toContain('once you have acknowledged');

    await user.click(screen.getByRole('radio', { name: 'Nederlands' }));
    await within(secrecy).findByText(NOTICES.nl!);
    const asked = api.calls.filter((c) => c.path === `${BASE}/secrecy-notice`).map((c) => c.headers.get('Accept-Language'));
    expect(asked).toEqual(['en', 'nl']);

    await user.click(screen.getByRole('button', { name: 'I acknowledge the duty of secrecy' }));
    await within(secrecy).findByText(/read in Nederlands/);
    const post = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/secrecy-acknowledgement'))!;
    expect(post.body).toEqual({ notice_version: '2026-11-22.1', language: 'nl' });
    // Acknowledged: the agenda can be read, and one item can be chosen for a silence.
    await screen.findByRole('combobox', { name: 'Agenda item' });
    expect(screen.queryByRole('button', { name: 'I acknowledge the duty of secrecy' })).toBeNull();
    expect(api.unexpected).toEqual([]);
  });

  it('follows the screen language until another notice language is chosen', async () => {
    const user = userEvent.setup();
    mockApi(service({ status: 'pending', acknowledged: false, silences: [] }));
    renderConsole(`/invitations/${CID}/${PARTICIPANT_ID}`, ['participant']);
    const secrecy = await screen.findByRole('region', { name: 'Duty of secrecy' });
    await within(secrecy).findByText(NOTICES.en!);
    await user.click(screen.getByRole('button', { name: 'FR' }));
    await within(secrecy).findByText(NOTICES.fr!);
    expect(screen.getByRole('radio', { name: 'Français' })).toHaveProperty('checked', true);
    expect(screen.getByRole('heading', { level: 2, name: 'Devoir de secret' })).toBeTruthy();
  });

  it('refuses in one click, without a reason', async () => {
    const user = userEvent.setup();
    const api = mockApi(service({ status: 'pending', acknowledged: false, silences: [] }));
    renderConsole(`/invitations/${CID}/${PARTICIPANT_ID}`, ['participant']);
    const answer = await screen.findByRole('region', { name: 'Your answer' });
    await within(answer).findByText('You have not answered yet.');
    await user.click(within(answer).getByRole('button', { name: 'Refuse' }));
    await within(answer).findByText(/^You refused the invitation on/);
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.path, c.body])).toEqual([[`${BASE}/response`, { answer: 'refuse' }]]);
    expect(text(screen.getByRole('status'))).toMatch(/^You refused the invitation on/);
  });

  it('stays silent for the whole concertation and on one item, and lifts a silence', async () => {
    const user = userEvent.setup();
    const api = mockApi(service({ status: 'accepted', acknowledged: true, silences: [] }));
    renderConsole(`/invitations/${CID}/${PARTICIPANT_ID}`, ['participant']);
    const region = await screen.findByRole('region', { name: 'Right to remain silent' });
    await user.click(await within(region).findByRole('button', { name: 'Stay silent for the whole concertation' }));
    const list = await within(region).findByRole('list', { name: 'Your silences' });
    await within(list).findByText(/^whole concertation: silent since/);
    expect(within(region).queryByRole('button', { name: 'Stay silent for the whole concertation' })).toBeNull();

    await user.selectOptions(within(region).getByRole('combobox', { name: 'Agenda item' }), '1. Mise à l’abri de Léa');
    await user.click(within(region).getByRole('button', { name: 'Stay silent on this item' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));

    await user.click(within(region).getByRole('button', { name: 'Lift the silence (whole concertation)' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(text(within(list).getByRole('listitem'))).toMatch(/^item “Mise à l’abri de Léa”: silent since/);
    const sent = api.calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.body]);
    expect(sent).toEqual([
      ['POST', { agenda_item_id: null }],
      ['POST', { agenda_item_id: ITEM }],
      ['DELETE', null],
    ]);
    expect(api.unexpected).toEqual([]);
  });
});
