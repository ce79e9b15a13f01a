import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, OFFENCE_398, REFERENCE_ROUTES, mockApi, renderConsole, text, type Route } from '../concertations/testing';

const REQUEST_ID = 'c0a8e2f1-7b3d-4e59-8f61-2d4b9a7e5c13';

const OFFENCES: Route = {
  method: 'GET',
  path: '/v1/reference/offences',
  reply: () => ({
    body: {
      items: [
        OFFENCE_398,
        {
          code: 'cp_137',
          article: 'arts. 137–138 C. pén.',
          title_fr: 'Infraction terroriste',
          title_nl: 'Terroristisch misdrijf',
          title_en: 'Terrorist offence',
          purposes: ['prevent_terrorist_offences'],
          in_force: true,
        },
      ],
    },
  }),
};

const OUT_OF_SCOPE = {
  type: 'https://concertation.example/problems/offence_outside_scope',
  title: 'Unprocessable Content',
  status: 422,
  detail: 'The request names offences outside the scope the concertation was organised for: refused whole.',
  code: 'offence_outside_scope',
  violations: [
    {
      rule: 'R49',
      code: 'offence_outside_scope',
      legal_ground: 'art. 458ter §2 C. pén.',
      message: 'cp_137 is not among the offences this concertation was organised for.',
      field: 'offences',
    },
  ],
};

function routes(decision: 'granted' | 'refused'): Route[] {
  const request = {
    id: REQUEST_ID,
    concertation_id: CID,
    requesting_magistrate: 'Substitut Leroy',
    criminal_case_reference: 'BR.12.L3.004512/26',
    use: 'criminal_prosecution',
    offences: ['cp_398'],
    persons_named: ['P-001'],
    decision,
    codes: [],
    decided_at: '2026-12-06T11:00:00Z',
  };
  return [
    OFFENCES,
    ...REFERENCE_ROUTES.filter((r) => r.path !== '/v1/reference/offences'),
    {
      method: 'POST',
      path: `/v1/concertations/${CID}/prosecution-requests`,
      reply: (_request, body) =>
        (body as { offences: string[] }).offences.includes('cp_137')
          ? { status: 422, body: OUT_OF_SCOPE }
          : { status: 201, body: request, headers: { Location: `/v1/concertations/${CID}/prosecution-requests/${REQUEST_ID}` } },
    },
    {
      method: 'GET',
      path: `/v1/concertations/${CID}/prosecution-requests/${REQUEST_ID}/disclosure`,
      reply: () => ({
        body: {
          request_id: REQUEST_ID,
          offences: ['cp_398'],
          withheld: 3,
          items: [
            {
              id: '1d2c3b4a-0000-4000-8000-000000000001',
              concertation_id: CID,
              agenda_item_id: null,
              entry_type: 'fact',
              level: 'content',
              speaker_id: null,
              offence_tags: ['cp_398'],
              about_persons: ['P-001'],
              content: 'Des traces de coups ont été constatées le 2 décembre.',
              recorded_at: '2026-12-05T09:20:00Z',
              disclosed_to_person_at: null,
              may_inform_judicial_decision: true,
            },
          ],
        },
      }),
    },
  ];
}

async function fill(user: ReturnType<typeof userEvent.setup>, offence: string) {
  await user.type(await screen.findByRole('textbox', { name: 'Concertation id' }), CID);
  await user.type(screen.getByRole('textbox', { name: 'Requesting magistrate' }), 'Substitut Leroy');
  await user.type(screen.getByRole('textbox', { name: 'Criminal case reference' }), 'BR.12.L3.004512/26');
  await user.click(await screen.findByRole('checkbox', { name: offence }));
  await user.type(screen.getByRole('textbox', { name: 'Persons named (references, comma-separated)' }), 'P-001');
  await user.type(screen.getByRole('textbox', { name: 'Motivation' }), 'Instruction ouverte pour coups et blessures.');
}

describe('a prosecution request', () => {
  it('for an offence outside the scope is refused with art. 458ter §2, and said to be kept and alerted', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes('refused'));
    renderConsole('/prosecution', ['prosecutor']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Prosecution request' })).toBeTruthy();
    await fill(user, 'arts. 137–138 C. pén. — Terrorist offence');
    await user.click(screen.getByRole('button', { name: 'File the request' }));
    const alert = await screen.findByRole('alert');
    expect(text(within(alert).getByRole('listitem'))).toBe(
      'R49 art. 458ter §2 C. pén. — cp_137 is not among the offences this concertation was organised for.',
    );
    expect(text(screen.getByRole('group', { name: 'Offences' }))).toContain('Terrorist offence');
    expect(screen.getByText(/The refused request is kept; the coordinator and the data protection officer are alerted/)).toBeTruthy();
    // The first field the refusal names has the focus (the offences group's first checkbox).
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'art. 398 C. pén. — Intentional assault and battery' }));
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      requesting_magistrate: 'Substitut Leroy',
      criminal_case_reference: 'BR.12.L3.004512/26',
      use: 'criminal_prosecution',
      offences: ['cp_137'],
      persons_named: ['P-001'],
      motivation: 'Instruction ouverte pour coups et blessures.',
    });
    expect(api.unexpected).toEqual([]);
  });

  it('in the scope is granted, and its disclosure read, with the entries withheld counted', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes('granted'));
    renderConsole('/prosecution', ['prosecutor']);
    await fill(user, 'art. 398 C. pén. — Intentional assault and battery');
    await user.click(screen.getByRole('button', { name: 'File the request' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Decision on the prosecution request' })).toBeTruthy();
    expect(text(screen.getByRole('status'))).toMatch(/^Granted on/);
    await user.click(screen.getByRole('button', { name: 'Read the disclosure' }));
    const entries = await screen.findByRole('list', { name: 'Disclosed entries' });
    expect(text(entries)).toContain('Des traces de coups ont été constatées le 2 décembre.');
    expect(screen.getByText(/3 other entries are withheld \(R53\)/)).toBeTruthy();
    // The request was not read again: the answer of the POST is what the decision screen shows.
    expect(api.calls.map((c) => `${c.method} ${c.path}`).filter((c) => c.includes('prosecution'))).toEqual([
      `POST /v1/concertations/${CID}/prosecution-requests`,
      `GET /v1/concertations/${CID}/prosecution-requests/${REQUEST_ID}/disclosure`,
    ]);
    expect(api.unexpected).toEqual([]);
  });

  it('refuses to send a concertation id that is not one', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes('granted'));
    renderConsole('/prosecution', ['prosecutor']);
    await user.type(await screen.findByRole('textbox', { name: 'Concertation id' }), 'CASE-12');
    await user.click(screen.getByRole('button', { name: 'File the request' }));
    expect(text(await screen.findByRole('alert'))).toContain('The concertation id is a UUID');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Concertation id' }));
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
