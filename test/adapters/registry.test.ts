// Registry conventions, discovered rather than listed: every file in utils/adapters/sites/ is a
// registered adapter made by defineAdapter; every adapter has fixtures and cases covering its page
// kinds; every declared observe filter is reachable through the real observer's matches and filter;
// and no site knowledge (host names, API paths) is written outside the adapters.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVENANCE_SOURCES } from '../../contract/listing';
import { MARKETPLACE_MATCHES, OBSERVER_MATCHES } from '../../utils/hosts';
import { ALL_ADAPTERS, SITE_ADAPTERS, genericAdapter, isDefinedAdapter, isValidMatchPattern, matchesPattern, pickAdapter } from '../../utils/adapters/index';
import { anyAdapterObserves, siteMatches } from '../../utils/adapters/observe-rules';
import type { SiteAdapter } from '../../utils/adapters/types';
import { fixturesDir, loadCases, projectRoot, SITE_DIRS, type FixtureCase } from './helpers';

const siteModules = import.meta.glob<Record<string, unknown>>('../../utils/adapters/sites/*.ts', { eager: true });
const casesById = new Map(SITE_DIRS.map((d) => [loadCases(d).adapter, { dir: d, cases: loadCases(d).cases }]));
const readResponseUrl = (dir: string, file: string) => (JSON.parse(fs.readFileSync(path.join(fixturesDir, dir, file), 'utf8')) as { url: string }).url;

