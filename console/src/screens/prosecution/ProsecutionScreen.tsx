import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { titleIn, useReference } from '../../api/reference';
import type { Problem, ProsecutionRequestCreate } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CheckboxGroup, EnumSelect, TextField, focusField, splitList } from '../../components/fields';

type Use = NonNullable<ProsecutionRequestCreate['use']>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A magistrate asks to use the minutes of a concertation for named offences (R49–R54). The service grants the
 * request whole or refuses it whole — an offence outside the concertation's scope, or a use other than a criminal
 * prosecution, is refused with art. 458ter §2 — and a refusal is kept, audited and alerted. */
export function ProsecutionScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { language } = useSession();
  const navigate = useNavigate();
  const reference = useReference({ offences: true });
  const root = useRef<HTMLFormElement>(null);
  const [concertationId, setConcertationId] = useState('');
  const [magistrate, setMagistrate] = useState('');
  const [caseRef, setCaseRef] = useState('');
  const [use, setUse] = useState<Use>('criminal_prosecution');
  const [offences, setOffences] = useState<string[]>([]);
  const [persons, setPersons] = useState('');
  const [motivation, setMotivation] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const id = concertationId.trim();
    if (!UUID.test(id)) {
      setProblem({
        type: 'about:blank',
        title: t('prosecution.badId'),
        status: 0,
        detail: t('prosecution.badId'),
        code: 'invalid_concertation_id',
        violations: [],
      });
      focusField('concertation_id', root.current ?? document);
      return;
    }
    setBusy(true);
    const r = await call(
      api.POST('/v1/concertations/{concertation_id}/prosecution-requests', {
        params: { path: { concertation_id: id } },
        body: {
          requesting_magistrate: magistrate.trim(),
          criminal_case_reference: caseRef.trim(),
          use,
          offences,
          persons_named: splitList(persons),
          motivation: motivation.trim(),
        },
      }),
    );
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      void navigate(`/prosecution/${id}/${r.data.id}`, { state: { request: r.data } });
    } else {
      setProblem(r.problem);
      const first = r.problem.violations.find((v) => v.field)?.field;
      if (first) focusField(first, root.current ?? document);
    }
  }

  // A refusal under R49 is kept and alerted: the magistrate learns it here, the coordinator and the DPO from the
  // service's alerts.
  const kept = problem?.status === 422 && problem.violations.some((v) => v.rule === 'R49');
  return (
    <section data-screen="prosecution">
      <h1>{t('prosecution.title')}</h1>
      <p className="hint">{t('prosecution.hint')}</p>
      <form className="form" ref={root} onSubmit={submit} noValidate aria-labelledby="prosecution-form">
        <h2 id="prosecution-form">{t('prosecution.form')}</h2>
        <TextField label={t('prosecution.concertationId')} field="concertation_id" value={concertationId} onChange={setConcertationId} required />
        <TextField label={t('prosecution.magistrate')} field="requesting_magistrate" value={magistrate} onChange={setMagistrate} required />
        <TextField label={t('prosecution.caseRef')} field="criminal_case_reference" value={caseRef} onChange={setCaseRef} required />
        <EnumSelect
          name="Use"
          label={t('prosecution.use')}
          field="use"
          value={use}
          onChange={(v) => setUse(v as Use)}
        />
        <ProblemAlert problem={reference.problem} />
        <CheckboxGroup
          legend={t('prosecution.offences')}
          field="offences"
          options={(reference.offences ?? []).map((o) => ({ value: o.code, label: `${o.article} — ${titleIn(o, language)}` }))}
          selected={offences}
          onChange={setOffences}
        />
        <TextField
          label={t('prosecution.persons')}
          field="persons_named"
          hint={t('prosecution.personsHint')}
          value={persons}
          onChange={setPersons}
        />
        <TextField label={t('prosecution.motivation')} field="motivation" value={motivation} onChange={setMotivation} required multiline />
        <ProblemAlert problem={problem} />
        {kept && <p className="hint">{t('prosecution.kept')}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {t('prosecution.submit')}
        </button>
      </form>
    </section>
  );
}
