// Test helpers for the marketplace adapters: fixture loading and page contexts (happy-dom, the same
// DOM library the CLI and the benchmark use).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ListingSchema, PROVENANCE_SOURCES } from '../../contract/listing';
import { emptyDocument, parseHtml } from '../../utils/adapters/node-dom';
import type { Listing, ObservedResponse, PageContext } from '../../utils/adapters/types';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(projectRoot, 'test/fixtures');
/** Fixture folders, discovered (test/fixtures/<site>/cases.json): nothing is listed by hand. */
export const SITE_DIRS: readonly string[] = fs
  .readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(fixturesDir, d.name, 'cases.json')))
  .map((d) => d.name)
  .sort();

export interface CaseExpect {
  kind: 'listing' | 'search' | 'none';
  fields?: Record<string, unknown>;
  provenance?: Record<string, string>;
  alternatives?: Record<string, { source: string; value: unknown }[]>;
  absent?: string[];
  absentText?: string[];
  count?: number;
  cards?: Record<string, unknown>[];
}
export interface FixtureCase {
  name: string;
  url: string;
  html?: string;
  responses?: string[];
  generic?: boolean;
  expect: CaseExpect;
}
export interface CaseFile {
  adapter: string;
  cases: FixtureCase[];
}

export function loadCases(site: string): CaseFile {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, site, 'cases.json'), 'utf8')) as CaseFile;
}

export function readFixture(site: string, file: string): string {
  return fs.readFileSync(path.join(fixturesDir, site, file), 'utf8');
}

export function ctxFor(url: string, html?: string, responses: ObservedResponse[] = []): PageContext {
  return { url: new URL(url), document: html === undefined ? emptyDocument() : parseHtml(html), responses };
}

export function caseContext(site: string, c: FixtureCase): PageContext {
  const responses = (c.responses ?? []).map((f) => JSON.parse(readFixture(site, f)) as ObservedResponse);
  return ctxFor(c.url, c.html ? readFixture(site, c.html) : undefined, responses);
}

/** Every Listing an adapter returns must satisfy the shared contract. */
export function expectValidListing(listing: Listing | undefined): Listing {
  expect(listing).toBeDefined();
  const parsed = ListingSchema.safeParse(listing);
  if (!parsed.success) throw new Error('ListingSchema: ' + JSON.stringify(parsed.error.issues.slice(0, 5)));
  for (const [field, entry] of Object.entries(listing!.provenance)) {
    expect(PROVENANCE_SOURCES).toContain(entry!.source);
    expect(listing).toHaveProperty(field);
    for (const alt of entry!.alternatives ?? []) expect(PROVENANCE_SOURCES).toContain(alt.source);
  }
  // every present field says where it came from
  for (const field of Object.keys(listing!)) {
    if (['site', 'listingKey', 'url', 'provenance'].includes(field)) continue;
    if (field === 'images' && listing!.images.length === 0) continue;
    expect(listing!.provenance, `provenance for ${field}`).toHaveProperty(field);
  }
  return listing!;
}
