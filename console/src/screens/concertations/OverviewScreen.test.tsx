import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, PRECONDITION_FAILED, REFERENCE_ROUTES, compliance, concertation, mockApi, renderConsole, text, type Route } from './testing';

/** The service as two people see it: the version read first, then the one someone else saved meanwhile. */
function service() {
  let current = concertation();
  const routes: Route[] = [
    ...REFERENCE_ROUTES,
    {
      method: 'GET',
      path: `/v1/concertations/${CID}`,
      reply: () => ({ body: current, headers: { ETag: `"${current.version}"` } }),
    },
    { method: 'GET', path: `/v1/concertations/${CID}/compliance`, reply: () => ({ body: compliance() }) },
    {
      method: 'PATCH',
      path: `/v1/concertations/${CID}`,
      reply: (request, body) => {
        if (request.headers.get('If-Match') !== `"${current.version}"`) return { status: 412, body: PRECONDITION_FAILED };
        current = { ...current, ...(body as object), version: current.version + 1 };
        return { body: current, headers: { ETag: `"${current.version}"` } };
      },
    },
    {
      method: 'POST',
      path: `/v1/concertations/${CID}/schedule`,
      reply: (request) => {
        if (request.headers.get('If-Match') !== `"${current.version}"`) return { status: 412, body: PRECONDITION_FAILED };
        current = { ...current, state: 'scheduled', version: current.version + 1 };
        return { body: current, headers: { ETag: `"${current.version}"` } };
      },
    },
  ];
  return {
    routes,
    /** Someone else saves a change (another coordinator, another tab). */
    changeBehind(patch: Partial<typeof current>) {
      current = { ...current, ...patch, version: current.version + 1 };
    },
  };
}

describe('the edit form of a concertation', () => {
  it('sends If-Match with the ETag it read; a 412 says someone else changed it, and Reload shows their version', async () => {
    const user = userEvent.setup();
    const svc = service();
    const api = mockApi(svc.routes);
    renderConsole(`/concertations/${CID}`);
    const type = await screen.findByRole('combobox', { name: 'Concertation type' });
    await waitFor(() => expect(within(type).getAllByRole('option').length).toBeGreaterThan(1));

    svc.changeBehind({ concertation_type: 'csil_r', why_person_not_present: 'Enfant de 12 ans, entendu séparément.' });
    await user.selectOptions(type, 'child_abuse_protocol');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    const alert = await screen.findByRole('alert');
    expect(text(alert.querySelector('p'))).toBe('Someone else changed this concertation since you opened it.');
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(patch.body).toEqual({ concertation_type: 'child_abuse_protocol' });

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    // Their version replaces the form, and the alert goes.
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Why the person is not present' })).toHaveProperty(
        'value',
        'Enfant de 12 ans, entendu séparément.',
      ),
    );
    expect(screen.getByRole('combobox', { name: 'Concertation type' })).toHaveProperty('value', 'csil_r');
    expect(screen.queryByRole('alert')).toBeNull();

    // Saving again goes on the version now shown.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Concertation type' }), 'child_abuse_protocol');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('The changes are saved.')).toBeTruthy();
    const patches = api.calls.filter((c) => c.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]!.headers.get('If-Match')).toBe('"2"');
    expect(api.unexpected).toEqual([]);
  });

  it('takes a lifecycle step only on the version shown: a 412 offers to reload, then the step goes through', async () => {
    const user = userEvent.setup();
    const svc = service();
    const api = mockApi(svc.routes);
    renderConsole(`/concertations/${CID}`);
    const lifecycle = await screen.findByRole('group', { name: 'Lifecycle' });

    svc.changeBehind({ chair: { name: 'A. Lambert', organisation: 'SAJ Liège', function: 'conseillère' } });
    await user.click(within(lifecycle).getByRole('button', { name: 'Schedule' }));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toContain('Someone else changed this concertation since you opened it.');
    expect(api.calls.find((c) => c.path.endsWith('/schedule'))!.headers.get('If-Match')).toBe('"1"');

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Chair — name' })).toHaveProperty('value', 'A. Lambert'),
    );
    await user.click(within(lifecycle).getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(text(document.querySelector('.concertation-summary'))).toMatch(/^Scheduled/));
    const steps = api.calls.filter((c) => c.path.endsWith('/schedule'));
    expect(steps.map((c) => c.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
    expect(within(lifecycle).getByRole('button', { name: 'Start the session' })).toBeTruthy();
    expect(api.unexpected).toEqual([]);
  });
});
