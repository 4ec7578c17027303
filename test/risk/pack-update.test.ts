import { describe, expect, it } from 'vitest';
import { chooseStartPack, createRiskService } from '../../utils/background/risk-service';
import { compareVersions, compilePack, DEFAULT_PACK_JSON, getDefaultPack, packEtag } from '../../utils/risk/index';

interface PackJson {
  packId: string;
  version: string;
  rules: { id: string; category: string; weight: number; phrases?: string[]; regexes?: { source: string }[]; context?: unknown; examples: { flag: unknown[]; pass: unknown[] } }[];
}
const SHIPPED_VERSION = (DEFAULT_PACK_JSON as PackJson).version;
const MARKER = 'Bán xyzzy-marker giao ngay';

/** The shipped pack at another version, with one extra rule that flags MARKER (to see which pack is active). */
function packAt(version: string): PackJson {
  const pack = structuredClone(DEFAULT_PACK_JSON) as PackJson;
  pack.version = version;
  const template = pack.rules.find((rule) => rule.category === 'banned_goods' && rule.phrases)!;
  const rule = { ...structuredClone(template), id: 'test.marker', weight: 10, phrases: ['xyzzy marker'], examples: { flag: [MARKER], pass: ['Bình giữ nhiệt inox'] } };
  delete rule.context;
  pack.rules.push(rule);
  return pack;
}

function bump(version: string, part: 0 | 1 | 2, by: number): string {
  const v = version.split(/[-+]/)[0]!.split('.').map(Number);
  v[part]! += by;
  for (let k = part + 1; k < 3; k++) v[k] = 0;
  return v.join('.');
}

function service(stored: unknown, fetchImpl: typeof fetch = () => Promise.reject(new Error('offline'))) {
  const writes: unknown[] = [];
  const risk = createRiskService({ loadStoredPack: async () => stored, storePack: async (json) => void writes.push(json), fetchImpl });
  return { risk, writes };
}

/** A hotline that serves `pack` with its content-hash ETag and answers 304 to it; records what the client sent. */
function hotline(pack: PackJson) {
  const sent: (string | null)[] = [];
  const compiled = compilePack(pack, { checkExamples: false });
  if (!compiled.ok) throw new Error('test pack refused');
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    const etag = await packEtag(compiled.pack.source);
    const known = new Headers(init?.headers).get('if-none-match');
    sent.push(known);
    if (known === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(JSON.stringify(pack), { status: 200, headers: { etag, 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetchImpl, sent };
}

describe('semantic version order', () => {
  it.each([
    ['1.7.0', '1.7.1', -1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.7.0', '1.7.0', 0],
    ['1.7.0+build.2', '1.7.0+build.1', 0],
    ['1.8.0-rc.1', '1.8.0', -1],
    ['1.8.0-rc.2', '1.8.0-rc.10', -1],
    ['1.8.0-alpha', '1.8.0-alpha.1', -1],
    ['1.8.0-alpha.beta', '1.8.0-alpha.1', 1],
    ['1.8.0-rc.1', '1.7.9', 1],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });
});

describe('shipped pack vs stored pack at start', () => {
  it('prefers the shipped pack when the stored one is older (an extension update brought a newer pack)', async () => {
    const older = bump(SHIPPED_VERSION, 1, -1);
    expect(compareVersions(older, SHIPPED_VERSION)).toBeLessThan(0);
    const { risk } = service(packAt(older));
    const assessment = await risk.assess({ title: MARKER });
    expect(assessment.packVersion).toBe(SHIPPED_VERSION);
    expect(assessment.hits.map((hit) => hit.ruleId)).not.toContain('test.marker');
  });

  it('keeps the stored pack when it is newer or the same version (the hotline may have edited it)', async () => {
    for (const version of [bump(SHIPPED_VERSION, 2, 1), bump(SHIPPED_VERSION, 0, 1), SHIPPED_VERSION]) {
      const { risk } = service(packAt(version));
      const assessment = await risk.assess({ title: MARKER });
      expect(assessment.packVersion, version).toBe(version);
      expect(assessment.hits.map((hit) => hit.ruleId), version).toContain('test.marker');
    }
  });

  it('orders by semver, not as text: 1.10.0 is newer than 1.9.0', () => {
    const at = (version: string) => {
      const r = compilePack({ ...(DEFAULT_PACK_JSON as object), version }, { checkExamples: false });
      if (!r.ok) throw new Error('refused');
      return r.pack;
    };
    expect(chooseStartPack(at('1.10.0'), at('1.9.0')).version).toBe('1.10.0');
    expect(chooseStartPack(at('1.9.0'), at('1.10.0')).version).toBe('1.10.0');
    expect(chooseStartPack(at('2.0.0-rc.1'), at('2.0.0')).version).toBe('2.0.0');
    expect(chooseStartPack(undefined, getDefaultPack())).toBe(getDefaultPack());
  });
});

describe('pack refresh', () => {
  it('sends the content hash of its active pack, so an unchanged pack costs a 304', async () => {
    const { fetchImpl, sent } = hotline(structuredClone(DEFAULT_PACK_JSON) as PackJson);
    const { risk, writes } = service(undefined, fetchImpl);
    expect(await risk.refresh('http://hotline.test')).toEqual({ outcome: 'unchanged', version: SHIPPED_VERSION });
    expect(sent[0]).toBe(await packEtag(getDefaultPack().source));
    expect(writes).toEqual([]);
  });

  it('takes a pack whose content changed under the same version', async () => {
    const { fetchImpl } = hotline(packAt(SHIPPED_VERSION));
    const { risk, writes } = service(undefined, fetchImpl);
    expect(await risk.refresh('http://hotline.test')).toEqual({ outcome: 'updated', version: SHIPPED_VERSION });
    expect((await risk.assess({ title: MARKER })).hits.map((hit) => hit.ruleId)).toContain('test.marker');
    expect(writes).toHaveLength(1);
  });

  it('does not step below the shipped pack when the hotline offers an older one', async () => {
    const older = bump(SHIPPED_VERSION, 1, -1);
    expect(compareVersions(older, SHIPPED_VERSION)).toBeLessThan(0);
    const { fetchImpl } = hotline(packAt(older));
    const { risk, writes } = service(undefined, fetchImpl);
    expect(await risk.refresh('http://hotline.test')).toEqual({ outcome: 'older', version: SHIPPED_VERSION, offered: older });
    expect(writes).toEqual([]);
    expect((await risk.assess({ title: MARKER })).hits.map((hit) => hit.ruleId)).not.toContain('test.marker');
  });

  it('refuses an update holding a slow regex (.{0,50}.{0,50}.{0,50}x) and keeps the current pack', async () => {
    const slow = packAt(bump(SHIPPED_VERSION, 0, 1));
    slow.rules[0]!.regexes = [{ source: '.{0,50}.{0,50}.{0,50}x' }];
    const fetchImpl = (async () => new Response(JSON.stringify(slow), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const { risk, writes } = service(undefined, fetchImpl);
    const result = await risk.refresh('http://hotline.test');
    expect(result.outcome).toBe('refused');
    expect(result.outcome === 'refused' && result.errors[0]).toMatchObject({ ruleId: slow.rules[0]!.id, path: 'rules.0.regexes.0.source', message: expect.stringContaining('neighbouring repeats') });
    expect(result.version).toBe(SHIPPED_VERSION);
    expect(writes).toEqual([]);
    const started = performance.now();
    expect((await risk.assess({ title: 'Bóng cười N2O', description: 'a'.repeat(10_000) })).packVersion).toBe(SHIPPED_VERSION);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
