import type { CaseSummary } from '../../../contract/backoffice.ts';

export const CSV_COLUMNS = [
  'id',
  'listingKey',
  'site',
  'title',
  'url',
  'sellerKey',
  'sellerName',
  'categories',
  'riskLevel',
  'reportCount',
  'firstReportedAt',
  'lastReportedAt',
  'status',
  'priority',
  'assignedOrgId',
  'assignedOrgName',
] as const;

/**
 * One CSV cell. Titles come from marketplace pages (hostile): a leading = + - @ would run as a formula when an
 * agency opens the file in Excel, so such cells get a leading apostrophe (OWASP's CSV-injection advice).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(item: CaseSummary): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    id: item.id,
    listingKey: item.listingKey,
    site: item.site,
    title: item.title,
    url: item.url,
    sellerKey: item.seller.key,
    sellerName: item.seller.name,
    categories: item.categories.join(';'),
    riskLevel: item.riskLevel,
    reportCount: item.reportCount,
    firstReportedAt: item.firstReportedAt,
    lastReportedAt: item.lastReportedAt,
    status: item.status,
    priority: item.priority,
    assignedOrgId: item.assignedOrg?.id ?? null,
    assignedOrgName: item.assignedOrg?.name ?? null,
  };
  return `${CSV_COLUMNS.map((column) => csvCell(values[column])).join(',')}\r\n`;
}

/**
 * Streams pages of cases as CSV (UTF-8 with BOM, so Excel shows Vietnamese) or as one JSON array. The first page is
 * read before the response starts, so a query the database refuses is an ordinary error answer, not a cut stream.
 */
export async function exportStream(pages: AsyncGenerator<CaseSummary[]>, format: 'csv' | 'json'): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const firstPage = await pages.next();
  let pending: IteratorResult<CaseSummary[]> | undefined = firstPage;
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === 'csv' ? `\uFEFF${CSV_COLUMNS.join(',')}\r\n` : '['));
        return;
      }
      // The embedded database answers without real I/O: yield to the event loop between pages so the socket
      // drains (backpressure holds) and other requests are served while a long export runs.
      await new Promise((resolve) => setImmediate(resolve));
      const next = pending ?? (await pages.next());
      pending = undefined;
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(']\n'));
        controller.close();
        return;
      }
      let chunk = '';
      for (const item of next.value) {
        if (format === 'csv') chunk += csvRow(item);
        else {
          chunk += `${first ? '' : ','}\n${JSON.stringify(item)}`;
          first = false;
        }
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
