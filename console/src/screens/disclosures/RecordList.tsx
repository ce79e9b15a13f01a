import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/call';
import { useLoad } from '../../api/hooks';
import type { DisclosureMetadata, DisclosureSummary, Problem } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../components/format';

type Page = { items: Array<DisclosureSummary | DisclosureMetadata>; next_cursor: string | null };

/** The records of one regime the caller may see (no person, no text in a list), newest pages on demand. */
export function RecordList({
  screen,
  title,
  newLabel,
  base,
  load,
}: {
  screen: string;
  title: string;
  newLabel: string;
  /** The route of the list; `base/new` is the form, `base/<id>` a record. */
  base: string;
  load(cursor: string | null): Promise<Result<Page>>;
}) {
  const { t } = useTranslation();
  const first = useLoad(screen, () => load(null));
  const [more, setMore] = useState<Page['items']>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const next = cursor === undefined ? first.data?.next_cursor : cursor;
  const items = [...(first.data?.items ?? []), ...more];

  async function loadMore() {
    if (!next) return;
    const r = await load(next);
    if (r.ok) {
      setMore((m) => [...m, ...r.data.items]);
      setCursor(r.data.next_cursor);
      setProblem(null);
    } else setProblem(r.problem);
  }

  return (
    <section data-screen={screen}>
      <h1>{title}</h1>
      <p>
        <Link className="button-link" to={`${base}/new`}>
          {newLabel}
        </Link>
      </p>
      <ProblemAlert problem={first.problem} />
      {first.loading && <p role="status">{t('common.loading')}</p>}
      {first.data && items.length === 0 && <p>{t('records.none')}</p>}
      {items.length > 0 && (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.col.created')}</th>
              <th scope="col">{t('records.col.status')}</th>
              <th scope="col">{t('records.col.updated')}</th>
              <th scope="col">{t('records.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{formatInstant(r.created_at)}</td>
                <td>{t(`enum.RecordStatus.${r.status}`)}</td>
                <td>{formatInstant(r.updated_at)}</td>
                <td>
                  <Link to={`${base}/${r.id}`} aria-label={t('records.openOne', { id: r.id.slice(0, 8) })}>
                    {t('records.open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemAlert problem={problem} />
      {next && (
        <button type="button" onClick={() => void loadMore()}>
          {t('records.more')}
        </button>
      )}
    </section>
  );
}
