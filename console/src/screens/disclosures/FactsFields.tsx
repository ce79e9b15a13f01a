/** The fields of the facts of an exchange, shared by "Which regime?" and the three record forms. Each field names
 * the API's path (`data-field`), so that a refusal focuses the one it is about. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { titleIn } from '../../api/reference';
import type { ListedOffence } from '../../api/types';
import { useSession } from '../../auth/session';
import { CheckboxField, CheckboxGroup, EnumSelect, Group, SelectField, TextField } from '../../components/fields';
import { ENUMS } from '../../api/enums';
import {
  EMPTY_ITEM,
  EMPTY_RECIPIENT,
  references,
  type DiscloserDraft,
  type Facts,
  type ItemDraft,
  type RecipientDraft,
} from './facts';

export interface FactsProps {
  facts: Facts;
  onChange(facts: Facts): void;
}

function useOptions(name: keyof typeof ENUMS) {
  const { t } = useTranslation();
  return (ENUMS[name] as readonly string[]).map((v) => ({ value: v, label: t(`enum.${name}.${v}`) }));
}

/** A collapsible part of the form (closed unless `open`). */
export function Section({ title, open, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="facts-section" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

export function DiscloserFields({ facts, onChange, withSelf = false }: FactsProps & { withSelf?: boolean }) {
  const { t } = useTranslation();
  const d = facts.discloser;
  const set = (patch: Partial<DiscloserDraft>) => onChange({ ...facts, discloser: { ...d, ...patch } });
  return (
    <Group legend={t('facts.discloser')} field="discloser">
      <div className="row">
        <TextField label={t('facts.discloserReference')} field="discloser.reference" value={d.reference} onChange={(v) => set({ reference: v })} required />
        <EnumSelect name="Sector" label={t('facts.discloserSector')} field="discloser.sector" value={d.sector} onChange={(v) => set({ sector: v })} />
        <TextField label={t('facts.discloserFunction')} field="discloser.function" value={d.function} onChange={(v) => set({ function: v })} />
        <TextField label={t('facts.discloserOrganisation')} field="discloser.organisation" value={d.organisation} onChange={(v) => set({ organisation: v })} />
      </div>
      <CheckboxField label={t('facts.discloserBound')} field="discloser.bound_by_professional_secrecy" checked={d.bound} onChange={(v) => set({ bound: v })} />
      <div className="row">
        <EnumSelect
          name="SecrecySource"
          label={t('facts.discloserSource')}
          field="discloser.secrecy_source"
          value={d.secrecySource}
          onChange={(v) => set({ secrecySource: v })}
          empty={t('common.none')}
        />
        <TextField label={t('facts.discloserMission')} field="discloser.mission_id" value={d.missionId} onChange={(v) => set({ missionId: v })} />
      </div>
      <CheckboxField label={t('facts.discloserMandate')} field="discloser.judicial_mandate" checked={d.judicialMandate} onChange={(v) => set({ judicialMandate: v })} />
      <CheckboxField label={t('facts.discloserLawyer')} field="discloser.is_lawyer" checked={d.isLawyer} onChange={(v) => set({ isLawyer: v })} />
      {d.isLawyer && (
        <CheckboxField
          label={t('facts.discloserOwnClient')}
          field="discloser.information_from_own_client"
          checked={d.fromOwnClient}
          onChange={(v) => set({ fromOwnClient: v })}
        />
      )}
      <CheckboxField label={t('facts.discloserSuspected')} field="discloser.suspected" checked={d.suspected} onChange={(v) => set({ suspected: v })} />
      {withSelf && (
        <CheckboxField
          label={t('facts.aboutHimself')}
          field="discloser_is_person_concerned"
          checked={facts.aboutHimself}
          onChange={(v) => onChange({ ...facts, aboutHimself: v })}
        />
      )}
    </Group>
  );
}

function RecipientRow({ row, i, set, remove }: { row: RecipientDraft; i: number; set(patch: Partial<RecipientDraft>): void; remove(): void }) {
  const { t } = useTranslation();
  const f = (name: string) => `recipients[${i}].${name}`;
  const n = { n: i + 1 };
  return (
    <fieldset className="group" data-field={`recipients[${i}]`}>
      <legend>{t('facts.recipientN', n)}</legend>
      <div className="row">
        <TextField label={t('facts.recipientReference', n)} field={f('reference')} value={row.reference} onChange={(v) => set({ reference: v })} required />
        <EnumSelect name="PartyKind" label={t('facts.recipientKind', n)} field={f('kind')} value={row.kind} onChange={(v) => set({ kind: v })} />
        <EnumSelect name="Sector" label={t('facts.recipientSector', n)} field={f('sector')} value={row.sector} onChange={(v) => set({ sector: v })} empty={t('common.none')} />
      </div>
      <div className="row">
        <TextField label={t('facts.recipientFunction', n)} field={f('function')} value={row.function} onChange={(v) => set({ function: v })} />
        <TextField label={t('facts.recipientOrganisation', n)} field={f('organisation')} value={row.organisation} onChange={(v) => set({ organisation: v })} />
        <TextField label={t('facts.recipientMission', n)} field={f('mission_id')} value={row.missionId} onChange={(v) => set({ missionId: v })} />
      </div>
      <CheckboxField label={t('facts.recipientBound', n)} field={f('bound_by_professional_secrecy')} checked={row.bound} onChange={(v) => set({ bound: v })} />
      <div className="row">
        <EnumSelect
          name="SecrecySource"
          label={t('facts.recipientSource', n)}
          field={f('secrecy_source')}
          value={row.secrecySource}
          onChange={(v) => set({ secrecySource: v })}
          empty={t('common.none')}
        />
        <TextField
          label={t('facts.recipientEvidence', n)}
          field={f('secrecy_evidence')}
          value={row.secrecyEvidence}
          onChange={(v) => set({ secrecyEvidence: v })}
        />
      </div>
      <CheckboxField label={t('facts.recipientMandate', n)} field={f('judicial_mandate')} checked={row.judicialMandate} onChange={(v) => set({ judicialMandate: v })} />
      {row.kind === 'team' && (
        <CheckboxField label={t('facts.recipientAllBound', n)} field={f('all_members_bound')} checked={row.allMembersBound} onChange={(v) => set({ allMembersBound: v })} />
      )}
      <EnumSelect
        name="MagistrateFunction"
        label={t('facts.recipientMagistrate', n)}
        field={f('magistrate_function')}
        value={row.magistrateFunction}
        onChange={(v) => set({ magistrateFunction: v })}
        empty={t('common.none')}
      />
      <button type="button" onClick={remove}>
        {t('facts.removeRecipient', n)}
      </button>
    </fieldset>
  );
}

export function RecipientsFields({ facts, onChange }: FactsProps) {
  const { t } = useTranslation();
  const rows = facts.recipients;
  const put = (next: RecipientDraft[]) => onChange({ ...facts, recipients: next });
  return (
    <Group legend={t('facts.recipients')} field="recipients">
      {rows.map((row, i) => (
        <RecipientRow
          key={i}
          row={row}
          i={i}
          set={(patch) => put(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
          remove={() => put(rows.filter((_, j) => j !== i))}
        />
      ))}
      <button type="button" onClick={() => put([...rows, { ...EMPTY_RECIPIENT }])}>
        {t('facts.addRecipient')}
      </button>
    </Group>
  );
}

function ItemRow({
  row,
  i,
  withContent,
  set,
  remove,
}: {
  row: ItemDraft;
  i: number;
  withContent: boolean;
  set(patch: Partial<ItemDraft>): void;
  remove(): void;
}) {
  const { t } = useTranslation();
  const f = (name: string) => `items[${i}].${name}`;
  const n = { n: i + 1 };
  return (
    <fieldset className="group" data-field={`items[${i}]`}>
      <legend>{t('facts.itemN', n)}</legend>
      <TextField label={t('facts.itemReference', n)} field={f('reference')} value={row.reference} onChange={(v) => set({ reference: v })} required />
      {withContent && (
        <TextField label={t('facts.itemContent', n)} field={f('content')} multiline value={row.content} onChange={(v) => set({ content: v })} required />
      )}
      <TextField
        label={t('facts.itemJustification', n)}
        field={f('necessity_justification')}
        multiline
        value={row.justification}
        onChange={(v) => set({ justification: v })}
      />
      <CheckboxField label={t('facts.itemInInterest', n)} field={f('in_interest_of_person')} checked={row.inInterest} onChange={(v) => set({ inInterest: v })} />
      <EnumSelect name="ItemPurpose" label={t('facts.itemServes', n)} field={f('serves')} value={row.serves} onChange={(v) => set({ serves: v })} empty={t('common.none')} />
      <CheckboxField label={t('facts.itemPseudonymised', n)} field={f('pseudonymised')} checked={row.pseudonymised} onChange={(v) => set({ pseudonymised: v })} />
      <button type="button" onClick={remove}>
        {t('facts.removeItem', n)}
      </button>
    </fieldset>
  );
}

export function ItemsFields({ facts, onChange, withContent = false }: FactsProps & { withContent?: boolean }) {
  const { t } = useTranslation();
  const rows = facts.items;
  const put = (next: ItemDraft[]) => onChange({ ...facts, items: next });
  return (
    <Group legend={t('facts.items')} field="items">
      {rows.map((row, i) => (
        <ItemRow
          key={i}
          row={row}
          i={i}
          withContent={withContent}
          set={(patch) => put(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
          remove={() => put(rows.filter((_, j) => j !== i))}
        />
      ))}
      <button type="button" onClick={() => put([...rows, { ...EMPTY_ITEM }])}>
        {t('facts.addItem')}
      </button>
    </Group>
  );
}

export function MasterFields({ facts, onChange, withDates = false }: FactsProps & { withDates?: boolean }) {
  const { t } = useTranslation();
  const m = facts.master;
  const set = (patch: Partial<Facts['master']>) => onChange({ ...facts, master: { ...m, ...patch } });
  const asOptions = (refs: string[]) => refs.map((r) => ({ value: r, label: r }));
  return (
    <Group legend={t('facts.master')} field="master">
      <EnumSelect name="ConsentStatus" label={t('facts.consent')} field="master.consent" value={m.consent} onChange={(v) => set({ consent: v })} empty={t('common.none')} />
      <CheckboxGroup
        legend={t('facts.consentRecipients')}
        field="master.consent_recipients"
        options={asOptions(references(facts.recipients))}
        selected={m.recipients}
        onChange={(v) => set({ recipients: v })}
      />
      <CheckboxGroup
        legend={t('facts.consentItems')}
        field="master.consent_items"
        options={asOptions(references(facts.items))}
        selected={m.items}
        onChange={(v) => set({ items: v })}
      />
      {withDates && (
        <TextField
          label={t('facts.consentGivenAt')}
          field="master.consent_given_at"
          type="datetime-local"
          value={m.consentGivenAt}
          onChange={(v) => set({ consentGivenAt: v })}
        />
      )}
      <CheckboxField label={t('facts.informed')} field="master.informed" checked={m.informed} onChange={(v) => set({ informed: v })} />
      {withDates && (
        <TextField label={t('facts.informedAt')} field="master.informed_at" type="datetime-local" value={m.informedAt} onChange={(v) => set({ informedAt: v })} />
      )}
      <CheckboxField label={t('facts.teamNotice')} field="master.team_sharing_notice_given" checked={m.teamNotice} onChange={(v) => set({ teamNotice: v })} />
    </Group>
  );
}

/** The offence of an art. 458bis report, from the versioned list the service serves. */
export function OffenceSelect({ facts, onChange, offences }: FactsProps & { offences: ListedOffence[] | null }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const options = (offences ?? []).map((o) => ({
    value: o.code,
    label: `${o.article} — ${titleIn(o, language)}${o.in_force ? '' : ` (${t('facts.notInForce')})`}`,
  }));
  return (
    <SelectField
      label={t('facts.offence')}
      field="offence"
      value={facts.report.offence}
      onChange={(v) => onChange({ ...facts, report: { ...facts.report, offence: v } })}
      options={options}
      empty={t('common.choose')}
    />
  );
}

export function DangerDescription({ facts, onChange }: FactsProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('facts.dangerDescription')}
      field="danger.description"
      multiline
      value={facts.dangerDescription}
      onChange={(v) => onChange({ ...facts, dangerDescription: v })}
    />
  );
}

/** Art. 458bis: the offence, the victim, the danger, the facts and to whom the report goes. */
export function ReportFields({ facts, onChange, offences, forRecord = false }: FactsProps & { offences: ListedOffence[] | null; forRecord?: boolean }) {
  const { t } = useTranslation();
  const r = facts.report;
  const set = (patch: Partial<Facts['report']>) => onChange({ ...facts, report: { ...r, ...patch } });
  const vulnerabilities = useOptions('Vulnerability');
  const kinds = useOptions('FactualBasisKind');
  return (
    <>
      <OffenceSelect facts={facts} onChange={onChange} offences={offences} />
      <Group legend={t('facts.victim')} field="victim">
        <CheckboxField label={t('facts.victimMinor')} field="victim.is_minor" checked={r.isMinor} onChange={(v) => set({ isMinor: v })} />
        <CheckboxGroup
          legend={t('facts.vulnerabilities')}
          field="victim.vulnerabilities"
          options={vulnerabilities}
          selected={r.vulnerabilities}
          onChange={(v) => set({ vulnerabilities: v })}
        />
      </Group>
      <Group legend={t('facts.reportDanger')} field="danger">
        <CheckboxField
          label={t('facts.dangerToVictim')}
          field="danger.grave_and_imminent_danger_to_victim"
          checked={r.dangerToVictim}
          onChange={(v) => set({ dangerToVictim: v })}
        />
        <CheckboxField
          label={t('facts.dangerToOthers')}
          field="danger.serious_danger_to_other_victims"
          checked={r.dangerToOthers}
          onChange={(v) => set({ dangerToOthers: v })}
        />
        <CheckboxField
          label={t('facts.unableToProtect')}
          field="danger.unable_to_protect_alone_or_with_third_parties"
          checked={r.unableToProtect}
          onChange={(v) => set({ unableToProtect: v })}
        />
        {forRecord && <DangerDescription facts={facts} onChange={onChange} />}
      </Group>
      <Group legend={t('facts.factualBasis')} field="factual_basis">
        <CheckboxGroup legend={t('facts.factualKinds')} field="factual_basis.kinds" options={kinds} selected={r.kinds} onChange={(v) => set({ kinds: v })} />
        <TextField
          label={t('facts.factsDescription')}
          field="factual_basis.description"
          multiline
          value={r.factsDescription}
          onChange={(v) => set({ factsDescription: v })}
        />
        <TextField label={t('facts.observedOn')} field="factual_basis.observed_on" type="date" value={r.observedOn} onChange={(v) => set({ observedOn: v })} />
      </Group>
      <EnumSelect
        name="ReportRecipient"
        label={t('facts.reportRecipient')}
        field={forRecord ? 'recipient' : 'recipient_of_report'}
        value={r.recipient}
        onChange={(v) => set({ recipient: v })}
        empty={forRecord ? undefined : t('common.none')}
      />
      {forRecord && (
        <TextField label={t('facts.judicialDistrict')} field="judicial_district" value={r.judicialDistrict} onChange={(v) => set({ judicialDistrict: v })} />
      )}
    </>
  );
}

/** The state of necessity: the danger, the weighing, subsidiarity, proportionality, who was consulted. */
export function NecessityFields({ facts, onChange, forRecord = false }: FactsProps & { forRecord?: boolean }) {
  const { t } = useTranslation();
  const n = facts.necessity;
  const set = (patch: Partial<Facts['necessity']>) => onChange({ ...facts, necessity: { ...n, ...patch } });
  const consulted = useOptions('ConsultedKind');
  return (
    <>
      <Group legend={t('facts.necessityDanger')} field="danger">
        <CheckboxField label={t('facts.grave')} field="danger.grave" checked={n.grave} onChange={(v) => set({ grave: v })} />
        <CheckboxField label={t('facts.imminent')} field="danger.imminent" checked={n.imminent} onChange={(v) => set({ imminent: v })} />
        <CheckboxField label={t('facts.harmToAnother')} field="danger.harm_to_another" checked={n.harmToAnother} onChange={(v) => set({ harmToAnother: v })} />
        <EnumSelect name="DangerTime" label={t('facts.dangerTime')} field="danger.time" value={n.time} onChange={(v) => set({ time: v })} empty={t('common.none')} />
        {forRecord && <DangerDescription facts={facts} onChange={onChange} />}
      </Group>
      <Group legend={t('facts.weighing')} field="weighing">
        <EnumSelect
          name="InterestWeighing"
          label={t('facts.weighingValue')}
          field="weighing.weighing"
          value={n.weighing}
          onChange={(v) => set({ weighing: v })}
          empty={t('common.none')}
        />
        <TextField
          label={t('facts.interestProtected')}
          field="weighing.interest_protected"
          multiline
          value={n.interestProtected}
          onChange={(v) => set({ interestProtected: v })}
        />
      </Group>
      <Group legend={t('facts.subsidiarity')} field="subsidiarity">
        <CheckboxField label={t('facts.noOtherMeans')} field="subsidiarity.no_other_means" checked={n.noOtherMeans} onChange={(v) => set({ noOtherMeans: v })} />
        <TextField
          label={t('facts.alternativesTried')}
          field="subsidiarity.alternatives_tried"
          multiline
          value={n.alternatives}
          onChange={(v) => set({ alternatives: v })}
        />
      </Group>
      <Group legend={t('facts.proportionality')} field="proportionality">
        <CheckboxField
          label={t('facts.limited')}
          field="proportionality.disclosure_limited_to_averting"
          checked={n.limited}
          onChange={(v) => set({ limited: v })}
        />
        <TextField label={t('facts.disclosed')} field="proportionality.disclosed" multiline value={n.disclosed} onChange={(v) => set({ disclosed: v })} />
        <TextField label={t('facts.disclosedTo')} field="proportionality.disclosed_to" value={n.disclosedTo} onChange={(v) => set({ disclosedTo: v })} />
      </Group>
      <CheckboxGroup legend={t('facts.consulted')} field="consulted" options={consulted} selected={n.consulted} onChange={(v) => set({ consulted: v })} />
      <SelectField
        label={t('facts.spokenTo')}
        field="person_spoken_to"
        value={n.spokenTo}
        onChange={(v) => set({ spokenTo: v })}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        empty={t('common.none')}
      />
      <TextField
        label={t('facts.whyNotSpokenTo')}
        field="why_person_not_spoken_to"
        multiline
        value={n.whyNotSpokenTo}
        onChange={(v) => set({ whyNotSpokenTo: v })}
      />
      {forRecord && (
        <div className="row">
          <TextField label={t('facts.assessedBy')} field="assessed_by" value={n.assessedBy} onChange={(v) => set({ assessedBy: v })} />
          <TextField
            label={t('facts.assessedAt')}
            field="assessed_at"
            type="datetime-local"
            value={n.assessedAt}
            onChange={(v) => set({ assessedAt: v })}
          />
        </div>
      )}
    </>
  );
}

export function InvokedGroundField({ facts, onChange }: FactsProps) {
  const { t } = useTranslation();
  return (
    <EnumSelect
      name="InvokedGround"
      label={t('facts.invokedGround')}
      field="invoked_ground"
      value={facts.invokedGround}
      onChange={(v) => onChange({ ...facts, invokedGround: v })}
    />
  );
}

export function PersonRefField({ facts, onChange }: FactsProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('facts.personRef')}
      field="person_ref"
      hint={t('facts.personRefHint')}
      value={facts.personRef}
      onChange={(v) => onChange({ ...facts, personRef: v })}
      required
    />
  );
}

export function FollowUpPlanField({ facts, onChange }: FactsProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('facts.followUpPlan')}
      field="follow_up_plan"
      multiline
      value={facts.followUpPlan}
      onChange={(v) => onChange({ ...facts, followUpPlan: v })}
    />
  );
}
