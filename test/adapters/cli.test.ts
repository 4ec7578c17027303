// scripts/extract.ts end to end (spawned with tsx, as `npm run extract` does).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../contract/listing';
import { fixturesDir, projectRoot } from './helpers';

const run = promisify(execFile);
const tsx = path.join(projectRoot, 'node_modules/.bin/tsx');
async function extract(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/extract.ts', ...args], { cwd: projectRoot, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
const fx = (p: string) => path.join(fixturesDir, p);

describe('npm run extract', { timeout: 120_000 }, () => {
  it('prints one listing document from a URL + captured responses (buyer data stripped)', async () => {
    const r = await extract(
      '--url', 'https://shopee.vn/Ao-i.788908334.18364417343?sp_atk=1',
      '--html', fx('shopee/product-shell.html'),
      '--response', fx('shopee/get_pc-18364417343.json'),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kind: string; listing: unknown };
    expect(out.kind).toBe('listing');
    const listing = ListingSchema.parse(out.listing);
    expect(listing).toMatchObject({ listingKey: 'shopee.vn:788908334:18364417343', price: 99000, url: 'https://shopee.vn/Ao-i.788908334.18364417343' });
    expect(r.stdout).not.toContain('nguoi_mua_01');
  });

  it('prints search cards without DOM elements, and uses the generic adapter for schema.org pages', async () => {
    const [search, generic] = await Promise.all([
      extract('--url', 'https://www.lazada.vn/catalog/?q=x', '--html', fx('lazada/catalog.html'), '--response', fx('lazada/catalog-ajax.json')),
      extract('--url', 'https://www.maylocnuocabc.vn/may-loc-nuoc/karofi-kaq-u95', '--html', fx('generic/jsonld-price-conflict.html')),
    ]);
    expect(search.code).toBe(0);
    const cards = (JSON.parse(search.stdout) as { kind: string; cards: Record<string, unknown>[] }).cards;
    expect(cards).toHaveLength(3);
    expect(cards[0]).toEqual(expect.objectContaining({ itemId: '2412345678', shopId: '100234567' }));
    expect(cards[0]).not.toHaveProperty('element');
    expect(generic.code).toBe(0);
    expect(JSON.parse(generic.stdout)).toMatchObject({ kind: 'listing', listing: { site: 'generic', price: 9490000 } });
  });

  it('exits 2 with one line on stderr for unknown URLs and for input without a listing', async () => {
    const [unknown, empty, article] = await Promise.all([
      extract('--url', 'https://example.com/whatever'),
      extract('--url', 'https://shopee.vn/cart'),
      extract('--url', 'https://news.example.vn/bai-viet', '--html', fx('generic/not-a-product.html')),
    ]);
    for (const r of [unknown, empty, article]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(unknown.stderr).toContain('example.com');
  });
});
