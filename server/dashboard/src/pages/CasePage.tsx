import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api, type CaseDetail, type CaseNote, type CasePatch, type CaseReport, type CaseStatus, type CaseSummary, type Org, type Priority, type User } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { HistoryList } from '../components/History.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { PriorityBadge, RiskBadge, StatusBadge } from '../components/RiskBadge.tsx';
import { CASE_TRANSITIONS, needsReason, PRIORITIES } from '../constants.ts';
import { formatDateTime, formatMoney, formatNumber } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { categoryLabel, lookup, useI18n } from '../i18n.ts';
import { caseHref } from '../route.ts';

export function CasePage({ id, user, orgs }: { id: string; user: User; orgs: Org[] }) {
  const { t } = useI18n();
  const detail = useLoad(() => api.case(id), [id]);

  if (!detail.data) {
    return (
      <>
        <Breadcrumb />
        <PageTitle>{t('caseTitle')}</PageTitle>
        {detail.loading ? <p role="status">{t('loading')}</p> : <ErrorMessage error={detail.error} />}
      </>
    );
  }
  const data = detail.data;
  return (
    <>
      <Breadcrumb />
      <CaseHeader summary={data.case} />
      <ErrorMessage error={detail.error} />
      <div className="case-grid">
        <div className="case-main">
          <ListingFacts detail={data} />
          <RiskReasons reports={data.reports} />
          <Reports reports={data.reports} />
          <Notes caseId={data.case.id} notes={data.notes} onAdded={(note) => {
            detail.setData((current) => (current ? { ...current, notes: [...current.notes, note] } : current));
            detail.reload();
          }} />
        </div>
        <aside className="case-side" aria-label={t('actions')}>
          <CaseActions
            summary={data.case}
            orgs={orgs}
            user={user}
            onSaved={(updated) => {
              detail.setData((current) => (current ? { ...current, case: updated } : current));
              detail.reload();
            }}
          />
          {data.shop && <ShopListings shop={data.shop} />}
          <SellerCases cases={data.sellerCases} currentId={data.case.id} />
          <section className="panel" aria-labelledby="history-title">
            <h2 id="history-title">{t('history')}</h2>
            <HistoryList entries={data.history} orgs={orgs} />
          </section>
        </aside>
      </div>
    </>
  );
}

function Breadcrumb() {
  const { t } = useI18n();
  return (
    <p className="breadcrumb">
      <a href="#/cases">
        <span aria-hidden="true">← </span>
        {t('backToInbox')}
      </a>
    </p>
  );
}

