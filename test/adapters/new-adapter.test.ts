// The scaffold (npm run new-adapter) must produce a site that works as written: the generated adapter, loaded
// through the generated registry line, reads the generated fixture exactly as its generated case expects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportNameFor, fileNameFor, registerIn, scaffoldAdapter } from '../../scripts/new-adapter';
import { ctxFor, expectValidListing, projectRoot, type CaseFile } from './helpers';
import type { SiteAdapter } from '../../utils/adapters/types';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A throwaway copy of what an adapter compiles against: the adapters and the contract. */
function copyProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-adapter-'));
  roots.push(root);
  for (const dir of ['utils/adapters', 'contract']) fs.cpSync(path.join(projectRoot, dir), path.join(root, dir), { recursive: true });
  fs.mkdirSync(path.join(root, 'test/fixtures'), { recursive: true });
  return root;
}

describe('npm run new-adapter', () => {
  it('writes an adapter, fixtures and a registry entry that pass the generated case', async () => {
    const root = copyProject();
    const written = scaffoldAdapter({ id: 'dienmayxanh.com', name: 'Điện Máy Xanh', host: 'www.dienmayxanh.com', root });
    expect(written.map((file) => path.relative(root, file))).toEqual([
      'utils/adapters/sites/dienmayxanh-com.ts',
      'test/fixtures/dienmayxanh-com/product.html',
      'test/fixtures/dienmayxanh-com/cases.json',
      'utils/adapters/registry.ts',
    ]);
    const registry = (await import(/* @vite-ignore */ path.join(root, 'utils/adapters/registry.ts'))) as { SITE_ADAPTERS: SiteAdapter[]; pickAdapter(url: URL): SiteAdapter | undefined };
    const adapter = registry.SITE_ADAPTERS.find((a) => a.id === 'dienmayxanh.com');
    expect(adapter).toBeDefined();
    const cases = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/dienmayxanh-com/cases.json'), 'utf8')) as CaseFile;
    const html = fs.readFileSync(path.join(root, 'test/fixtures/dienmayxanh-com/product.html'), 'utf8');
    for (const c of cases.cases) {
      const ctx = ctxFor(c.url, c.html ? html : undefined);
      expect(registry.pickAdapter(ctx.url)?.id).toBe('dienmayxanh.com');
      expect(adapter!.detect(ctx)).toBe(c.expect.kind);
      if (c.expect.kind !== 'listing') continue;
      const listing = expectValidListing(adapter!.extract(ctx));
      expect(listing).toMatchObject(c.expect.fields!);
      for (const [field, source] of Object.entries(c.expect.provenance ?? {})) expect(listing.provenance[field as keyof typeof listing.provenance]?.source).toBe(source);
    }
  });

  it('refuses to overwrite a site and bad arguments', () => {
    const root = copyProject();
    scaffoldAdapter({ id: 'example.vn', name: 'Example', host: 'example.vn', root });
    expect(() => scaffoldAdapter({ id: 'example.vn', name: 'Example', host: 'example.vn', root })).toThrow(/exists already/);
    expect(() => scaffoldAdapter({ id: 'Bad Id', name: 'x', host: 'x.vn', root })).toThrow(/--id/);
    expect(() => scaffoldAdapter({ id: 'ok.vn', name: 'x', host: 'https://x.vn/', root })).toThrow(/--host/);
  });

  it('names exports and files from the id, and appends to the registry list', () => {
    expect(exportNameFor('dienmayxanh.com')).toBe('dienmayxanhCom');
    expect(exportNameFor('24hstore.vn')).toBe('site24hstoreVn');
    expect(fileNameFor('a.b-c.vn')).toBe('a-b-c-vn');
    const before = "import { a } from './sites/a';\nimport type { SiteAdapter } from './types';\n\nexport const SITE_ADAPTERS: readonly SiteAdapter[] = [a];\n";
    expect(registerIn(before, 'bVn', 'b-vn')).toBe(
      "import { a } from './sites/a';\nimport type { SiteAdapter } from './types';\nimport { bVn } from './sites/b-vn';\n\nexport const SITE_ADAPTERS: readonly SiteAdapter[] = [a, bVn];\n",
    );
  });
});
