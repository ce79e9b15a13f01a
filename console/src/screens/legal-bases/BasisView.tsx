import { useTranslation } from 'react-i18next';
import type { LegalBasis } from '../../api/types';

/** What a basis determines (R5): shown to the coordinator and to invitees (R9). */
export function BasisView({ basis }: { basis: LegalBasis }) {
  const { t } = useTranslation();
  const d = basis.determines;
  const norm = basis.enabling_norm;
  return (
    <dl className="facts">
      <dt>{t('legalBasis.type')}</dt>
      <dd>{t(`enum.BasisType.${basis.type}`)}</dd>
      {norm?.title && (
        <>
          <dt>{t('legalBasis.norm')}</dt>
          <dd>
            {norm.title}
            {norm.date ? ` (${norm.date})` : ''}
            {norm.articles && norm.articles.length > 0 ? ` — ${norm.articles.join(', ')}` : ''}
            {norm.publication_ref ? ` — ${norm.publication_ref}` : ''}
          </dd>
        </>
      )}
      <dt>{t('legalBasis.validFrom')}</dt>
      <dd>
        {basis.valid_from}
        {basis.valid_until ? ` → ${basis.valid_until}` : ''}
      </dd>
      <dt>{t('legalBasis.status')}</dt>
      <dd>{t(`legalBasis.state.${basis.status}`)}</dd>
      {d?.purposes && d.purposes.length > 0 && (
        <>
          <dt>{t('legalBasis.purposes')}</dt>
          <dd>{d.purposes.map((p) => t(`enum.PurposeCategory.${p}`)).join('; ')}</dd>
        </>
      )}
      {d?.finalite && (
        <>
          <dt>{t('legalBasis.finalite')}</dt>
          <dd>{d.finalite}</dd>
        </>
      )}
      {d?.authorised_participants && d.authorised_participants.length > 0 && (
        <>
          <dt>{t('legalBasis.authorised')}</dt>
          <dd>
            <ul>
              {d.authorised_participants.map((a, i) => (
                <li key={i}>{describeAuthorised(a, t)}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {d?.modalities && (
        <>
          <dt>{t('legalBasis.modalities')}</dt>
          <dd>
            {[d.modalities.convened_by, d.modalities.chaired_by, d.modalities.frequency, d.modalities.information_of_person, d.modalities.minutes]
              .filter(Boolean)
              .join(' · ')}
          </dd>
        </>
      )}
    </dl>
  );
}

export function describeAuthorised(
  a: NonNullable<NonNullable<LegalBasis['determines']>['authorised_participants']>[number],
  t: (key: string) => string,
): string {
  if (a.kind === 'person') return `${t('enum.AuthorisedParticipantKind.person')}: ${a.person_ref ?? ''}`;
  return [a.sector ? t(`enum.Sector.${a.sector}`) : null, a.function, a.organisation].filter(Boolean).join(' · ');
}
