import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import { useReference } from '../../api/reference';
import type { Participant, ParticipantFlags } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useConcertation } from '../concertations/ConcertationLayout';
import { InviteForm } from './InviteForm';

export function ParticipantsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { concertation: c } = useConcertation();
  const { bases } = useReference({ bases: true });
  const basis = bases?.find((b) => b.id === c.legal_basis_id) ?? null;
  const list = useLoad(`participants-${c.id}`, () =>
    call(
      api.GET('/v1/concertations/{concertation_id}/participants', {
        params: { path: { concertation_id: c.id }, query: { limit: 100 } },
      }),
    ),
  );
  const [flags, setFlags] = useState<Record<string, ParticipantFlags | 'hidden'>>({});
  const items = list.data?.items;

  // Each one's answer and silences (R40: the coordinator and the chair may see them; nobody else).
  useEffect(() => {
    if (!items) return undefined;
    let live = true;
    for (const p of items) {
      void call(
        api.GET('/v1/concertations/{concertation_id}/participants/{participant_id}/flags', {
          params: { path: { concertation_id: c.id, participant_id: p.id } },
        }),
      ).then((r) => {
        if (live) setFlags((f) => ({ ...f, [p.id]: r.ok ? r.data : 'hidden' }));
      });
    }
    return () => {
      live = false;
    };
  }, [api, c.id, items]);

  function invited(p: Participant) {
    if (!list.data) return;
    // A new invitee has not answered, acknowledged or kept silent yet: nothing to ask the service.
    setFlags((f) => ({
      ...f,
      [p.id]: { participant_id: p.id, invitation_status: 'pending', answered_at: null, secrecy_acknowledged: false, silences: [] },
    }));
    list.setData({ ...list.data, items: [...list.data.items, p] });
  }

  return (
    <div data-screen="participants">
      <h1>{t('participants.title')}</h1>
      <ProblemAlert problem={list.problem} />
      {list.data && list.data.items.length === 0 && <p>{t('participants.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('participants.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.col.name')}</th>
              <th scope="col">{t('participants.col.organisation')}</th>
              <th scope="col">{t('participants.col.answer')}</th>
              <th scope="col">{t('participants.col.acknowledged')}</th>
              <th scope="col">{t('participants.col.silences')}</th>
              <th scope="col">{t('participants.col.link')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((p) => {
              const f = flags[p.id];
              const shown = f && f !== 'hidden' ? f : null;
              const link = `${window.location.origin}/console/invitations/${c.id}/${p.id}`;
              return (
                <tr key={p.id}>
                  <td>{p.display_name ?? p.subject ?? p.id}</td>
                  <td>{p.organisation}</td>
                  <td>{shown ? t(`enum.InvitationStatus.${shown.invitation_status}`) : '—'}</td>
                  <td>{shown ? (shown.secrecy_acknowledged ? t('common.yes') : t('common.no')) : '—'}</td>
                  <td>
                    {shown
                      ? shown.silences.filter((s) => !s.lifted_at).length > 0
                        ? t('participants.silent', { count: shown.silences.filter((s) => !s.lifted_at).length })
                        : t('common.no')
                      : '—'}
                  </td>
                  <td>
                    <a href={link}>{t('participants.linkOf', { name: p.display_name ?? p.subject ?? '' })}</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(c.state === 'draft' || c.state === 'scheduled') && (
        <InviteForm concertationId={c.id} basis={basis} onInvited={invited} />
      )}
    </div>
  );
}
