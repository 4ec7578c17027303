import { describe, expect, it } from 'vitest';
import { explainMatch } from '../../utils/training/explain-hit';

describe('explaining how a matched phrase was disguised', () => {
  it.each([
    ['siêu cấp', 'sieu cap', ['diacritics']],
    ['f4ke', 'fake', ['leet']],
    ['s u p e r f a k e', 'superfake', ['split']],
    ['h.a.n.g f.a.k.e', 'hang fake', ['split']],
    ['HÀNG NHÁI', 'hang nhai', ['diacritics', 'case']],
    ['fake', 'fake', []],
  ])('%s', (text, folded, disguises) => {
    const result = explainMatch(text);
    expect(result.folded.replace(/\s+/g, ' ').trim()).toBe(folded);
    expect(result.disguises).toEqual(disguises);
  });
});
