import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/server';
import { createRiskService } from '../../utils/background/risk-service';
import { DEFAULT_PACK_JSON } from '../../utils/risk/index';

interface PackJson {
  packId: string;
  version: string;
  rules: { id: string; category: string; weight: number; phrases?: string[]; examples?: { flag: string[]; pass: string[] } }[];
}

const CONTRABAND = 'Bán xyzzy-contraband giao ngay';
/** The shipped pack, one version on, with one more rule: what a hotline would publish. */
function newerPack(): PackJson {
  const pack = structuredClone(DEFAULT_PACK_JSON) as PackJson;
  pack.version = '99.0.0';
  const template = pack.rules.find((rule) => rule.category === 'banned_goods' && rule.phrases)!;
  pack.rules.push({ ...structuredClone(template), id: 'test.xyzzy', weight: 10, phrases: ['xyzzy contraband'], examples: { flag: [CONTRABAND], pass: ['Bình giữ nhiệt inox'] } });
  delete (pack.rules.at(-1) as { context?: unknown }).context;
  return pack;
}

let hotline: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-pack-'));
  const file = path.join(dir, 'pack.json');
  await writeFile(file, JSON.stringify(newerPack()));
  hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dir, HOTLINE_BODY_LIMIT: 1 << 20, HOTLINE_RULE_PACK: file }, { inMemory: true });
});
afterAll(async () => {
  await hotline.stop();
  await rm(dir, { recursive: true, force: true });
});

function memoryStore(initial?: unknown) {
  const store = { value: initial, writes: 0 };
  return {
    store,
    deps: {
      loadStoredPack: async () => store.value,
      storePack: async (json: unknown) => {
        store.value = json;
        store.writes += 1;
      },
    },
  };
}

describe('rule pack refresh from the hotline', () => {
  it('takes a newer valid pack, uses it at once, keeps it, and asks cheaply next time', async () => {
    const { store, deps } = memoryStore();
    const risk = createRiskService(deps);
    expect((await risk.assess({ title: CONTRABAND })).level).toBe('none');
    expect(await risk.refresh(hotline.url)).toEqual({ outcome: 'updated', version: '99.0.0' });
    expect((await risk.assess({ title: CONTRABAND })).categories).toContain('banned_goods');
    expect(store.writes).toBe(1);
    expect(await risk.refresh(hotline.url)).toEqual({ outcome: 'unchanged', version: '99.0.0' });

    // a restarted service worker starts from the stored pack
    const restarted = createRiskService(deps);
    expect((await restarted.assess({ title: CONTRABAND })).categories).toContain('banned_goods');
  });

  it('refuses a broken pack, naming the rule, and keeps the current one', async () => {
    const broken = newerPack();
    broken.rules.at(-1)!.examples = { flag: ['Bình giữ nhiệt inox'], pass: [] }; // an example its own rule cannot flag
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(broken)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { store, deps } = memoryStore();
      const risk = createRiskService(deps);
      const result = await risk.refresh(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
      expect(result.outcome).toBe('refused');
      expect(result.outcome === 'refused' && result.errors.map((error) => error.ruleId)).toContain('test.xyzzy');
      expect(result.version).toBe((DEFAULT_PACK_JSON as PackJson).version);
      expect(store.writes).toBe(0);
      expect((await risk.assess({ title: 'Bóng cười N2O bình 8 lít' })).level).not.toBe('none'); // the shipped pack still works
    } finally {
      server.close();
    }
  });

  it('survives a dead hotline and a corrupted store', async () => {
    const risk = createRiskService(memoryStore({ packId: 'garbage' }).deps);
    expect(await risk.refresh('http://127.0.0.1:9')).toMatchObject({ outcome: 'unreachable' });
    expect((await risk.assess({ title: 'Bóng cười N2O bình 8 lít' })).level).not.toBe('none');
  });
});
