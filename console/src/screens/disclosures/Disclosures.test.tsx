import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderConsole, text, type Route } from '../concertations/testing';

const EXCHANGE_ID = '944ed721-3892-4a21-a867-d5615eed95cf';
const REPORT_ID = 'f28f66a1-4e3e-49aa-96ae-e60387ba667f';
const GROUND = 'secret professionnel partagé : conditions cumulatives (jurisprudence ; circulaire CPAS)';
const R72_GROUND = 'Donnet, Dubois, Guilbau (no shared secrecy with teachers)';

const pass = (rule: string, code: string) => ({ rule, code, status: 'pass', legal_ground: GROUND, message: `${code} holds.`, field: null });

const CLASSIFICATION = {
  routing: 'shared_secrecy',
  open_regimes: ['shared_secrecy'],
  regimes: [
    {
      regime: 'shared_secrecy',
      open: true,
      conditions: [pass('R68', 'recipients_bound_by_secrecy'), pass('R69', 'same_mission'), pass('R70', 'master_of_secret_agrees')],
      bases: [],
      record_at: '/v1/shared-secret-exchanges',
    },
    {
      regime: 'art_458bis_report',
      open: false,
      conditions: [
        { rule: 'R101', code: 'offence_not_in_458bis_list', status: 'fail', legal_ground: 'art. 458bis C. pén.', message: 'Not listed.', field: 'offence' },
      ],
      bases: [],
      record_at: null,
    },
  ],
  guidance: [],
  art_422bis_guidance: 'Art. 422bis C. pén. (failure to help): guidance only.',
  consent_mode: 'consent_required',
  offence_list_version: '2026-12-07.1',
  evaluated_at: '2026-12-06T10:00:00Z',
};

const OFFENCES: Route = {
  method: 'GET',
  path: '/v1/reference/art-458bis-offences',
  reply: () => ({
    body: {
      version: '2026-12-07.1',
      status: 'to verify',
      items: [
        {
          code: 'cp_398',
          listed_as: 'art. 398',
          article: 'art. 398 C. pén.',
          title_fr: 'Coups et blessures volontaires',
          title_nl: 'Opzettelijke slagen en verwondingen',
          title_en: 'Intentional assault and battery',
          in_force: true,
          to_verify: true,
          note: '',
        },
      ],
    },
  }),
};

function exchange(body: Record<string, unknown>) {
  return {
    id: EXCHANGE_ID,
    regime: 'shared_secrecy',
    status: 'recorded',
    person_ref: body.person_ref,
    conditions: CLASSIFICATION.regimes[0]!.conditions,
    created_at: '2026-12-06T10:01:00Z',
    created_by: 'concertation-dev|participant-1',
    version: 1,
    discloser: body.discloser,
    recipients: body.recipients,
    items: body.items,
    master: body.master,
    hierarchy_purpose: null,
    initiated_by_hierarchy: null,
    why_not_pseudonymised: null,
    consent_mode: 'consent_required',
  };
}

const REFUSED = {
  type: 'https://concertation.example/problems/not_shared_secrecy',
  title: 'Unprocessable Content',
  status: 422,
  detail: 'This exchange is not shared professional secrecy.',
  code: 'not_shared_secrecy',
  violations: [
    { rule: 'R72', code: 'shared_secret_recipient_not_bound', legal_ground: R72_GROUND, message: 'School staff are not bound.', field: 'recipients[0].sector' },
  ],
};

async function fillFacts(user: ReturnType<typeof userEvent.setup>, recipient: string) {
  await user.type(screen.getByRole('textbox', { name: 'My mission (id)' }), 'M-F12');
  await user.type(screen.getByRole('textbox', { name: 'Reference (recipient 1)' }), recipient);
  await user.type(screen.getByRole('textbox', { name: 'Reference (item 1)' }), 'sommeil');
  await user.click(screen.getByRole('checkbox', { name: "In the person's interest (item 1)" }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'The person\'s agreement' }), 'given');
  await user.click(within(screen.getByRole('group', { name: 'Recipients the agreement names' })).getByRole('checkbox', { name: recipient }));
}

