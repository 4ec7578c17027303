import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_JSON } from '../../utils/risk/index.ts';
import { StartupError } from '../src/db.ts';
import { loadPublishedRulePack } from '../src/rule-pack.ts';

describe('the published rule pack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotline-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start with a regex whose neighbouring repeats backtrack for seconds', async () => {
    const pack = JSON.parse(JSON.stringify(DEFAULT_PACK_JSON)) as { rules: { id: string; regexes?: { source: string }[] }[] };
    pack.rules[0]!.regexes = [{ source: '.{0,50}.{0,50}.{0,50}x' }];
    const file = path.join(dir, 'slow-regex.json');
    writeFileSync(file, JSON.stringify(pack));
    const loading = loadPublishedRulePack(file);
    await expect(loading).rejects.toBeInstanceOf(StartupError);
    await expect(loading).rejects.toThrow(new RegExp(`${pack.rules[0]!.id.replace(/\./g, '\\.')}: rules\\.0\\.regexes\\.0\\.source regex refused: neighbouring repeats`));
  });
});
