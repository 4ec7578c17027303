/**
 * Builds the shipped rule pack (utils/risk/packs/default.json) from the authored rule files in
 * utils/risk/rules/: one numbered file per rule (`NNN-<rule id>.ts`, pack order = file order), plus
 * pack.ts (header), macros.ts, price-references.ts and legal.ts. Node only (reads the folder): used by
 * `npm run pack:build` (scripts/pack-build.ts) and the tests, never by the extension at run time.
 *
 * The output is the authored JSON as written (defaults not filled in), keys in the schema's order,
 * `JSON.stringify(pack, null, 1)`: the same bytes the pack had when a Python script produced it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RulePackSchema, RuleSchema, type RuleExample, type RuleInput, type RulePackInput } from '../../contract/rule-pack';
import { assess } from './assess';
import { compilePack, exampleToInput } from './compile';
import type { PackHeader, PriceReferenceInput } from './rules/define';

export const RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));
export const DEFAULT_PACK_PATH = fileURLToPath(new URL('./packs/default.json', import.meta.url));
/** `010-counterfeit.fake-terms.ts`: a number that sets the rule's place in the pack, then the rule id. */
export const RULE_FILE = /^(\d{3,})-(.+)\.ts$/;

export interface AuthoredRule {
  file: string;
  rule: RuleInput;
}

export interface AuthoredPack {
  pack: RulePackInput;
  rules: AuthoredRule[];
}

/** A problem in plain words, with the file to open. */
export interface AuthoringProblem {
  file: string;
  ruleId?: string;
  message: string;
}

async function importDefault<T>(file: string): Promise<T> {
  const module = (await import(pathToFileURL(file).href)) as { default?: T };
  if (module.default === undefined) throw new Error(`${file} has no "export default"`);
  return module.default;
}

/** Object with its keys in `order` first (as the schema declares them), any others after, in their own order. */
function ordered<T extends object>(value: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of order) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out) && source[key] !== undefined) out[key] = source[key];
  return out as T;
}

const RULE_KEYS = Object.keys(RuleSchema.shape);
const PACK_KEYS = Object.keys(RulePackSchema.shape);

/** The rule files of `dir`, in pack order (by their number, then name). */
export function ruleFiles(dir = RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => RULE_FILE.test(name))
    .sort((a, b) => Number(RULE_FILE.exec(a)![1]) - Number(RULE_FILE.exec(b)![1]) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Import every authored file of `dir` and assemble the pack (not validated: see `checkAuthoredPack`). */
export async function loadAuthoredPack(dir = RULES_DIR): Promise<AuthoredPack> {
  const header = await importDefault<PackHeader>(path.join(dir, 'pack.ts'));
  const priceReferences = await importDefault<PriceReferenceInput[]>(path.join(dir, 'price-references.ts'));
  const rules: AuthoredRule[] = [];
  for (const name of ruleFiles(dir)) rules.push({ file: name, rule: ordered(await importDefault<RuleInput>(path.join(dir, name)), RULE_KEYS) });
  const pack = ordered({ ...header, priceReferences, rules: rules.map((r) => r.rule) } as RulePackInput, PACK_KEYS);
  return { pack, rules };
}

/** The pack file's exact text. */
export function serialisePack(pack: RulePackInput): string {
  return JSON.stringify(pack, null, 1);
}

const exampleText = (example: RuleExample) =>
  typeof example === 'string' ? `"${example}"` : Object.entries(example).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');

/**
 * Everything `pack:build` checks, in plain words: each file's rule id matches its file name; the pack
 * passes the contract's schema and the extension's compiler (regex safety included); and every rule
 * flags each of its examples and none of its near-misses. `only` limits the example check to rules whose
 * id or file name contains it.
 */
export function checkAuthoredPack({ pack, rules }: AuthoredPack, only?: string): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, rule } of rules) {
    const expected = RULE_FILE.exec(file)![2];
    if (rule.id !== expected) problems.push({ file, ruleId: rule.id, message: `the file is named for rule "${expected}" but the rule's id is "${rule.id}": make them the same` });
    if (fileOf.has(rule.id)) problems.push({ file, ruleId: rule.id, message: `rule id "${rule.id}" is already used by ${fileOf.get(rule.id)}` });
    fileOf.set(rule.id, file);
  }
  const where = (issuePath: string, ruleId?: string) => {
    const m = /^rules\.(\d+)/.exec(issuePath);
    return m ? (rules[Number(m[1])]?.file ?? 'pack.ts') : ruleId ? (fileOf.get(ruleId) ?? 'pack.ts') : issuePath.startsWith('priceReferences') ? 'price-references.ts' : 'pack.ts';
  };
  const compiled = compilePack(pack, { checkExamples: false });
  if (!compiled.ok) {
    for (const error of compiled.errors) {
      const inRule = /^rules\.\d+\.?(.*)$/.exec(error.path);
      problems.push({ file: where(error.path, error.ruleId), ruleId: error.ruleId, message: `${inRule ? inRule[1] || 'rule' : error.path}: ${error.message}` });
    }
    return problems;
  }
  const built = compiled.pack;
  for (const { file, rule } of rules) {
    if (only && !rule.id.includes(only) && !file.includes(only)) continue;
    const parsed = built.source.rules.find((r) => r.id === rule.id);
    if (!parsed) continue;
    for (const example of parsed.examples.flag)
      if (!assess(exampleToInput(example), built).hits.some((hit) => hit.ruleId === rule.id))
        problems.push({ file, ruleId: rule.id, message: `should flag ${exampleText(example)} but does not` });
    for (const example of parsed.examples.pass)
      if (assess(exampleToInput(example), built).hits.some((hit) => hit.ruleId === rule.id))
        problems.push({ file, ruleId: rule.id, message: `should NOT flag the near-miss ${exampleText(example)} but does` });
  }
  return problems;
}