describe('which regime?', () => {
  it('is in the navigation of a participant, sends the facts, shows every regime and records the open one', async () => {
    const user = userEvent.setup();
    const api = mockApi([
      OFFENCES,
      { method: 'GET', path: '/v1/concertations', reply: () => ({ body: { items: [], next_cursor: null } }) },
      { method: 'POST', path: '/v1/disclosures/classify', reply: () => ({ body: CLASSIFICATION }) },
      {
        method: 'POST',
        path: '/v1/shared-secret-exchanges',
        reply: (_r, body) => ({ status: 201, body: exchange(body as Record<string, unknown>), headers: { ETag: '"1"' } }),
      },
    ]);
    renderConsole('/invitations', ['participant']);
    await user.click(await screen.findByRole('link', { name: 'Which regime?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Which regime?' })).toBeTruthy();
    await fillFacts(user, 'psy-karim');
    await user.click(screen.getByRole('button', { name: 'Which regime?' }));
    const answer = await screen.findByRole('region', { name: 'The answer' });
    expect(text(within(answer).getByRole('status'))).toBe('Routing: shared professional secrecy.');
    const shared = within(answer).getByRole('list', { name: 'Conditions of Shared professional secrecy' });
    expect(within(shared).getAllByRole('listitem').map(text)).toContain(`Passes R69 ${GROUND} — same_mission holds.`);
    const report = within(answer).getByRole('list', { name: 'Conditions of Report to the procureur du Roi (art. 458bis)' });
    expect(text(report)).toBe('Fails R101 art. 458bis C. pén. — Not listed.');
    expect(text(within(answer).getByRole('region', { name: 'Art. 422bis C. pén. (guidance only)' }))).toContain('guidance only');
    const classify = api.calls.find((c) => c.path === '/v1/disclosures/classify')!;
    expect(classify.body).toMatchObject({
      discloser: { reference: 'participant-1', sector: 'aid_care', mission_id: 'M-F12', bound_by_professional_secrecy: true },
      recipients: [{ reference: 'psy-karim', kind: 'professional' }],
      items: [{ reference: 'sommeil', in_interest_of_person: true }],
      master: { consent: 'given', consent_recipients: ['psy-karim'], consent_items: [] },
      invoked_ground: 'none',
    });
    // No 458bis or necessity facts were given: none are sent.
    expect(classify.body).not.toHaveProperty('danger');
    expect(within(answer).getAllByRole('button').map(text)).toEqual(['Record (Shared professional secrecy)']);

    await user.click(within(answer).getByRole('button', { name: 'Record (Shared professional secrecy)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Record a shared-secrecy exchange' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Reference (recipient 1)' }) as HTMLInputElement).value).toBe('psy-karim');
    await user.type(screen.getByRole('textbox', { name: 'Person (pseudonymous reference)' }), 'P-001');
    await user.type(screen.getByRole('textbox', { name: 'Content (item 1)' }), 'Madame dort mal.');
    await user.click(screen.getByRole('button', { name: 'Record the exchange' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared-secrecy exchange' })).toBeTruthy();
    expect(text(screen.getByRole('list', { name: 'What was shared' }))).toContain('Madame dort mal.');
    const post = api.calls.find((c) => c.path === '/v1/shared-secret-exchanges')!;
    expect(post.body).toMatchObject({ person_ref: 'P-001', items: [{ reference: 'sommeil', content: 'Madame dort mal.' }] });
    expect(api.unexpected).toEqual([]);
  });

  it('shows a refused exchange with its rule, legal ground and message, and focuses the field', async () => {
    const user = userEvent.setup();
    const api = mockApi([{ method: 'POST', path: '/v1/shared-secret-exchanges', reply: () => ({ status: 422, body: REFUSED }) }]);
    renderConsole('/disclosures/shared-secret-exchanges/new', ['participant']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Record a shared-secrecy exchange' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Reference (recipient 1)' }), 'juf-an');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sector (recipient 1)' }), 'school');
    await user.click(screen.getByRole('button', { name: 'Record the exchange' }));
    const alert = await screen.findByRole('alert');
    expect(text(within(alert).getByRole('listitem'))).toBe(`R72 ${R72_GROUND} — School staff are not bound.`);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Sector (recipient 1)' }));
    expect(api.unexpected).toEqual([]);
  });
});

function report(status: string, version: number, followUps: unknown[] = []) {
  return {
    id: REPORT_ID,
    regime: 'art_458bis_report',
    status,
    person_ref: 'child-7',
    conditions: [{ rule: 'R101', code: 'art_458bis_conditions_met', status: 'pass', legal_ground: 'art. 458bis C. pén.', message: 'Met.', field: null }],
    created_at: '2026-12-06T10:00:00Z',
    created_by: 'concertation-dev|participant-1',
    version,
    discloser: { reference: 'participant-1', sector: 'aid_care' },
    offence: 'cp_398',
    offence_list_version: '2026-12-07.1',
    victim: { is_minor: true, vulnerabilities: [] },
    danger: { description: 'Ecchymoses.' },
    recipient: 'procureur_du_roi',
    judicial_district: 'Bruxelles',
    factual_basis: { kinds: ['observed'], description: 'Vu.', observed_on: '2026-12-04' },
    follow_up_plan: 'Relais SOS Enfants.',
    follow_ups: followUps,
    art_422bis_guidance: 'Art. 422bis: guidance only.',
  };
}

describe('an art. 458bis report', () => {
  it('is closed by a follow-up sent with the ETag it was read with; a 412 offers to read it again', async () => {
    const user = userEvent.setup();
    let stale = true;
    const api = mockApi([
      OFFENCES,
      { method: 'GET', path: `/v1/art-458bis-reports/${REPORT_ID}`, reply: () => ({ body: report('follow_up_open', stale ? 1 : 2), headers: { ETag: stale ? '"1"' : '"2"' } }) },
      {
        method: 'POST',
        path: `/v1/art-458bis-reports/${REPORT_ID}/follow-ups`,
        reply: (request) => {
          if (request.headers.get('If-Match') === '"1"') {
            stale = false;
            return {
              status: 412,
              body: { type: 'about:blank', title: 'Precondition failed', status: 412, detail: 'Changed.', code: 'precondition_failed', violations: [] },
            };
          }
          const done = { outcome: 'handed_over', note: 'Relais fait.', handed_over_to: 'SOS Enfants', recorded_at: '2026-12-06T11:00:00Z', recorded_by: 'participant-1' };
          return { body: report('closed', 3, [done]), headers: { ETag: '"3"' } };
        },
      },
    ]);
    renderConsole(`/disclosures/art-458bis-reports/${REPORT_ID}`, ['participant']);
    expect(await screen.findByText(/Follow-up open/)).toBeTruthy();
    expect(await screen.findByText('art. 398 C. pén. — Intentional assault and battery')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Record a follow-up' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Outcome' }), 'handed_over');
    await user.type(within(form).getByRole('textbox', { name: 'Handed over to (by function)' }), 'SOS Enfants');
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'Relais fait.');
    await user.click(within(form).getByRole('checkbox', { name: 'Close the record' }));
    await user.click(within(form).getByRole('button', { name: 'Record the follow-up' }));
    expect(text(await within(form).findByRole('alert'))).toContain('Someone else changed this record since you opened it.');
    await user.click(within(form).getByRole('button', { name: 'Reload' }));
    await screen.findByText(/Follow-up open/);
    await user.click(within(form).getByRole('button', { name: 'Record the follow-up' }));
    expect(await screen.findByText(/Closed/)).toBeTruthy();
    expect(text(screen.getByRole('list', { name: 'Follow-ups' }))).toContain('Handed over to SOS Enfants');
    expect(screen.queryByRole('form', { name: 'Record a follow-up' })).toBeNull();
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
    expect(posts[1]!.body).toEqual({ outcome: 'handed_over', handed_over_to: 'SOS Enfants', note: 'Relais fait.', close: true });
    expect(api.unexpected).toEqual([]);
  });
});
