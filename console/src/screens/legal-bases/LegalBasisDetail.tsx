import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { LegalBasis } from '../../api/types';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { BasisView } from './BasisView';

export function LegalBasisDetail() {
  const { t } = useTranslation();
  const api = useApi();
  const { basisId = '' } = useParams();
  const known = (useLocation().state as { basis?: LegalBasis } | null)?.basis;
  const basis = useLoad(
    basisId,
    () => call(api.GET('/v1/legal-bases/{basis_id}', { params: { path: { basis_id: basisId } } })),
    known && known.id === basisId ? known : null,
  );
  return (
    <section data-screen="legal-basis">
      <h1>{basis.data?.title ?? t('legalBasis.title')}</h1>
      <ProblemAlert problem={basis.problem} />
      {basis.loading && <p role="status">{t('common.loading')}</p>}
      {basis.data && <BasisView basis={basis.data} />}
    </section>
  );
}
