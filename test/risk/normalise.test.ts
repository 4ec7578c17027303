import { describe, expect, it } from 'vitest';
import { assess, getDefaultPack, normaliseCompact } from '../../utils/risk/index';

const fold = (s: string): string => normaliseCompact(s).text;

/** every hit span must slice the original field to the hit text */
function spansOk(input: Record<string, string>): void {
  const a = assess(input, getDefaultPack());
  for (const h of a.hits) {
    if (h.start === undefined) continue;
    const original = input[h.field]!;
    expect(original.slice(h.start, h.end)).toBe(h.text);
  }
}

describe('normalisation', () => {
  it('folds diacritics, đ and case', () => {
    expect(fold('Siêu Cấp ĐỒNG HỒ')).toBe('sieu cap dong ho');
    expect(fold('Thuốc lá điện tử')).toBe('thuoc la dien tu');
    // decomposed (NFD) input folds the same as precomposed
    expect(fold('Sie\u0302u ca\u0302\u0301p')).toBe('sieu cap');
  });
  it('folds leetspeak inside words but keeps numbers', () => {
    expect(fold('f4ke r3p l1ke z@lo f4k3 4uth')).toBe('fake rep like zalo fake auth');
    expect(fold('iphone 14 5kg a1 mp3')).toBe('iphone 14 5 kg a 1 mp 3');
  });
  it('removes separators between split letters and zero-width characters', () => {
    expect(fold('s.i.ê.u c.ấ.p')).toBe('s i e u c a p');
    expect(fold('fa\u200Bke z\u200Dalo')).toBe('fake zalo');
  });
  it('folds look-alike and full-width characters', () => {
    expect(fold('fаkе')).toBe('fake'); // Cyrillic а, е
    expect(fold('ｆａｋｅ 𝐟𝐚𝐤𝐞 ⓕⓐⓚⓔ')).toBe('fake fake fake');
  });
  it('maps every compact character back to its span in the original', () => {
    const s = 'Hàng S.I.Ê.U  C\u200BẤ.P 💥';
    const { text, spans } = normaliseCompact(s);
    expect(text).toBe('hang s i e u ca p'); // the zero-width space joins C and Ấ
    expect(spans[0]).toEqual([0, 1]);
    // 'ê' of S.I.Ê.U is at index 9 of the original
    const eIdx = text.indexOf('e');
    expect(s.slice(spans[eIdx]![0], spans[eIdx]![1])).toBe('Ê');
  });
});

describe('matches map back to original spans', () => {
  it.each([
    ['title', 'Túi LV s.i.ê.u c.ấ.p da đẹp'],
    ['title', 'Giày Nike f4ke loại 1'],
    ['title', 'Ví nam s u p e r f a k e'],
    ['description', 'Liên hệ Z@lo: 0912\u200B345678 nhé'],
    ['title', 'Thuo\u0302\u0301c la\u0301 đie\u0323\u0302n tu\u031B\u0309 Relx'],
    ['title', 'ＶＡＰＥ 8000 hơi'],
    ['title', 'Bình xịt hơi cаy tự vệ'],
  ])('%s: %s', (field, text) => {
    const a = assess({ [field]: text }, getDefaultPack());
    expect(a.hits.length).toBeGreaterThan(0);
    spansOk({ [field]: text });
  });
  it('highlights a whole NFD syllable including trailing combining marks', () => {
    const t = 'Thuo\u0302\u0301c la\u0301 đie\u0323\u0302n tu\u031B\u0309';
    const hit = assess({ title: t }, getDefaultPack()).hits.find((h) => h.ruleId === 'banned.e-cigarette')!;
    expect(hit.start).toBe(0);
    expect(hit.end).toBe(t.length);
  });
});
