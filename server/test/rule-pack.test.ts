import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, DEFAULT_PACK_JSON } from '../../utils/risk/index.ts';
import { StartupError } from '../src/db.ts';
import { loadPublishedRulePack } from '../src/rule-pack.ts';
import { rulePackRoutes } from '../src/routes/rule-pack.ts';
import { startServer } from '../src/server.ts';

type PackJson = { version: string; description?: string; rules: { id: string; regexes?: { source: string }[]; explanation: { vi: string; en: string } }[] };
const copy = () => JSON.parse(JSON.stringify(DEFAULT_PACK_JSON)) as PackJson;

describe('the published rule pack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotline-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, pack: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(pack));
    return file;
  };
  const slowPack = () => {
    const pack = copy();
    pack.rules[0]!.regexes = [{ source: '.{0,50}.{0,50}.{0,50}x' }];
    return pack;
  };

  it('refuses to start with a regex whose neighbouring repeats backtrack for seconds', async () => {
    const pack = slowPack();
    const loading = loadPublishedRulePack(write('slow-regex.json', pack));
    await expect(loading).rejects.toBeInstanceOf(StartupError);
    await expect(loading).rejects.toThrow(new RegExp(`${pack.rules[0]!.id.replace(/\./g, '\\.')}: rules\\.0\\.regexes\\.0\\.source regex refused: neighbouring repeats`));
  });

  it('the server itself does not start with that pack in HOTLINE_RULE_PACK', async () => {
    const starting = startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dir, HOTLINE_BODY_LIMIT: 1 << 20, HOTLINE_RULE_PACK: write('slow-env.json', slowPack()) }, { inMemory: true });
    await expect(starting).rejects.toThrow(/regex refused: neighbouring repeats/);
  });

  it('tags the pack with a SHA-256 of its content, so a change without a version bump is a new ETag', async () => {
    const shipped = await loadPublishedRulePack(undefined);
    expect(shipped.etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    // the same content, keys reordered and written to a file: the same pack, the same ETag
    const reordered = Object.fromEntries(Object.entries(copy()).reverse());
    expect((await loadPublishedRulePack(write('same.json', reordered))).etag).toBe(shipped.etag);
    // one explanation reworded, version unchanged: a different ETag
    const edited = copy();
    edited.rules[0]!.explanation.en += ' (reworded)';
    const changed = await loadPublishedRulePack(write('edited.json', edited));
    expect(changed.version).toBe(shipped.version);
    expect(changed.etag).not.toBe(shipped.etag);
  });

  it('answers 304 to its own ETag (also in a list of ETags) and 200 with the new ETag otherwise', async () => {
    const published = await loadPublishedRulePack(undefined);
    const router = rulePackRoutes(published);
    const fresh = await router.request('/v1/rule-pack');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe(published.etag);
    expect(canonicalJson(await fresh.json())).toBe(canonicalJson(DEFAULT_PACK_JSON));
    expect((await router.request('/v1/rule-pack', { headers: { 'if-none-match': published.etag } })).status).toBe(304);
    expect((await router.request('/v1/rule-pack', { headers: { 'if-none-match': `"sha256-old", ${published.etag}` } })).status).toBe(304);
    expect((await router.request('/v1/rule-pack', { headers: { 'if-none-match': '"vn-marketplace-default@1.7.0"' } })).status).toBe(200);
  });
});
