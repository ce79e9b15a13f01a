import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, REFERENCE_ROUTES, compliance, concertation, mockApi, renderConsole, text, type Route } from '../concertations/testing';

const FIRST = {
  id: 'a24eac0b-9bfc-407d-8cff-377ba41c08d6',
  position: 1,
  title: "Comment mettre Léa à l'abri des violences au domicile ?",
  is_central_question: true,
  created_at: '2026-12-06T04:45:15.670919Z',
};

function routes(): Route[] {
  let version = 1;
  return [
    ...REFERENCE_ROUTES,
    {
      method: 'GET',
      path: `/v1/concertations/${CID}`,
      reply: () => ({ body: concertation({ state: 'scheduled', version }), headers: { ETag: `"${version}"` } }),
    },
    { method: 'GET', path: `/v1/concertations/${CID}/compliance`, reply: () => ({ body: compliance() }) },
    {
      method: 'GET',
      path: `/v1/concertations/${CID}/agenda-items`,
      reply: () => ({ body: { items: [FIRST], next_cursor: null } }),
    },
    {
      method: 'POST',
      path: `/v1/concertations/${CID}/agenda-items`,
      reply: (_request, body) => {
        version += 1; // the service gives the concertation a new version
        const b = body as { title: string; is_central_question: boolean };
        return {
          status: 201,
          body: { id: '434dd132-b39b-5878-b9b3-65e7ca317249', position: 2, created_at: '2026-12-06T05:00:00Z', ...b },
          headers: { Location: `/v1/concertations/${CID}/agenda-items` },
        };
      },
    },
  ];
}

describe('the agenda', () => {
  it('lists the items in order, adds one, and the overview then reads the new version of the concertation', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes());
    renderConsole(`/concertations/${CID}/agenda`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Agenda' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Agenda items' });
    expect(within(list).getAllByRole('listitem').map(text)).toEqual([
      "Comment mettre Léa à l'abri des violences au domicile ? Central question",
    ]);

    await user.type(screen.getByRole('textbox', { name: 'Agenda item' }), 'Information de la mère');
    await user.click(screen.getByRole('button', { name: 'Add to the agenda' }));

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(text(within(list).getAllByRole('listitem')[1])).toBe('Information de la mère');
    expect(text(screen.getByRole('status'))).toBe('Item 2 added: Information de la mère');
    expect(screen.getByRole('textbox', { name: 'Agenda item' })).toHaveProperty('value', '');
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ title: 'Information de la mère', is_central_question: false });

    // Back on the overview, the concertation is read again: its ETag changed with the new item.
    await user.click(screen.getByRole('link', { name: 'Overview' }));
    await screen.findByRole('heading', { level: 1, name: 'Concertation' });
    await waitFor(() =>
      expect(api.calls.filter((c) => c.method === 'GET' && c.path === `/v1/concertations/${CID}`)).toHaveLength(2),
    );
    expect(api.unexpected).toEqual([]);
  });

  it('marks the central question and shows a refusal with its rule', async () => {
    const user = userEvent.setup();
    const r = routes();
    r.splice(r.length - 1, 1, {
      method: 'POST',
      path: `/v1/concertations/${CID}/agenda-items`,
      reply: () => ({
        status: 409,
        body: {
          type: 'https://concertation.example/problems/concertation_closed',
          title: 'Conflict',
          status: 409,
          detail: 'The concertation is closed: nothing can be added to it.',
          code: 'concertation_closed',
          violations: [
            {
              rule: null,
              code: 'concertation_closed',
              legal_ground: "conception (mise en œuvre d'art. 458ter C. pén.)",
              message: 'The concertation is closed: nothing can be added to it.',
              field: 'state',
            },
          ],
        },
      }),
    });
    const api = mockApi(r);
    renderConsole(`/concertations/${CID}/agenda`);
    await user.type(await screen.findByRole('textbox', { name: 'Agenda item' }), 'Question');
    await user.click(screen.getByRole('checkbox', { name: 'Central question' }));
    await user.click(screen.getByRole('button', { name: 'Add to the agenda' }));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toContain("conception (mise en œuvre d'art. 458ter C. pén.) — The concertation is closed");
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ title: 'Question', is_central_question: true });
  });
});