function CaseHeader({ summary }: { summary: CaseSummary }) {
  const { t, lang } = useI18n();
  return (
    <header className="case-head">
      {summary.training && <p className="notice training-banner">{t('trainingCase')}</p>}
      <PageTitle>{summary.title || t('untitled')}</PageTitle>
      <p className="case-url">
        <ExternalLink href={summary.url}>{t('openListing')}</ExternalLink> <span className="url-text">{summary.url}</span>
      </p>
      <ul className="badges" aria-label={t('caseTitle')}>
        <li>
          <span className="badge-label">{t('colStatus')}:</span> <StatusBadge status={summary.status} />
        </li>
        <li>
          <span className="badge-label">{t('riskLevel')}:</span> <RiskBadge level={summary.riskLevel} />
        </li>
        <li>
          <span className="badge-label">{t('priority')}:</span> <PriorityBadge priority={summary.priority} />
        </li>
        <li className="badge">
          {t('colOrg')}: {summary.assignedOrg?.name ?? t('unassigned')}
        </li>
        <li className="badge">
          {t('reportCount')}: {formatNumber(lang, summary.reportCount)}
        </li>
        {summary.categories.map((category) => (
          <li key={category} className="badge category">
            {categoryLabel(lang, category)}
          </li>
        ))}
      </ul>
    </header>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function latest(reports: readonly CaseReport[]): CaseReport | undefined {
  return [...reports].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
}

function ListingFacts({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const listing = latest(detail.reports)?.listing;
  const summary = detail.case;
  const seller = listing?.seller;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts')}</h2>
      <dl className="facts">
        <Fact label={t('price')}>{formatMoney(lang, listing?.price, listing?.currency)}</Fact>
        {listing?.originalPrice !== undefined && <Fact label={t('originalPrice')}>{formatMoney(lang, listing.originalPrice, listing.currency)}</Fact>}
        {listing?.priceMin !== undefined && listing.priceMax !== undefined && (
          <Fact label={t('priceRange')}>
            {formatMoney(lang, listing.priceMin, listing.currency)} – {formatMoney(lang, listing.priceMax, listing.currency)}
          </Fact>
        )}
        <Fact label={t('seller')}>
          {seller?.name ?? summary.seller.name ?? summary.seller.key ?? t('none')}
          {seller?.url && (
            <>
              {' '}
              (<ExternalLink href={seller.url}>{t('sellerPage')}</ExternalLink>)
            </>
          )}
          {seller?.location ? ` · ${seller.location}` : ''}
        </Fact>
        <Fact label={t('site')}>{summary.site}</Fact>
        {listing?.brand && <Fact label={t('brand')}>{listing.brand}</Fact>}
        {listing?.location && <Fact label={t('location')}>{listing.location}</Fact>}
        {listing?.soldCount !== undefined && <Fact label={t('soldCount')}>{formatNumber(lang, listing.soldCount)}</Fact>}
        {listing?.categoryPath && listing.categoryPath.length > 0 && <Fact label={t('categoryPath')}>{listing.categoryPath.join(' › ')}</Fact>}
        <Fact label={t('firstReported')}>{formatDateTime(lang, summary.firstReportedAt)}</Fact>
        <Fact label={t('lastReported')}>{formatDateTime(lang, summary.lastReportedAt)}</Fact>
        <Fact label={t('listingKey')}>
          <code>{summary.listingKey}</code>
        </Fact>
        {listing && listing.images.length > 0 && (
          <Fact label={t('images')}>
            <ul className="inline-list">
              {listing.images.map((image, index) => (
                <li key={`${index}:${image}`}>
                  <ExternalLink href={image}>{t('imageN', { n: index + 1 })}</ExternalLink>
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </dl>
    </section>
  );
}

function RiskReasons({ reports }: { reports: readonly CaseReport[] }) {
  const { t, lang } = useI18n();
  // One entry per rule: the texts it matched (in whichever report and field) under one explanation.
  const hits = useMemo(() => {
    const byRule = new Map<string, { hit: Hit; matches: { text: string; field: string }[] }>();
    for (const report of reports) {
      for (const hit of report.assessment?.hits ?? []) {
        const entry = byRule.get(hit.ruleId) ?? { hit, matches: [] };
        byRule.set(hit.ruleId, entry);
        if (hit.text !== undefined && !entry.matches.some((match) => match.text === hit.text && match.field === hit.field)) {
          entry.matches.push({ text: hit.text, field: hit.field });
        }
      }
    }
    return [...byRule.values()];
  }, [reports]);
  return (
    <section className="panel" aria-labelledby="risk-title">
      <h2 id="risk-title">{t('riskReasons')}</h2>
      {hits.length === 0 ? (
        <p className="muted">{t('noRiskReasons')}</p>
      ) : (
        <>
          <p className="muted small">{t('riskDisclaimer')}</p>
          <ul className="hits">
            {hits.map(({ hit, matches }) => (
              <li key={hit.ruleId}>
                <span className="badge category">{categoryLabel(lang, hit.category)}</span>{' '}
                {matches.length > 0 && <span className="visually-hidden">{t('matchedText')}: </span>}
                {matches.map((match, index) => (
                  <span key={index} className="match">
                    <mark className="matched">{match.text}</mark>{' '}
                    <span className="muted small">{t('inField', { field: lookup(lang, `field_${match.field}`) ?? match.field })}</span>
                  </span>
                ))}
                <p className="hit-explanation">{hit.explanation[lang]}</p>
                {hit.legalRef && (
                  <p className="small">
                    <strong>{t('legalRef')}:</strong> {hit.legalRef}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type Hit = NonNullable<CaseReport['assessment']>['hits'][number];

function Reports({ reports }: { reports: readonly CaseReport[] }) {
  const { t, lang } = useI18n();
  const ordered = [...reports].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reports', { count: reports.length })}</h2>
      <p className="muted small">{t('listingAsReported')}</p>
      <div className="reports-row" role="region" aria-labelledby="reports-title" tabIndex={0}>
        {ordered.map((report, index) => (
          <article key={report.id} className="report-card" aria-labelledby={`report-${report.id}`}>
            <h3 id={`report-${report.id}`}>{t('reportN', { n: index + 1 })}</h3>
            <dl className="facts compact">
              <Fact label={t('receivedAt')}>{formatDateTime(lang, report.receivedAt)}</Fact>
              <Fact label={t('capturedAt')}>{formatDateTime(lang, report.capturedAt)}</Fact>
              <Fact label={t('reporterRole')}>{lookup(lang, `reporter_${report.reporterRole}`) ?? report.reporterRole}</Fact>
              <Fact label={t('category')}>{categoryLabel(lang, report.category)}</Fact>
              <Fact label={t('title')}>{report.listing.title ?? t('none')}</Fact>
              <Fact label={t('price')}>{formatMoney(lang, report.listing.price, report.listing.currency)}</Fact>
              <Fact label={t('listingUrl')}>
                <ExternalLink href={report.listing.url} className="break">
                  {report.listing.url}
                </ExternalLink>
              </Fact>
              {report.assessment && (
                <Fact label={t('riskLevel')}>
                  <RiskBadge level={report.assessment.level} />
                </Fact>
              )}
              {report.note && (
                <Fact label={t('note')}>
                  <span className="pre">{report.note}</span>
                </Fact>
              )}
              {report.contact && (report.contact.name || report.contact.phone || report.contact.email) && (
                <Fact label={t('contact')}>
                  {[report.contact.name, report.contact.phone, report.contact.email].filter(Boolean).join(' · ')}
                </Fact>
              )}
            </dl>
            {report.listing.description && (
              <details>
                <summary>{t('description')}</summary>
                <p className="pre">{report.listing.description}</p>
              </details>
            )}
            {report.evidence && <Evidence evidence={report.evidence} reportId={report.id} />}
          </article>
        ))}
      </div>
    </section>
  );
}

type EvidenceSummary = NonNullable<CaseReport['evidence']>;

const evidencePath = (evidence: EvidenceSummary, tail: string) => `/v1/evidence/${encodeURIComponent(evidence.manifestSha256)}/${tail}`;

/** A report's evidence: each file with its upload progress, the screenshot, and the verifiable bundle once complete. */
function Evidence({ evidence, reportId }: { evidence: EvidenceSummary; reportId: string }) {
  const { t, lang } = useI18n();
  // abandoned: the hotline deleted the bytes it had received; only the manifest and the progress remain
  const available = !evidence.abandoned;
  const screenshot = evidence.files.find((file) => available && file.complete && (file.mediaType === 'image/png' || file.mediaType === 'image/jpeg') && file.role === 'screenshot');
  return (
    <section className="evidence" aria-labelledby={`evidence-${reportId}`}>
      <h4 id={`evidence-${reportId}`}>
        {t('evidence')}{' '}
        <span className={`badge ${evidence.complete && available ? 'evidence-complete' : 'evidence-partial'}`}>
          {evidence.abandoned ? t('evidenceAbandoned') : evidence.complete ? t('evidenceComplete') : t('evidencePartial')}
        </span>
        {evidence.countersigned && <span className="badge evidence-complete">{t('evidenceCountersigned')}</span>}
      </h4>
      {screenshot && (
        <a href={evidencePath(evidence, `files/${encodeURIComponent(screenshot.name)}`)} target="_blank" rel="noopener noreferrer">
          <img className="evidence-preview" src={evidencePath(evidence, `files/${encodeURIComponent(screenshot.name)}`)} alt={t('evidenceScreenshot')} loading="lazy" />
        </a>
      )}
      {evidence.abandoned && <p className="muted small">{t('evidenceAbandonedHint')}</p>}
      <ul className="evidence-files" aria-label={t('evidenceFiles')}>
        {evidence.files.map((file) => (
          <li key={file.name}>
            {file.complete && available ? (
              <a href={evidencePath(evidence, `files/${encodeURIComponent(file.name)}`)} download={file.name} title={t('evidenceFileDownload')}>
                {file.name}
              </a>
            ) : (
              <span>{file.name}</span>
            )}{' '}
            <span className="muted small">
              {file.role} · {file.complete ? `${formatNumber(lang, file.size)} B` : t('evidenceReceived', { received: formatNumber(lang, file.received), size: formatNumber(lang, file.size) })}
            </span>
          </li>
        ))}
      </ul>
      {evidence.complete && available && (
        <p>
          <a className="button" href={evidencePath(evidence, 'bundle.zip')} download>
            {t('evidenceBundle')}
          </a>{' '}
          <span className="muted small">{t('evidenceBundleHint')}</span>
        </p>
      )}
    </section>
  );
}

function CaseActions({ summary, orgs, user, onSaved }: { summary: CaseSummary; orgs: Org[]; user: User; onSaved(updated: CaseSummary): void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<CaseStatus>(summary.status);
  const [orgId, setOrgId] = useState(summary.assignedOrg?.id ?? '');
  const [priority, setPriority] = useState<Priority>(summary.priority);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');

  // After a save (or a reload showing someone else's change) the form starts again from the case as it now is.
  useEffect(() => {
    setStatus(summary.status);
    setOrgId(summary.assignedOrg?.id ?? '');
    setPriority(summary.priority);
  }, [summary.status, summary.priority, summary.assignedOrg?.id]);

  const reasonNeeded = needsReason(summary.status, status);
  const allOrgs = summary.assignedOrg && !orgs.some((org) => org.id === summary.assignedOrg?.id) ? [...orgs, { ...summary.assignedOrg }] : orgs;
  // Inspectors work inside their own organisation: assignment belongs to triagers and admins.
  const canAssign = user.role === 'admin' || user.role === 'triager';

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setMessage('');
    const patch: CasePatch = {};
    if (status !== summary.status) patch.status = status;
    if (orgId !== (summary.assignedOrg?.id ?? '')) patch.assignedOrg = orgId || null;
    if (priority !== summary.priority) patch.priority = priority;
    if (reason.trim()) patch.reason = reason.trim();
    if (patch.status === undefined && patch.assignedOrg === undefined && patch.priority === undefined) {
      setMessage(t('nothingToSave'));
      return;
    }
    setBusy(true);
    try {
      const updated = await api.patchCase(summary.id, patch);
      setMessage(t('saved'));
      setReason('');
      onSaved(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions')}</h2>
      <form onSubmit={save} className="stack">
        <label htmlFor="case-status">{t('newStatus')}</label>
        <select id="case-status" value={status} onChange={(event) => setStatus(event.target.value as CaseStatus)}>
          <option value={summary.status}>{t('keepStatus', { status: t(`status_${summary.status}`) })}</option>
          {CASE_TRANSITIONS[summary.status].map((next) => (
            <option key={next} value={next}>
              {t(`status_${next}`)}
            </option>
          ))}
        </select>
        {reasonNeeded && (
          <>
            <label htmlFor="case-reason">
              {t('reason')} <span aria-hidden="true">*</span>
            </label>
            <textarea
              id="case-reason"
              required
              aria-required="true"
              aria-describedby="case-reason-help"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id="case-reason-help" className="muted small">
              {t('reasonHelp')}
            </p>
          </>
        )}
        <label htmlFor="case-org">{t('assignedOrg')}</label>
        <select id="case-org" value={orgId} disabled={!canAssign} onChange={(event) => setOrgId(event.target.value)}>
          <option value="">{t('unassigned')}</option>
          {allOrgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
        <label htmlFor="case-priority">{t('priority')}</label>
        <select id="case-priority" value={priority} onChange={(event) => setPriority(event.target.value as Priority)}>
          {PRIORITIES.map((value) => (
            <option key={value} value={value}>
              {t(`priority_${value}`)}
            </option>
          ))}
        </select>
        <ErrorMessage error={error} />
        <p role="status" className="saved-message">
          {message}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
      </form>
    </section>
  );
}

/** A shop-level case: the shop's listings its reports named, each linked to its own case when it has one. */
function ShopListings({ shop }: { shop: NonNullable<CaseDetail['shop']> }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="shop-listings-title">
      <h2 id="shop-listings-title">{t('shopListings', { count: shop.listings.length })}</h2>
      <p className="small">
        <ExternalLink href={shop.url}>{shop.name || shop.shopId}</ExternalLink>
      </p>
      <ul className="seller-cases">
        {shop.listings.map((item) => (
          <li key={item.listingKey}>
            {item.case ? <a href={caseHref(item.case.id)}>{item.case.title || item.listingKey}</a> : <span>{item.listingKey}</span>}
            <div className="small">
              {item.case ? (
                <>
                  <StatusBadge status={item.case.status} /> <RiskBadge level={item.case.riskLevel} />
                </>
              ) : (
                <span className="muted">{t('shopListingNoCase')}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SellerCases({ cases, currentId }: { cases: readonly CaseSummary[]; currentId: string }) {
  const { t, lang } = useI18n();
  const others = cases.filter((item) => item.id !== currentId);
  return (
    <section className="panel" aria-labelledby="seller-cases-title">
      <h2 id="seller-cases-title">{t('sellerCases')}</h2>
      {others.length === 0 ? (
        <p className="muted">{t('noSellerCases')}</p>
      ) : (
        <ul className="seller-cases">
          {others.map((item) => (
            <li key={item.id}>
              <a href={caseHref(item.id)}>{item.title || t('untitled')}</a>
              <div className="small">
                <StatusBadge status={item.status} /> <RiskBadge level={item.riskLevel} /> · {t('reportCount')}: {formatNumber(lang, item.reportCount)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Notes({ caseId, notes, onAdded }: { caseId: string; notes: readonly CaseNote[]; onAdded(note: CaseNote): void }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      const note = await api.addNote(caseId, body.trim());
      setBody('');
      setMessage(t('noteAdded'));
      onAdded(note);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes')}</h2>
      {notes.length === 0 ? (
        <p className="muted">{t('noNotes')}</p>
      ) : (
        <ol className="notes">
          {notes.map((note) => (
            <li key={note.id}>
              <div className="muted small">
                <strong>{note.author.name}</strong> ({note.author.orgName}) · <time dateTime={note.createdAt}>{formatDateTime(lang, note.createdAt)}</time>
              </div>
              <p className="pre">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="stack">
        <label htmlFor="note-body">{t('noteBody')}</label>
        <textarea id="note-body" rows={3} maxLength={10_000} required value={body} onChange={(event) => setBody(event.target.value)} />
        <ErrorMessage error={error} />
        <p role="status" className="saved-message">
          {message}
        </p>
        <button type="submit" className="secondary" disabled={busy || !body.trim()}>
          {busy ? t('saving') : t('addNote')}
        </button>
      </form>
    </section>
  );
}
