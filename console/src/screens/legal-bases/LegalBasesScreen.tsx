import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';

export function LegalBasesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const bases = useLoad('legal-bases', () => call(api.GET('/v1/legal-bases', { params: { query: { limit: 100 } } })));
  return (
    <section data-screen="legal-bases">
      <h1>{t('legalBases.title')}</h1>
      <p>
        <Link className="button-link" to="/legal-bases/new">
          {t('legalBases.register')}
        </Link>
      </p>
      <ProblemAlert problem={bases.problem} />
      {bases.loading && <p role="status">{t('common.loading')}</p>}
      {bases.data && bases.data.items.length === 0 && <p>{t('legalBases.none')}</p>}
      {bases.data && bases.data.items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('legalBases.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('legalBases.col.title')}</th>
              <th scope="col">{t('legalBases.col.type')}</th>
              <th scope="col">{t('legalBases.col.validFrom')}</th>
              <th scope="col">{t('legalBases.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {bases.data.items.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/legal-bases/${b.id}`} state={{ basis: b }}>
                    {b.title}
                  </Link>
                </td>
                <td>{t(`enum.BasisType.${b.type}`)}</td>
                <td>{b.valid_from}</td>
                <td>{t(`legalBasis.state.${b.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
