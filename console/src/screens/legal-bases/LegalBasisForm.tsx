import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { BASES_KEY, titleIn, useReference } from '../../api/reference';
import type { AuthorisedParticipant, LegalBasisCreate, Problem } from '../../api/types';
import { useApi, useSession } from '../../auth/session';
import { CheckboxGroup, EnumSelect, Group, TextField, splitList } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Row {
  kind: string;
  sector: string;
  function: string;
  organisation: string;
  person_ref: string;
}

const EMPTY_ROW: Row = { kind: 'category', sector: '', function: '', organisation: '', person_ref: '' };

function authorised(row: Row): AuthorisedParticipant {
  const out: AuthorisedParticipant = { kind: row.kind as AuthorisedParticipant['kind'] };
  if (row.sector) out.sector = row.sector as AuthorisedParticipant['sector'];
  if (row.function.trim()) out.function = row.function.trim();
  if (row.organisation.trim()) out.organisation = row.organisation.trim();
  if (row.person_ref.trim()) out.person_ref = row.person_ref.trim();
  return out;
}

export function LegalBasisForm() {
  const { t } = useTranslation();
  const api = useApi();
  const { language, cache } = useSession();
  const navigate = useNavigate();
  const { purposes, problem: refProblem } = useReference({ purposes: true });
  const [type, setType] = useState('decree');
  const [title, setTitle] = useState('');
  const [normTitle, setNormTitle] = useState('');
  const [normDate, setNormDate] = useState('');
  const [articles, setArticles] = useState('');
  const [legislator, setLegislator] = useState('');
  const [publication, setPublication] = useState('');
  const [rows, setRows] = useState<Row[]>([{ ...EMPTY_ROW }]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [finalite, setFinalite] = useState('');
  const [convenedBy, setConvenedBy] = useState('');
  const [chairedBy, setChairedBy] = useState('');
  const [frequency, setFrequency] = useState('');
  const [information, setInformation] = useState('');
  const [minutes, setMinutes] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  function setRow(i: number, patch: Partial<Row>) {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: LegalBasisCreate = {
      type: type as LegalBasisCreate['type'],
      title,
      valid_from: validFrom,
      determines: {
        authorised_participants: rows
          .filter((r) => r.sector || r.function.trim() || r.organisation.trim() || r.person_ref.trim())
          .map(authorised),
        purposes: chosen as NonNullable<LegalBasisCreate['determines']>['purposes'],
        finalite: finalite.trim() || null,
        modalities: {
          convened_by: convenedBy.trim() || null,
          chaired_by: chairedBy.trim() || null,
          frequency: frequency.trim() || null,
          information_of_person: information.trim() || null,
          minutes: minutes.trim() || null,
        },
      },
    };
    if (normTitle.trim() || normDate || articles.trim() || legislator || publication.trim()) {
      body.enabling_norm = {
        title: normTitle.trim() || null,
        date: normDate || null,
        articles: splitList(articles),
        legislator: (legislator || null) as NonNullable<LegalBasisCreate['enabling_norm']>['legislator'],
        publication_ref: publication.trim() || null,
      };
    }
    setBusy(true);
    const r = await call(api.POST('/v1/legal-bases', { body }));
    setBusy(false);
    if (r.ok) {
      cache.delete(BASES_KEY);
      navigate(`/legal-bases/${r.data.id}`, { state: { basis: r.data } });
    } else setProblem(r.problem);
  }

  return (
    <section data-screen="legal-basis-form">
      <h1>{t('legalBasisForm.title')}</h1>
      <form className="form" onSubmit={submit} noValidate>
        <EnumSelect name="BasisType" label={t('legalBasisForm.type')} field="type" value={type} onChange={setType} />
        <TextField label={t('legalBasisForm.basisTitle')} field="title" value={title} onChange={setTitle} required />
        <Group legend={t('legalBasisForm.norm')} field="enabling_norm">
          <TextField label={t('legalBasisForm.normTitle')} field="enabling_norm.title" value={normTitle} onChange={setNormTitle} />
          <TextField label={t('legalBasisForm.normDate')} field="enabling_norm.date" type="date" value={normDate} onChange={setNormDate} />
          <TextField
            label={t('legalBasisForm.articles')}
            field="enabling_norm.articles"
            multiline
            value={articles}
            onChange={setArticles}
          />
          <EnumSelect
            name="Legislator"
            label={t('legalBasisForm.legislator')}
            field="enabling_norm.legislator"
            value={legislator}
            onChange={setLegislator}
            empty={t('common.none')}
          />
          <TextField
            label={t('legalBasisForm.publication')}
            field="enabling_norm.publication_ref"
            value={publication}
            onChange={setPublication}
          />
        </Group>
        <Group legend={t('legalBasisForm.authorised')} field="determines.authorised_participants">
          {rows.map((row, i) => (
            <div className="row" key={i} data-field={`determines.authorised_participants[${i}]`}>
              <EnumSelect name="AuthorisedParticipantKind" label={t('legalBasisForm.kind')} value={row.kind} onChange={(v) => setRow(i, { kind: v })} />
              <EnumSelect
                name="Sector"
                label={t('legalBasisForm.sector')}
                value={row.sector}
                onChange={(v) => setRow(i, { sector: v })}
                empty={t('common.none')}
              />
              <TextField label={t('legalBasisForm.function')} value={row.function} onChange={(v) => setRow(i, { function: v })} />
              <TextField label={t('legalBasisForm.organisation')} value={row.organisation} onChange={(v) => setRow(i, { organisation: v })} />
              <TextField label={t('legalBasisForm.personRef')} value={row.person_ref} onChange={(v) => setRow(i, { person_ref: v })} />
              <button type="button" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setRows((rs) => [...rs, { ...EMPTY_ROW }])}>
            {t('legalBasisForm.addAuthorised')}
          </button>
        </Group>
        <ProblemAlert problem={refProblem} />
        <CheckboxGroup
          legend={t('legalBasisForm.purposes')}
          field="determines.purposes"
          options={(purposes ?? []).map((p) => ({ value: p.code, label: titleIn(p, language) }))}
          selected={chosen}
          onChange={setChosen}
        />
        <TextField label={t('legalBasisForm.finalite')} field="determines.finalite" multiline value={finalite} onChange={setFinalite} />
        <Group legend={t('legalBasisForm.modalities')} field="determines.modalities">
          <TextField label={t('legalBasisForm.convenedBy')} field="determines.modalities.convened_by" value={convenedBy} onChange={setConvenedBy} />
          <TextField label={t('legalBasisForm.chairedBy')} field="determines.modalities.chaired_by" value={chairedBy} onChange={setChairedBy} />
          <TextField label={t('legalBasisForm.frequency')} field="determines.modalities.frequency" value={frequency} onChange={setFrequency} />
          <TextField
            label={t('legalBasisForm.information')}
            field="determines.modalities.information_of_person"
            multiline
            value={information}
            onChange={setInformation}
          />
          <TextField label={t('legalBasisForm.minutes')} field="determines.modalities.minutes" multiline value={minutes} onChange={setMinutes} />
        </Group>
        <TextField label={t('legalBasisForm.validFrom')} field="valid_from" type="date" value={validFrom} onChange={setValidFrom} required />
        <ProblemAlert problem={problem} />
        <button type="submit" className="primary" disabled={busy}>
          {t('legalBasisForm.submit')}
        </button>
      </form>
    </section>
  );
}
