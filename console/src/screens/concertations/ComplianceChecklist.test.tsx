import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../i18n';
import { ComplianceChecklist } from './ComplianceChecklist';
import { CHECKS, CID, REFERENCE_ROUTES, compliance, concertation, mockApi, renderConsole, text } from './testing';

describe('ComplianceChecklist', () => {
  it('lists failures first, then warnings, then what passes, each with its rule, legal ground and message', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ComplianceChecklist report={compliance()} fixer={() => () => undefined} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: 'Compliance' });
    const lines = within(region).getAllByRole('listitem');
    expect(lines.map((li) => li.querySelector('.rule')?.textContent)).toEqual(['R7', 'R55', 'R28', 'R1', 'R26']);
    expect(text(lines[0])).toBe(
      'Fails R7 recommandation SDJ (avis sur le projet Pot-pourri V) — The concertation type is missing: choose it from the list of configured types. Go to the field',
    );
    expect(text(lines[2])).toMatch(/^Warning R28 Protocol van Moed ; recommandation SDJ \(information de la personne\) — The concertation cannot be closed/);
    expect(text(lines[3])).toMatch(/^Passes R1 art\. 458ter §1 al\. 1 C\. pén\./);
    // A button to the field for what does not pass, none for what passes.
    expect(within(lines[0]!).getByRole('button', { name: 'Go to the field' })).toBeTruthy();
    expect(within(lines[2]!).getByRole('button', { name: 'Go to the field' })).toBeTruthy();
    expect(within(lines[3]!).queryByRole('button')).toBeNull();
    expect(text(within(region).getByRole('status'))).toBe('Not compliant — failing checks: 2.');
  });

  it('keeps the API order within a status and says when everything passes', () => {
    const passing = CHECKS.filter((c) => c.status === 'pass');
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <ComplianceChecklist report={compliance([...passing].reverse())} />
      </I18nextProvider>,
    );
    const lines = screen.getAllByRole('listitem');
    expect(lines.map((li) => li.querySelector('.rule')?.textContent)).toEqual(['R26', 'R1']);
    expect(text(screen.getByRole('status'))).toBe('Tous les contrôles sont satisfaits : la concertation est conforme.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('"Go to the field" from the overview', () => {
  function routes() {
    return [
      ...REFERENCE_ROUTES,
      {
        method: 'GET',
        path: `/v1/concertations/${CID}`,
        reply: () => ({ body: concertation(), headers: { ETag: '"1"' } }),
      },
      { method: 'GET', path: `/v1/concertations/${CID}/compliance`, reply: () => ({ body: compliance() }) },
    ];
  }

  it('focuses the field of the edit form that fixes a check', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes());
    renderConsole(`/concertations/${CID}`);
    const region = await screen.findByRole('region', { name: 'Compliance' });
    await screen.findByRole('heading', { name: 'Edit' });

    const r55 = within(region).getAllByRole('listitem').find((li) => li.textContent?.includes('R55'))!;
    await user.click(within(r55).getByRole('button', { name: 'Go to the field' }));
    // Subsidiarity: the group's first input, the first alternative.
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Voluntary aid' }));

    const r7 = within(region).getAllByRole('listitem').find((li) => li.textContent?.includes('R7'))!;
    await user.click(within(r7).getByRole('button', { name: 'Go to the field' }));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Concertation type' }));
    expect(api.unexpected).toEqual([]);
  });

  it('goes to the screen that fixes a check outside the edit form and focuses its field there', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes());
    renderConsole(`/concertations/${CID}`);
    const region = await screen.findByRole('region', { name: 'Compliance' });
    const r28 = within(region).getAllByRole('listitem').find((li) => li.textContent?.includes('R28'))!;
    await user.click(within(r28).getByRole('button', { name: 'Go to the field' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Person concerned' })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'That a concertation was held' })),
    );
    // The concertation was not read again to change tabs.
    expect(api.calls.filter((c) => c.method === 'GET' && c.path === `/v1/concertations/${CID}`)).toHaveLength(1);
    expect(api.unexpected).toEqual([]);
  });
});