describe('adapter registry', () => {
  it('registers every adapter file in utils/adapters/sites/, each made by defineAdapter', () => {
    const files = fs.readdirSync(path.join(projectRoot, 'utils/adapters/sites')).filter((f) => f.endsWith('.ts'));
    expect(Object.keys(siteModules)).toHaveLength(files.length);
    for (const [file, mod] of Object.entries(siteModules)) {
      const exported = Object.values(mod).filter((v): v is SiteAdapter => typeof v === 'object' && v !== null && 'detect' in v && 'matches' in v);
      expect(exported, `${file} exports one adapter`).toHaveLength(1);
      expect(ALL_ADAPTERS, `${file} is in the registry (utils/adapters/registry.ts)`).toContain(exported[0]);
      expect(isDefinedAdapter(exported[0]!), `${file} uses defineAdapter`).toBe(true);
    }
    expect(ALL_ADAPTERS).toHaveLength(files.length);
  });

  it('has unique ids and names', () => {
    const ids = ALL_ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ALL_ADAPTERS.map((a) => a.name)).size).toBe(ids.length);
    expect(ALL_ADAPTERS.at(-1)).toBe(genericAdapter);
    expect(SITE_ADAPTERS).not.toContain(genericAdapter);
  });

  it('uses valid WebExtension match patterns', () => {
    for (const a of ALL_ADAPTERS) {
      expect(a.matches.length, a.id).toBeGreaterThan(0);
      for (const p of a.matches) expect(isValidMatchPattern(p), `${a.id}: ${p}`).toBe(true);
    }
    expect(isValidMatchPattern('https://shopee.vn')).toBe(false);
    expect(isValidMatchPattern('shopee.vn/*')).toBe(false);
    expect(isValidMatchPattern('https://*shopee.vn/*')).toBe(false);
  });

  it('the manifest hosts are the adapters\' matches, and every case URL of a site adapter is covered', () => {
    expect([...MARKETPLACE_MATCHES]).toEqual(siteMatches());
    for (const a of SITE_ADAPTERS) {
      for (const c of casesById.get(a.id)!.cases) {
        const url = new URL(c.url);
        expect(MARKETPLACE_MATCHES.some((p) => matchesPattern(p, url)), `${a.id}: ${c.url}`).toBe(true);
        expect(pickAdapter(url)?.id, c.url).toBe(a.id);
      }
    }
  });

  it('picks adapters by URL, undefined for unknown hosts', () => {
    const pick = (u: string) => pickAdapter(new URL(u))?.id;
    expect(pick('https://mall.shopee.vn/x')).toBe('shopee.vn');
    expect(pick('https://nha.chotot.com/x/123456.htm')).toBe('chotot.com');
    expect(pick('https://www.tiktok.com/@someone/video/1')).toBeUndefined();
    expect(pick('https://www.facebook.com/groups/123')).toBeUndefined();
    expect(pick('https://evilshopee.vn/x')).toBeUndefined();
    expect(pick('https://shopee.vn.evil.com/x')).toBeUndefined();
    expect(pick('https://www.dienmayxanh.com/x')).toBeUndefined();
  });

  it('declares key shape, resolution order from the contract sources, and URL parsing', () => {
    for (const a of ALL_ADAPTERS) {
      expect(typeof a.keyIncludesShop).toBe('boolean');
      expect(new Set(a.order).size).toBe(a.order.length);
      for (const s of a.order) expect(PROVENANCE_SOURCES).toContain(s);
      expect(a.parseUrl(new URL('https://example.com/')).kind).toBe('none');
    }
  });

  it('observes only the page API responses it uses', () => {
    const shopee = pickAdapter(new URL('https://shopee.vn/'))!;
    expect(shopee.observeResponse!(new URL('https://shopee.vn/api/v4/pdp/get_pc?item_id=1&shop_id=2'))).toBe(true);
    expect(shopee.observeResponse!(new URL('https://shopee.vn/api/v4/search/search_items?keyword=x'))).toBe(true);
    expect(shopee.observeResponse!(new URL('https://shopee.vn/api/v4/account/basic/get_account_info'))).toBe(false);
    expect(shopee.observeResponse!(new URL('https://evil.example/api/v4/pdp/get_pc'))).toBe(false);
    expect(shopee.observeResponse!(new URL('http://shopee.vn/api/v4/pdp/get_pc'))).toBe(false);
  });

  it('every adapter has fixtures and test cases covering its page kinds and its observed responses', () => {
    for (const a of ALL_ADAPTERS) {
      const entry = casesById.get(a.id);
      expect(entry, `test/fixtures/<site>/cases.json for ${a.id}`).toBeDefined();
      const { dir, cases } = entry!;
      expect(cases.some((c) => c.expect.kind === 'listing'), `${a.id} listing case`).toBe(true);
      if (a.findCards) expect(cases.some((c) => c.expect.kind === 'search' && c.html), `${a.id} search case`).toBe(true);
      if (a.cardsFromResponses) expect(cases.some((c) => c.expect.kind === 'search' && !c.html && c.responses?.length), `${a.id} search case from responses alone`).toBe(true);
      if (a.observe) expect(cases.some((c) => c.responses?.length), `${a.id} case with observed responses`).toBe(true);
      for (const c of cases) {
        for (const f of [c.html, ...(c.responses ?? [])].filter(Boolean)) {
          expect(fs.existsSync(path.join(fixturesDir, dir, f!)), `${dir}/${f}`).toBe(true);
        }
      }
    }
  });

  it('every observed response in the cases is reachable: the observer runs on the case page and its filter and the adapter accept the request', () => {
    let checked = 0;
    for (const a of SITE_ADAPTERS) {
      for (const c of casesById.get(a.id)!.cases as FixtureCase[]) {
        for (const file of c.responses ?? []) {
          const request = new URL(readResponseUrl(casesById.get(a.id)!.dir, file));
          expect(OBSERVER_MATCHES.some((p) => matchesPattern(p, new URL(c.url))), `observer runs on ${c.url}`).toBe(true);
          expect(anyAdapterObserves(request), `main-world filter copies ${request.href}`).toBe(true);
          expect(a.observeResponse?.(request), `${a.id} accepts ${request.href}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('site knowledge lives in the adapters only', () => {
  // Files that derive from the registry: a marketplace host name or API path written here means a
  // site's knowledge was added in the wrong place.
  const DERIVED = [
    'utils/hosts.ts', 'wxt.config.ts', 'entrypoints/response-observer.content.ts', 'entrypoints/marketplace.content/index.ts',
    'utils/content/response-observer.ts', 'utils/content/observed-buffer.ts', 'utils/content/page-session.ts',
    'utils/adapters/sanitize.ts', 'utils/adapters/observe-rules.ts', 'utils/adapters/define-adapter.ts', 'utils/adapters/registry.ts',
    'utils/adapters/card-tracker.ts', 'utils/adapters/index.ts', 'utils/evidence/buyer-chrome.ts', 'utils/evidence/page-responder.ts',
  ];
  const siteDomains = [...new Set(SITE_ADAPTERS.flatMap((a) => [...a.matches, ...(a.observe?.origins ?? [])]).map((p) => new URL(p.replace('*.', '')).hostname.split('.').slice(-2).join('.')))];

  it('names no marketplace host and no API path outside utils/adapters/sites/', () => {
    expect(siteDomains.length).toBeGreaterThanOrEqual(SITE_ADAPTERS.length);
    for (const file of DERIVED) {
      const text = fs.readFileSync(path.join(projectRoot, file), 'utf8');
      for (const domain of siteDomains) expect(text.includes(domain), `${file} names ${domain}`).toBe(false);
      expect(/['"`/]\/?api\/|\\\/api\\\//.test(text), `${file} names an API path`).toBe(false);
    }
  });
});
