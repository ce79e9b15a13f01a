import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useReference } from '../../api/reference';
import type { Classification, Problem } from '../../api/types';
import { useApi, useUser } from '../../auth/session';
import { EnumSelect, focusField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ClassificationResult } from './ClassificationResult';
import { emptyFacts, toClassify, type Facts } from './facts';
import {
  DangerDescription,
  DiscloserFields,
  InvokedGroundField,
  ItemsFields,
  MasterFields,
  NecessityFields,
  RecipientsFields,
  ReportFields,
  Section,
} from './FactsFields';

/** "Which regime?": the facts of a contemplated exchange in, every regime out (R73). Nothing is stored; an open
 * regime offers its record form, filled with the same facts. */
export function ClassifyScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const reference = useReference({ art458bis: true });
  const root = useRef<HTMLFormElement>(null);
  const [facts, setFacts] = useState<Facts>(() => emptyFacts(user.subject));
  const [result, setResult] = useState<{ answer: Classification; facts: Facts } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await call(api.POST('/v1/disclosures/classify', { body: toClassify(facts) }));
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setResult({ answer: r.data, facts });
    } else {
      setResult(null);
      setProblem(r.problem);
      const first = r.problem.violations.find((v) => v.field)?.field;
      if (first) focusField(first, root.current ?? document);
    }
  }

  return (
    <section data-screen="disclosures">
      <h1>{t('classify.title')}</h1>
      <p className="hint">{t('classify.hint')}</p>
      <form className="form" ref={root} onSubmit={submit} noValidate aria-labelledby="classify-form">
        <h2 id="classify-form">{t('classify.form')}</h2>
        <DiscloserFields facts={facts} onChange={setFacts} withSelf />
        <RecipientsFields facts={facts} onChange={setFacts} />
        <ItemsFields facts={facts} onChange={setFacts} />
        <MasterFields facts={facts} onChange={setFacts} />
        <Section title={t('classify.section458ter')}>
          <EnumSelect
            name="PurposeCategory"
            label={t('facts.purpose')}
            field="purpose_category"
            value={facts.purpose}
            onChange={(v) => setFacts({ ...facts, purpose: v })}
            empty={t('common.none')}
          />
        </Section>
        <ProblemAlert problem={reference.problem} />
        <Section title={t('classify.section458bis')}>
          <ReportFields facts={facts} onChange={setFacts} offences={reference.art458bis} />
        </Section>
        <Section title={t('classify.sectionNecessity')}>
          <NecessityFields facts={facts} onChange={setFacts} />
        </Section>
        <DangerDescription facts={facts} onChange={setFacts} />
        <InvokedGroundField facts={facts} onChange={setFacts} />
        <ProblemAlert problem={problem} />
        <button type="submit" className="primary" disabled={busy}>
          {t('classify.submit')}
        </button>
      </form>
      {result && <ClassificationResult result={result.answer} facts={result.facts} />}
    </section>
  );
}
