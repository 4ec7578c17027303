import { describe, expect, it } from 'vitest';
import { RulePackSchema, VIOLATION_CATEGORY_IDS } from '../../contract/index';
import { assess, DEFAULT_PACK_JSON, getDefaultPack, toAssessInput } from '../../utils/risk/index';
import { buildDemoListings, buildQuiz, scoreQuiz, DEMO_SITE } from '../../utils/training/demo-listings';

const pack = RulePackSchema.parse(DEFAULT_PACK_JSON);
const compiled = getDefaultPack();

describe('training material from the rule pack', () => {
  it('has one demo listing per violation category that the pack really flags with that category', () => {
    const demos = buildDemoListings(pack, compiled);
    expect(demos.map((demo) => demo.category)).toEqual(VIOLATION_CATEGORY_IDS.filter((category) => category !== 'other'));
    for (const demo of demos) {
      expect(demo.listing.site).toBe(DEMO_SITE);
      expect(demo.listing.url).toMatch(/^https:\/\/demo\.hotline389\.invalid\//);
      const result = assess(toAssessInput(demo.listing), compiled);
      expect(['medium', 'high'], demo.id).toContain(result.level);
      expect(result.categories[0]).toBe(demo.category);
      expect(demo.nearMisses.length).toBeGreaterThan(0);
    }
  });

  it('builds the same quiz for the same seed, half violating, and every expected answer is the pack’s verdict', () => {
    const quiz = buildQuiz(pack, compiled, 10, 42);
    expect(buildQuiz(pack, compiled, 10, 42)).toEqual(quiz);
    expect(buildQuiz(pack, compiled, 10, 43)).not.toEqual(quiz);
    expect(quiz).toHaveLength(10);
    expect(quiz.filter((item) => item.expected.violates)).toHaveLength(5);
    for (const item of quiz) {
      const result = assess(toAssessInput(item.listing), compiled);
      expect(result.level === 'medium' || result.level === 'high').toBe(item.expected.violates);
      if (item.expected.violates) expect(item.expected.category).toBe(result.categories[0]);
    }
  });

  it('scores answers: right verdict, and the right category for violating listings', () => {
    const quiz = buildQuiz(pack, compiled, 6, 7);
    const perfect = Object.fromEntries(quiz.map((item) => [item.id, item.expected]));
    expect(scoreQuiz(quiz, perfect)).toMatchObject({ correct: 6, rightCategory: 6, total: 6 });
    const wrongCategory = Object.fromEntries(quiz.map((item) => [item.id, item.expected.violates ? { violates: true, category: 'other' as const } : item.expected]));
    expect(scoreQuiz(quiz, wrongCategory)).toMatchObject({ correct: 6, rightCategory: 3 });
    const allNo = Object.fromEntries(quiz.map((item) => [item.id, { violates: false }]));
    expect(scoreQuiz(quiz, allNo)).toMatchObject({ correct: 3, rightCategory: 3 });
    expect(scoreQuiz(quiz, {})).toMatchObject({ correct: 0, rightCategory: 0 });
  });
});
