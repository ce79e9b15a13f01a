import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, mockApi, renderConsole, text, type Route } from '../concertations/testing';

function event(seq: number, action: string, outcome = 'success') {
  return {
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    occurred_at: '2026-12-06T10:00:00Z',
    actor_issuer: 'concertation-dev',
    actor_subject: 'coordinator-1',
    action,
    outcome,
    object_type: 'concertation',
    object_id: CID,
    concertation_id: CID,
    codes: outcome === 'refused' ? ['offence_outside_scope'] : [],
    details: {},
    prev_hash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  };
}

function routes(ok: boolean): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/audit-events',
      reply: (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor === 'page-2'
          ? { body: { items: [event(1, 'legal_basis.create')], next_cursor: null } }
          : { body: { items: [event(3, 'prosecution_request.create', 'refused'), event(2, 'concertation.create')], next_cursor: 'page-2' } };
      },
    },
    {
      method: 'GET',
      path: '/v1/audit-events/verify',
      reply: () => ({
        body: ok
          ? { ok, events_checked: 3, last_good_seq: 3, last_good_hash: 'f28374c5', first_broken_seq: null, first_broken_id: null, reason: null, elapsed_seconds: 0.001 }
          : { ok, events_checked: 2, last_good_seq: 1, last_good_hash: '0d9a', first_broken_seq: 2, first_broken_id: event(2, 'x').id, reason: 'hash_mismatch', elapsed_seconds: 0.001 },
      }),
    },
  ];
}

function rows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map(text));
}

describe('the audit trail', () => {
  it('pages through the events, newest first, and filters them', async () => {
    const user = userEvent.setup();
    const api = mockApi(routes(true));
    renderConsole('/audit', ['auditor']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Audit events (page 1)' });
    expect(rows().map((r) => [r[0], r[3], r[4], r[6]])).toEqual([
      ['3', 'prosecution_request.create', 'Refused', 'offence_outside_scope'],
      ['2', 'concertation.create', 'Success', '—'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('table', { name: 'Audit events (page 2)' });
    expect(rows().map((r) => r[0])).toEqual(['1']);
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('table', { name: 'Audit events (page 1)' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'Refused');
    await user.type(screen.getByRole('textbox', { name: 'Concertation id' }), CID);
    await user.click(screen.getByRole('button', { name: 'Apply the filters' }));
    await waitFor(() => expect(api.calls.at(-1)!.query).toContain('outcome=refused'));
    const last = new URLSearchParams(api.calls.at(-1)!.query);
    expect([last.get('concertation_id'), last.get('outcome'), last.get('cursor')]).toEqual([CID, 'refused', null]);
    expect(api.unexpected).toEqual([]);
  });

  it('verifies the chain and says it holds', async () => {
    const user = userEvent.setup();
    mockApi(routes(true));
    renderConsole('/audit', ['auditor']);
    await user.click(await screen.findByRole('button', { name: 'Verify the chain' }));
    const region = screen.getByRole('region', { name: 'Chain verification' });
    await waitFor(() =>
      expect(text(within(region).getByRole('status'))).toBe('The chain holds: 3 events checked; last event 3, hash f28374c5.'),
    );
  });

  it('says where the chain is broken and why', async () => {
    const user = userEvent.setup();
    mockApi(routes(false));
    renderConsole('/audit', ['auditor']);
    await user.click(await screen.findByRole('button', { name: 'Verify the chain' }));
    const region = screen.getByRole('region', { name: 'Chain verification' });
    await waitFor(() =>
      expect(text(within(region).getByRole('status'))).toBe(
        'The chain is broken at event 2 (its content no longer gives its hash: edited): the last event that holds is 1 (2 events checked).',
      ),
    );
  });
});
