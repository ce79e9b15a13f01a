import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { ParticipantFlags, Problem, SecrecyAcknowledgement, Silence } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SelectField } from '../../components/fields';
import { formatInstant } from '../../components/format';
import { LANGUAGES, type Language } from '../../i18n';
import { BasisView } from '../legal-bases/BasisView';

/** Once closed or cancelled, a concertation takes no more answers or silences (the service refuses them: 409). */
const OVER = new Set(['closed', 'cancelled']);

const NOTICE_LANGUAGE: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };

/** An invitation as its participant reads it (R9, R19, R38–R40): the meeting and its legal basis, the duty of
 * secrecy in the language he chooses and its acknowledgement, his answer in one click, his silences. Nothing here
 * is about another participant. */
export function InvitationScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { language } = useSession();
  const { id = '', participantId = '' } = useParams();
  const path = { concertation_id: id, participant_id: participantId };

  const flags = useLoad(`flags-${id}-${participantId}`, () =>
    call(api.GET('/v1/concertations/{concertation_id}/participants/{participant_id}/flags', { params: { path } })),
  );
  const acknowledged = flags.data?.secrecy_acknowledged ?? false;
  // The concertation says more once secrecy is acknowledged (R19): read again then.
  const meeting = useLoad(`invitation-${id}-${acknowledged}`, () =>
    call(api.GET('/v1/concertations/{concertation_id}', { params: { path: { concertation_id: id } } })),
  );
  // A participant reads the invitation (or, once acknowledged, the whole concertation); never mere metadata.
  const m = meeting.data && 'legal_basis_id' in meeting.data ? meeting.data : null;
  const basisId = m?.legal_basis_id ?? null;
  const basis = useLoad(basisId && `basis-${basisId}`, () =>
    call(api.GET('/v1/legal-bases/{basis_id}', { params: { path: { basis_id: basisId ?? '' } } })),
  );
  // The agenda is content: readable only after the acknowledgement (R19).
  const agenda = useLoad(acknowledged ? `agenda-${id}` : null, () =>
    call(
      api.GET('/v1/concertations/{concertation_id}/agenda-items', {
        params: { path: { concertation_id: id }, query: { limit: 200 } },
      }),
    ),
  );

  // The notice is read in the language chosen here, the screen's until another is chosen (a change of the
  // screen's language brings the notice along).
  const [chosen, setChosen] = useState<{ screen: Language; notice: Language }>({ screen: language, notice: language });
  const noticeLanguage = chosen.screen === language ? chosen.notice : language;
  const notice = useLoad(`notice-${id}-${participantId}-${noticeLanguage}`, () =>
    call(
      api.GET('/v1/concertations/{concertation_id}/participants/{participant_id}/secrecy-notice', {
        params: { path },
        headers: { 'Accept-Language': noticeLanguage },
      }),
    ),
  );

  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<SecrecyAcknowledgement | null>(null);
  const [itemId, setItemId] = useState('');
  const [said, setSaid] = useState<string | null>(null);

  async function act<T>(run: () => Promise<{ ok: true; data: T } | { ok: false; problem: Problem }>, done: (data: T) => void) {
    setBusy(true);
    setSaid(null);
    const r = await run();
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      done(r.data);
    } else {
      setProblem(r.problem);
    }
  }

  function acknowledge() {
    const shown = notice.data;
    if (!shown) return;
    void act(
      () =>
        call(
          api.POST('/v1/concertations/{concertation_id}/participants/{participant_id}/secrecy-acknowledgement', {
            params: { path },
            // The version and the language of the text on the screen, as the service gave them.
            body: { notice_version: shown.version, language: shown.language as Language },
          }),
        ),
      (data) => {
        setReceipt(data);
        flags.reload();
      },
    );
  }

  function answer(value: 'accept' | 'refuse') {
    void act(
      () =>
        call(
          api.POST('/v1/concertations/{concertation_id}/participants/{participant_id}/response', {
            params: { path },
            body: { answer: value },
          }),
        ),
      (data: ParticipantFlags) => {
        flags.setData(data);
        setSaid(t(value === 'accept' ? 'invitation.accepted' : 'invitation.refused', { at: formatInstant(data.answered_at) }));
      },
    );
  }

  function silence(agendaItemId: string | null) {
    void act(
      () =>
        call(
          api.POST('/v1/concertations/{concertation_id}/participants/{participant_id}/silence', {
            params: { path },
            body: { agenda_item_id: agendaItemId },
          }),
        ),
      (data: Silence) => {
        setItemId('');
        flags.reload();
        setSaid(t('invitation.silenceRecorded', { what: describe(data) }));
      },
    );
  }

  function lift(s: Silence) {
    void act(
      () =>
        call(
          api.DELETE('/v1/concertations/{concertation_id}/participants/{participant_id}/silence/{silence_id}', {
            params: { path: { ...path, silence_id: s.id } },
          }),
        ),
      () => {
        flags.reload();
        setSaid(t('invitation.silenceLifted', { what: describe(s) }));
      },
    );
  }

  const items = agenda.data?.items ?? [];
  function describe(s: Silence): string {
    if (!s.agenda_item_id) return t('invitation.wholeConcertation');
    const item = items.find((i) => i.id === s.agenda_item_id);
    return item ? t('invitation.onItem', { title: item.title }) : t('invitation.onAnItem');
  }

  const f = flags.data;
  const open = m ? !OVER.has(m.state) : false;
  const purpose = m ? ('purpose' in m ? (m.purpose?.category ?? null) : 'purpose_category' in m ? m.purpose_category : null) : null;
  const active = (f?.silences ?? []).filter((s) => !s.lifted_at);

  return (
    <section data-screen="invitation">
      <h1>{t('invitation.title')}</h1>
      <ProblemAlert problem={meeting.problem ?? flags.problem} />
      {(meeting.loading || flags.loading) && <p role="status">{t('common.loading')}</p>}
      {m && (
        <dl className="facts">
          <dt>{t('invitation.type')}</dt>
          <dd>{m.concertation_type ? t(`concertationType.${m.concertation_type}`, { defaultValue: m.concertation_type }) : '—'}</dd>
          <dt>{t('invitation.state')}</dt>
          <dd>{t(`enum.ConcertationState.${m.state}`)}</dd>
          <dt>{t('invitation.purpose')}</dt>
          <dd>{purpose ? t(`enum.PurposeCategory.${purpose}`) : '—'}</dd>
          <dt>{t('invitation.meetingKind')}</dt>
          <dd>{m.meeting_kind ? t(`enum.MeetingKind.${m.meeting_kind}`) : '—'}</dd>
          <dt>{t('invitation.when')}</dt>
          <dd>
            {formatInstant(m.scheduled_start)}
            {m.scheduled_end ? ` → ${formatInstant(m.scheduled_end)}` : ''}
          </dd>
          <dt>{t('invitation.chair')}</dt>
          <dd>{m.chair ? [m.chair.name, m.chair.function, m.chair.organisation].filter(Boolean).join(' — ') : '—'}</dd>
        </dl>
      )}

      <section aria-labelledby="invitation-basis">
        <h2 id="invitation-basis">{t('invitation.basis')}</h2>
        <ProblemAlert problem={basis.problem} />
        {basis.data && (
          <>
            <p>
              <strong>{basis.data.title}</strong>
            </p>
            <BasisView basis={basis.data} />
          </>
        )}
      </section>

      <section aria-labelledby="invitation-secrecy">
        <h2 id="invitation-secrecy">{t('invitation.secrecy')}</h2>
        <fieldset className="group">
          <legend>{t('invitation.noticeLanguage')}</legend>
          {LANGUAGES.map((l) => (
            <div className="field field-check" key={l}>
              <input
                type="radio"
                id={`notice-${l}`}
                name="notice-language"
                value={l}
                checked={noticeLanguage === l}
                onChange={() => setChosen({ screen: language, notice: l })}
              />
              <label htmlFor={`notice-${l}`} lang={l}>
                {NOTICE_LANGUAGE[l]}
              </label>
            </div>
          ))}
        </fieldset>
        <ProblemAlert problem={notice.problem} />
        {notice.data && (
          <div className="notice-text" lang={notice.data.language} data-notice-version={notice.data.version}>
            {notice.data.text}
          </div>
        )}
        {receipt ? (
          <p role="status" className="success">
            {t('invitation.acknowledgedReceipt', {
              at: formatInstant(receipt.acknowledged_at),
              version: receipt.notice_version,
              language: NOTICE_LANGUAGE[receipt.language as Language] ?? receipt.language,
            })}
          </p>
        ) : (
          acknowledged && <p>{t('invitation.acknowledged')}</p>
        )}
        {f && !acknowledged && (
          <button type="button" className="primary" disabled={busy || !notice.data} onClick={acknowledge}>
            {t('invitation.acknowledge')}
          </button>
        )}
      </section>

      <section aria-labelledby="invitation-answer">
        <h2 id="invitation-answer">{t('invitation.answer')}</h2>
        <p className="hint">{t('invitation.answerHint')}</p>
        {f && (
          <p>
            {f.invitation_status === 'pending'
              ? t('invitation.pending')
              : t(f.invitation_status === 'accepted' ? 'invitation.accepted' : 'invitation.refused', {
                  at: formatInstant(f.answered_at),
                })}
          </p>
        )}
        {f && open && (
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => answer('accept')}>
              {t('invitation.accept')}
            </button>
            <button type="button" disabled={busy} onClick={() => answer('refuse')}>
              {t('invitation.refuse')}
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby="invitation-silence">
        <h2 id="invitation-silence">{t('invitation.silence')}</h2>
        <p className="hint">{t('invitation.silenceHint')}</p>
        {f && active.length === 0 && <p>{t('invitation.noSilence')}</p>}
        {active.length > 0 && (
          <ul aria-label={t('invitation.silences')}>
            {active.map((s) => (
              <li key={s.id}>
                {t('invitation.silentSince', { what: describe(s), at: formatInstant(s.invoked_at) })}{' '}
                {open && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('invitation.liftOne', { what: describe(s) })}
                    onClick={() => lift(s)}
                  >
                    {t('invitation.lift')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {f && open && (
          <>
            {!active.some((s) => !s.agenda_item_id) && (
              <button type="button" disabled={busy} onClick={() => silence(null)}>
                {t('invitation.silentWhole')}
              </button>
            )}
            {acknowledged ? (
              items.length > 0 && (
                <div className="inline-form">
                  <SelectField
                    label={t('invitation.agendaItem')}
                    field="agenda_item_id"
                    value={itemId}
                    onChange={setItemId}
                    empty={t('common.choose')}
                    options={items
                      .filter((i) => !active.some((s) => s.agenda_item_id === i.id))
                      .map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))}
                  />
                  <button type="button" disabled={busy || !itemId} onClick={() => silence(itemId)}>
                    {t('invitation.silentItem')}
                  </button>
                </div>
              )
            ) : (
              <p className="hint">{t('invitation.agendaAfterAcknowledgement')}</p>
            )}
          </>
        )}
      </section>
      <ProblemAlert problem={problem} />
      {said && (
        <p role="status" className="success">
          {said}
        </p>
      )}
    </section>
  );
}
