import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, exportUrl, queryString, filtersQuery, type CaseFilters, type CaseSummary, type Org, type User } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { PriorityBadge, RiskBadge, StatusBadge } from '../components/RiskBadge.tsx';
import { CASE_SORTS, CASE_STATUSES, CATEGORIES } from '../constants.ts';
import { formatDateTime, formatNumber } from '../format.ts';
import { categoryLabel, useI18n } from '../i18n.ts';
import { caseHref, navigate } from '../route.ts';

const PAGE_SIZE = 50;

/** Filters from the hash (#/cases?status=…): bookmarkable, and Back restores them. Unknown values are dropped. */
export function parseFilters(params: URLSearchParams): CaseFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = params.get(name);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const text = (name: string) => params.get(name)?.trim() || undefined;
  return {
    status: pick('status', CASE_STATUSES),
    category: pick('category', CATEGORIES),
    site: text('site'),
    org: text('org'),
    q: text('q'),
    sort: pick('sort', CASE_SORTS),
  };
}

interface ListState {
  key: string;
  items: CaseSummary[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

export function InboxPage({ user, orgs, params }: { user: User; orgs: Org[]; params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const filters = useMemo(() => parseFilters(params), [params]);
  const key = queryString(filtersQuery(filters));
  const [list, setList] = useState<ListState>({ key, items: [], nextCursor: null, loading: true, error: undefined });
  const [draft, setDraft] = useState<CaseFilters>(filters);

  useEffect(() => {
    setDraft(filters);
    let current = true;
    setList({ key, items: [], nextCursor: null, loading: true, error: undefined });
    api.cases(filters, undefined, PAGE_SIZE).then(
      (page) => current && setList({ key, items: page.items, nextCursor: page.nextCursor, loading: false, error: undefined }),
      (error: unknown) => current && setList({ key, items: [], nextCursor: null, loading: false, error }),
    );
    return () => {
      current = false;
    };
    // `key` is the filters' identity: the effect reruns when they change, not on every render
  }, [key]);

  async function loadMore() {
    if (!list.nextCursor) return;
    const cursor = list.nextCursor;
    setList((previous) => ({ ...previous, loading: true, error: undefined }));
    try {
      const page = await api.cases(filters, cursor, PAGE_SIZE);
      setList((previous) =>
        previous.key === key ? { ...previous, items: [...previous.items, ...page.items], nextCursor: page.nextCursor, loading: false } : previous,
      );
    } catch (error) {
      setList((previous) => ({ ...previous, loading: false, error }));
    }
  }

  function apply(next: CaseFilters) {
    navigate(`#/cases${queryString(filtersQuery(next))}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  /** Selects apply at once; text fields on Enter or the Apply button. */
  function choose(change: Partial<CaseFilters>) {
    const next = { ...draft, ...change };
    setDraft(next);
    apply(next);
  }

  const sites = useMemo(() => [...new Set(list.items.map((item) => item.site))].sort(), [list.items]);

  if (list.error instanceof ApiError && list.error.status === 403 && user.role === 'analyst') {
    return (
      <>
        <PageTitle>{t('inboxTitle')}</PageTitle>
        <p className="notice" role="status">
          {t('analystNoInbox')}
        </p>
        <p>
          <a href="#/stats">{t('goToStats')}</a>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('inboxTitle')}</PageTitle>
      {user.role === 'trainer' && <p className="notice training-banner">{t('trainingInbox')}</p>}
      <form className="filters" onSubmit={submit} aria-label={t('filters')}>
        <div className="field">
          <label htmlFor="f-q">{t('filterSearch')}</label>
          <input
            id="f-q"
            type="search"
            value={draft.q ?? ''}
            placeholder={t('filterSearchPlaceholder')}
            maxLength={200}
            onChange={(event) => setDraft({ ...draft, q: event.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('filterStatus')}</label>
          <select id="f-status" value={draft.status ?? ''} onChange={(event) => choose({ status: (event.target.value || undefined) as CaseFilters['status'] })}>
            <option value="">{t('any')}</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status_${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">{t('filterCategory')}</label>
          <select
            id="f-category"
            value={draft.category ?? ''}
            onChange={(event) => choose({ category: (event.target.value || undefined) as CaseFilters['category'] })}
          >
            <option value="">{t('any')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(lang, category)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-site">{t('filterSite')}</label>
          <input
            id="f-site"
            type="text"
            list="f-site-list"
            value={draft.site ?? ''}
            placeholder={t('filterSitePlaceholder')}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, site: event.target.value || undefined })}
          />
          <datalist id="f-site-list">
            {sites.map((site) => (
              <option key={site} value={site} />
            ))}
          </datalist>
        </div>
        {user.role !== 'inspector' && (
          <div className="field">
            <label htmlFor="f-org">{t('filterOrg')}</label>
            <select id="f-org" value={draft.org ?? ''} onChange={(event) => choose({ org: event.target.value || undefined })}>
              <option value="">{t('any')}</option>
              <option value="none">{t('unassigned')}</option>
              {orgs.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="f-sort">{t('filterSort')}</label>
          <select id="f-sort" value={draft.sort ?? 'last_reported'} onChange={(event) => choose({ sort: event.target.value as CaseFilters['sort'] })}>
            {CASE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort_${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-buttons">
          <button type="submit" className="primary">
            {t('apply')}
          </button>
          <button type="button" className="secondary" onClick={() => navigate('#/cases')}>
            {t('reset')}
          </button>
        </div>
      </form>

      <div className="list-bar">
        <p role="status" className="muted">
          {list.loading && list.items.length === 0
            ? t('loading')
            : t(list.nextCursor ? 'casesShownMore' : 'casesShown', { count: formatNumber(lang, list.items.length) })}
        </p>
        <p className="exports">
          <span>{t('export')}</span>{' '}
          <a href={exportUrl('csv', filters)} download>
            {t('exportCsv')}
          </a>{' '}
          <a href={exportUrl('json', filters)} download>
            {t('exportJson')}
          </a>
        </p>
      </div>

      <ErrorMessage error={list.error} />

      {!list.loading && !list.error && list.items.length === 0 ? (
        <p className="empty">{t('noCases')}</p>
      ) : (
        list.items.length > 0 && <CaseTable items={list.items} />
      )}

      {list.nextCursor && (
        <p className="load-more">
          <button type="button" className="secondary" onClick={loadMore} disabled={list.loading}>
            {list.loading ? t('loading') : t('loadMore')}
          </button>
        </p>
      )}
    </>
  );
}

export function CaseTable({ items, caption }: { items: readonly CaseSummary[]; caption?: string }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="cases responsive">
        <caption className="visually-hidden">{caption ?? t('casesTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colSite')}</th>
            <th scope="col">{t('colSeller')}</th>
            <th scope="col">{t('colCategories')}</th>
            <th scope="col">{t('colRisk')}</th>
            <th scope="col" className="num">
              {t('colReports')}
            </th>
            <th scope="col">{t('colFirst')}</th>
            <th scope="col">{t('colLast')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colPriority')}</th>
            <th scope="col">{t('colOrg')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="title-cell">
                <a href={caseHref(item.id)} className="case-link">
                  {item.title || t('untitled')}
                </a>
              </th>
              <td data-label={t('colSite')} className="site">
                {item.site}
              </td>
              <td data-label={t('colSeller')} className="seller">{item.seller.name ?? item.seller.key ?? t('none')}</td>
              <td data-label={t('colCategories')}>
                {item.categories.length === 0 ? t('none') : item.categories.map((category) => categoryLabel(lang, category)).join(', ')}
              </td>
              <td data-label={t('colRisk')}>
                <RiskBadge level={item.riskLevel} />
              </td>
              <td data-label={t('colReports')} className="num">
                {formatNumber(lang, item.reportCount)}
              </td>
              <td data-label={t('colFirst')} className="nowrap">
                {formatDateTime(lang, item.firstReportedAt)}
              </td>
              <td data-label={t('colLast')} className="nowrap">
                {formatDateTime(lang, item.lastReportedAt)}
              </td>
              <td data-label={t('colStatus')}>
                <StatusBadge status={item.status} />
              </td>
              <td data-label={t('colPriority')}>
                <PriorityBadge priority={item.priority} />
              </td>
              <td data-label={t('colOrg')}>{item.assignedOrg?.name ?? <span className="muted">{t('unassigned')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
