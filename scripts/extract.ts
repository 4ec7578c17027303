// Extract a listing (or search cards) from a saved page and/or captured API responses.
//
//   npm run extract -- --url <page url> [--html <saved page>] [--response <captured response>]...
//
// Prints one JSON document to stdout: {"kind":"listing","listing":{…}} or {"kind":"search","cards":[…]}.
// A captured response file is {"url": "<request url>", "body": <JSON>}, the shape the extension keeps;
// it goes through the same sanitizer (buyer data stripped, size capped) before use.
// Without --html the page is an empty document, so URL facts and responses still work. The generic
// (schema.org/OpenGraph) adapter is used when no site adapter knows the URL and the page carries
// product data. Exit codes: 0 ok · 2 unknown URL or no listing in the input (one line on stderr) ·
// 1 bad arguments or unreadable input.
// DOM: happy-dom (utils/adapters/node-dom.ts), the same as the tests and the benchmark.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ListingSchema } from '../contract/listing';
import { analyzePage, sanitizeObservedResponse, type ObservedResponse } from '../utils/adapters/index';
import { closeDom, emptyDocument, parseHtml } from '../utils/adapters/node-dom';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

class CliError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

function readText(file: string, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`cannot read ${what} file: ${file}`, 1);
  }
  if (stat.size > MAX_FILE_BYTES) throw new CliError(`${what} file is larger than 50 MB: ${file}`, 1);
  return fs.readFileSync(file, 'utf8');
}

function readResponse(file: string): ObservedResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file, 'response'));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`response file is not JSON: ${file}`, 1);
  }
  const r = parsed as { url?: unknown; body?: unknown };
  if (!r || typeof r !== 'object' || typeof r.url !== 'string' || !('body' in r)) {
    throw new CliError(`response file must be {"url": "<request url>", "body": <JSON>}: ${file}`, 1);
  }
  const clean = sanitizeObservedResponse({ url: r.url, body: r.body });
  if (!clean) throw new CliError(`response file has no usable http(s) url or JSON body: ${file}`, 1);
  return clean;
}

async function main(argv: string[]): Promise<void> {
  let values: { url?: string; html?: string; response?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        html: { type: 'string' },
        response: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  if (values.help) {
    process.stdout.write('usage: npm run extract -- --url <page url> [--html <saved page>] [--response <captured response>]...\n');
    return;
  }
  if (!values.url) throw new CliError('missing --url <page url>', 1);
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new CliError(`not a URL: ${values.url}`, 1);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`not an http(s) URL: ${values.url}`, 1);
  const document = values.html ? parseHtml(readText(values.html, 'html')) : emptyDocument();
  const responses = (values.response ?? []).map(readResponse);

  const result = analyzePage({ url, document, responses }, { allowGeneric: true });
  if (result.kind === 'none') {
    throw new CliError(
      result.reason === 'unknown-site'
        ? `no adapter knows ${url.hostname} and the page has no schema.org/OpenGraph product data`
        : `no listing or search results found for ${url.href} (${result.adapter?.id ?? 'unknown'} adapter)`,
      2,
    );
  }
  if (result.kind === 'listing') {
    const listing = ListingSchema.parse(result.listing); // contract check: a bug here is exit 1
    process.stdout.write(JSON.stringify({ kind: 'listing', listing }, null, 2) + '\n');
  } else {
    const cards = result.cards.map(({ element: _element, ...card }) => card);
    process.stdout.write(JSON.stringify({ kind: 'search', cards }, null, 2) + '\n');
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  const code = e instanceof CliError ? e.code : 1;
  process.stderr.write(`extract: ${(e as Error).message.split('\n')[0]}\n`);
  process.exitCode = code;
} finally {
  await closeDom();
}
