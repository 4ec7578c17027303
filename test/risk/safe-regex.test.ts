import { describe, expect, it } from 'vitest';
import { RulePackSchema } from '../../contract/rule-pack';
import { checkRegexSafety, createRiskEngine, DEFAULT_PACK_JSON, getDefaultPack } from '../../utils/risk/index';
import { estimateBacktracking, REGEX_MAX_BACKTRACK } from '../../utils/risk/safe-regex';

// Sequences of bounded repeats passed every rule of the regex check, yet split the same text in cubic ways
// (issue: one source of truth, B).
const SLOW = '.{0,50}.{0,50}.{0,50}x';
const AMBIGUOUS = [
  SLOW,
  '(a|b){0,40}(a|c){0,40}(a|d){0,40}$',
  '\\w{0,80}\\s?\\w{0,80}\\s?\\w{0,80}!',
  '\\w{0,50}\\s?\\w{0,50}\\s?\\w{0,50}!',
  '[a-z]{0,50}[0-9]{0,50}[a-z]{0,50}!',
  '(?:a?){50}b',
  '(?:a?a?b){20}c',
  'a?a?a?a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaaaaa',
];

const shippedRegexes = RulePackSchema.parse(DEFAULT_PACK_JSON).rules.flatMap((rule) => rule.regexes.map((rx) => ({ rule: rule.id, ...rx })));
const packWith = (source: string) => {
  const pack = JSON.parse(JSON.stringify(DEFAULT_PACK_JSON)) as { version: string; rules: { regexes?: { source: string }[] }[] };
  pack.version = '99.0.0';
  pack.rules[0]!.regexes = [{ source }];
  return pack;
};

describe('regex safety: neighbouring bounded repeats', () => {
  it.each(AMBIGUOUS)('refuses %s', (source) => {
    expect(checkRegexSafety(source)).not.toBeNull();
  });

  it('refuses the cubic pattern for its ambiguity, not for another rule', () => {
    expect(estimateBacktracking(SLOW)).toBeGreaterThan(REGEX_MAX_BACKTRACK);
    expect(checkRegexSafety(SLOW)).toMatch(/neighbouring repeats/);
  });

  it('refuses a pattern that really is slow', () => {
    // A tenth of a description keeps the test short: ~0.45 s here, 4.5 s on 10,000 characters.
    const re = new RegExp(SLOW, 'g');
    const started = performance.now();
    expect(re.exec('a'.repeat(1_000))).toBeNull();
    expect(performance.now() - started).toBeGreaterThan(50);
  });

  it('still accepts single and separated repeats', () => {
    for (const source of ['.{0,50}x', '\\d{1,2} ?kg ?\\d{1,2}', '[a-z]{1,3}\\d{7,12}', '(?:ab)?(?:ab)?(?:ab)?c', '(?<![\\d])(?:\\+?84|0)[ .-]?[35789](?:[ .-]?\\d){8}(?!\\d)']) {
      expect(checkRegexSafety(source), source).toBeNull();
    }
  });

  it('accepts every regex of the shipped pack, and they stay fast on hostile 10,000-character text', () => {
    expect(shippedRegexes.length).toBeGreaterThan(10);
    const hostile = ['a'.repeat(10_000), '1'.repeat(10_000), ' '.repeat(10_000), '0 9 1 1 1 1 1 1 1 19 '.repeat(500), 'giam 1 - 2 kg '.repeat(700)];
    const started = performance.now();
    for (const rx of shippedRegexes) {
      expect(checkRegexSafety(rx.source, rx.flags), `${rx.rule}: ${rx.source}`).toBeNull();
      const re = new RegExp(rx.source, `${rx.flags ?? ''}g`);
      for (const text of hostile) {
        re.lastIndex = 0;
        while (re.exec(text)) if (re.lastIndex > text.length - 1) break;
      }
    }
    expect(performance.now() - started).toBeLessThan(2_000); // generous: ~50 ms on a laptop
  });

  it('keeps the active pack when an update holds the slow pattern', () => {
    const engine = createRiskEngine(getDefaultPack());
    const before = engine.pack;
    const result = engine.update(packWith(SLOW));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: 'rules.0.regexes.0.source', message: expect.stringContaining('neighbouring repeats') });
    expect(engine.pack).toBe(before);
  });
});
