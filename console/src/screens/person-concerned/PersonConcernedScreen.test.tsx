import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, PERSON_ID, REFERENCE_ROUTES, concertation, mockApi, renderConsole, text, type Route } from '../concertations/testing';

const INFORMATION_ID = '6d1642f2-d9f1-4e93-a261-135d3c9bb7ed';

function routes(extra: Route[] = []): Route[] {
  return [
    ...extra,
    ...REFERENCE_ROUTES,
    {
      method: 'GET',
      path: `/v1/concertations/${CID}`,
      reply: () => ({ body: concertation({ state: 'scheduled' }), headers: { ETag: '"3"' } }),
    },
    {
      method: 'POST',
      path: `/v1/concertations/${CID}/person-concerned/information`,
      reply: (_request, body) => {
        const b = body as { person_id: string; items: string[]; informed_by: string; informed_at: string; channel: string };
        return {
          status: 201,
          body: { id: INFORMATION_ID, ...b, recorded_at: '2026-12-06T04:45:15.677656Z' },
          headers: { Location: `/v1/concertations/${CID}/person-concerned/information/${INFORMATION_ID}` },
        };
      },
    },
    {
      method: 'GET',
      path: `/v1/concertations/${CID}/person-concerned/information/${INFORMATION_ID}`,
      reply: () => ({
        body: {
          id: INFORMATION_ID,
          person_id: PERSON_ID,
          items: ['concertation_held', 'participants'],
          informed_by: 'A. Lambert (SAJ)',
          informed_at: '2026-12-01T09:00:00Z',
          channel: 'entretien au SAJ',
          recorded_at: '2026-12-06T04:45:15.677656Z',
        },
        headers: { ETag: '"e1"' },
      }),
    },
  ];
}

describe('the person concerned', () => {
  it('records what the person was told, shows it, and reads it again by id', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes());
    renderConsole(`/concertations/${CID}/person-concerned`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Person concerned' })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Information of the person' });

    await user.click(within(form).getByRole('checkbox', { name: 'That a concertation was held' }));
    await user.click(within(form).getByRole('checkbox', { name: 'The participants' }));
    await user.type(within(form).getByRole('textbox', { name: 'Informed by' }), 'A. Lambert (SAJ)');
    // A datetime-local input (no textbox role): set as a browser does.
    const at = within(form).getByLabelText('Informed on');
    await user.clear(at);
    await user.type(at, '2026-12-01T10:00');
    await user.type(within(form).getByRole('textbox', { name: 'Channel' }), 'entretien au SAJ');
    await user.click(within(form).getByRole('button', { name: 'Record the information' }));

    expect(text(await screen.findByRole('status'))).toBe('Information of P-001 recorded.');
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      person_id: PERSON_ID,
      items: ['concertation_held', 'participants'],
      informed_by: 'A. Lambert (SAJ)',
      channel: 'entretien au SAJ',
    });
    expect(new Date((post.body as { informed_at: string }).informed_at).getTime()).toBe(new Date('2026-12-01T10:00').getTime());

    const given = screen.getByRole('list', { name: 'Information given' });
    expect(text(within(given).getByRole('listitem'))).toMatch(
      /^P-001 — informed on .+ by A\. Lambert \(SAJ\) \(entretien au SAJ\): That a concertation was held, The participants$/,
    );
    // The form is empty again for the next record.
    expect(within(form).getByRole('checkbox', { name: 'That a concertation was held' })).toHaveProperty('checked', false);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'GET' && c.path.endsWith(`/information/${INFORMATION_ID}`))).toBe(true),
    );
    expect(api.unexpected).toEqual([]);
  });

  it('shows a refusal with its rule, legal ground and message, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const api = mockApi(
      routes([
        {
          method: 'POST',
          path: `/v1/concertations/${CID}/person-concerned/information`,
          reply: () => ({
            status: 422,
            body: {
              type: 'https://concertation.example/problems/information_incomplete',
              title: 'Unprocessable content',
              status: 422,
              detail: 'The information given to the person concerned is incomplete: concertation_held is missing.',
              code: 'information_incomplete',
              violations: [
                {
                  rule: 'R29',
                  code: 'information_incomplete',
                  legal_ground: 'Protocol van Moed ; recommandation SDJ (information de la personne)',
                  message: 'The information given to the person concerned is incomplete: concertation_held is missing.',
                  field: 'items',
                },
              ],
            },
          }),
        },
      ]),
    );
    renderConsole(`/concertations/${CID}/person-concerned`);
    const form = await screen.findByRole('form', { name: 'Information of the person' });
    await user.click(within(form).getByRole('checkbox', { name: 'The participants' }));
    await user.type(within(form).getByRole('textbox', { name: 'Informed by' }), 'A. Lambert (SAJ)');
    await user.click(within(form).getByRole('button', { name: 'Record the information' }));

    const alert = await within(form).findByRole('alert');
    expect(text(alert.querySelector('li'))).toBe(
      'R29 Protocol van Moed ; recommandation SDJ (information de la personne) — The information given to the person concerned is incomplete: concertation_held is missing.',
    );
    expect(within(form).getByRole('textbox', { name: 'Informed by' })).toHaveProperty('value', 'A. Lambert (SAJ)');
    expect(screen.queryByRole('list', { name: 'Information given' })).toBeNull();
    expect(api.unexpected).toEqual([]);
  });
});
