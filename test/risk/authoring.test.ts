import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAuthoredPack, DEFAULT_PACK_PATH, loadAuthoredPack, RULES_DIR, ruleFiles, serialisePack, type AuthoredPack } from '../../utils/risk/authoring';

let authored: AuthoredPack;
beforeAll(async () => {
  authored = await loadAuthoredPack();
});

describe('rule pack authoring (utils/risk/rules → packs/default.json)', () => {
  it('builds exactly the shipped pack, byte for byte', () => {
    expect(serialisePack(authored.pack) === readFileSync(DEFAULT_PACK_PATH, 'utf8')).toBe(true);
  });

  it('has one file per rule, named for its id, in pack order', () => {
    const files = ruleFiles();
    expect(files.length).toBe(authored.pack.rules.length);
    files.forEach((file, k) => expect(file.endsWith(`-${authored.rules[k]!.rule.id}.ts`), file).toBe(true));
  });

  it('passes every check pack:build runs (schema, regex safety, examples and near-misses)', () => {
    expect(checkAuthoredPack(authored)).toEqual([]);
  });

  it('names the file and says in plain words which example fails', () => {
    const broken = structuredClone(authored);
    const target = broken.rules.find(({ rule }) => rule.id === 'banned.laughing-gas')!;
    target.rule.examples.flag.push('Bình giữ nhiệt inox 500ml');
    target.rule.examples.pass.push('Bóng cười N2O bình 8 lít');
    const problems = checkAuthoredPack({ ...broken, pack: { ...broken.pack, rules: broken.rules.map(({ rule }) => rule) } }, 'laughing');
    expect(problems).toEqual([
      { file: target.file, ruleId: 'banned.laughing-gas', message: 'should flag "Bình giữ nhiệt inox 500ml" but does not' },
      { file: target.file, ruleId: 'banned.laughing-gas', message: 'should NOT flag the near-miss "Bóng cười N2O bình 8 lít" but does' },
    ]);
  });

  it('reports a schema error and a misnamed file against the rule file', () => {
    const broken = structuredClone(authored);
    const target = broken.rules[3]!;
    (target.rule as { weight: unknown }).weight = 'high';
    target.rule.id = 'counterfeit.renamed';
    const problems = checkAuthoredPack({ ...broken, pack: { ...broken.pack, rules: broken.rules.map(({ rule }) => rule) } });
    expect(problems.map((p) => p.file)).toEqual([target.file, target.file]);
    expect(problems[0]!.message).toMatch(/the file is named for rule ".*" but the rule's id is "counterfeit\.renamed"/);
    expect(problems[1]!.message).toMatch(/^weight: /);
  });

  it('reports an unsafe regex against its rule file', () => {
    const broken = structuredClone(authored);
    const target = broken.rules[0]!;
    target.rule.regexes = [{ source: '.{0,50}.{0,50}.{0,50}x' }];
    const problems = checkAuthoredPack({ ...broken, pack: { ...broken.pack, rules: broken.rules.map(({ rule }) => rule) } });
    expect(problems).toEqual([{ file: target.file, ruleId: target.rule.id, message: expect.stringMatching(/^regexes\.0\.source: regex refused: neighbouring repeats/) }]);
  });

  it('keeps one language for the pack: no Python authoring script is left', () => {
    const packsDir = path.dirname(DEFAULT_PACK_PATH);
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]));
    expect(walk(packsDir).filter((name) => name.endsWith('.py'))).toEqual([]);
    expect(walk(RULES_DIR).filter((name) => !name.endsWith('.ts'))).toEqual([]);
    expect(existsSync(path.join(packsDir, 'authoring'))).toBe(false);
  });
});
