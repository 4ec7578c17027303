import { describe, expect, it } from 'vitest';
import { assess, getDefaultPack, normaliseCompact } from '../../utils/risk/index';
import { buildAutomaton, type Automaton } from '../../utils/risk/aho-corasick';
import { ALPHABET_SIZE, CompactBuffer, boundaryBefore, compactCodes, compactEnd, deepStep, foldCompact, foldLight, foldLightShared, foldPattern, foldScan } from '../../utils/risk/normalise';

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

describe('one-pass fold + scan', () => {
  // naive reference: every (end index, pattern) occurrence in the compact codes
  function naive(codes: Uint8Array, n: number, patterns: Uint8Array[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++)
      patterns.forEach((p, id) => {
        if (p.length > i + 1) return;
        for (let k = 0; k < p.length; k++) if (codes[i - p.length + 1 + k] !== p[k]) return;
        out.push(`${i}:${id}`);
      });
    return out.sort();
  }
  function viaScan(text: string, a: Automaton, buf: CompactBuffer): string[] {
    foldScan(text, buf, text.length, a);
    const out: string[] = [];
    for (let v = 0; v < buf.events; v++) {
      if (v > 0) expect(buf.evPos[v]).toBeGreaterThan(buf.evPos[v - 1]!); // ascending, never twice
      const st = buf.evState[v]!;
      for (let k = a.outIndex[2 * st]!; k < a.outIndex[2 * st + 2]!; k++) out.push(`${buf.evPos[v]}:${a.outList[k]}`);
    }
    return out.sort();
  }
  const words = ['fake', 'rep', 'hang fake', 'sieu cap', 'zalo', 'lien he zalo', 'ke', 'cap 1', 'a', 'louis vuitton', 'f', 'ake', 'iphone 14', '18+', 'ss'];
  const patterns = words.map((w) => foldPattern(w).codes);
  const texts = [
    'Hàng F4KE siêu cấp 1:1, liên hệ Z@lo 0912345678',
    'f.4.k.e và r3p, s i e u c a p, Louis Vuitton ß',
    'iPhone 14 chính hãng, không phải hàng fake 18+ ｆａｋｅ 𝐟𝐚𝐤𝐞',
    'trong 7 ngày, 4uth, l1ke, ⑩ k3',
    'zalo㎏fake①rep, ﬁfake, iphone14pro, x18+y, lienhezalo',
    '',
  ];
  it('reports every occurrence that ends at a word end, and nothing that is not an occurrence', () => {
    const a = buildAutomaton(patterns);
    expect(a.dense).toBe(a.states);
    const buf = new CompactBuffer(4096);
    for (const t of texts) {
      const n = foldCompact(t, buf);
      const all = naive(compactCodes(buf, n), n, patterns);
      const atWordEnds = all.filter((e) => boundaryBefore(buf, Number(e.split(':')[0]) + 1));
      expect(atWordEnds.length).toBeGreaterThan(t ? 0 : -1);
      const scanned = viaScan(t, a, buf);
      for (const e of atWordEnds) expect(scanned).toContain(e);
      for (const e of scanned) expect(all).toContain(e);
    }
  });
  it('reports occurrences inside words for patterns that do not need a word end', () => {
    const a = buildAutomaton(patterns, patterns.map((_p, id) => (words[id] === 'ake' ? 1 : 0)));
    expect(a.anyPosition).toBe(true);
    const buf = new CompactBuffer(4096);
    const ake = String(words.indexOf('ake'));
    for (const t of ['fakes and bakery', 'f4kes']) {
      const n = foldCompact(t, buf);
      const expected = naive(compactCodes(buf, n), n, patterns).filter((e) => e.endsWith(`:${ake}`));
      expect(expected.length).toBeGreaterThan(0);
      expect(viaScan(t, a, buf).filter((e) => e.endsWith(`:${ake}`))).toEqual(expected);
    }
  });
  it('deep states (trie edges + failure links) give the same transitions as dense rows', () => {
    const many: Uint8Array[] = [];
    for (let i = 0; i < 6000; i++) many.push(foldPattern(`${words[i % words.length]} mau ${i} ${words[(i * 7) % words.length]}`).codes);
    many.push(...patterns);
    const a = buildAutomaton(many);
    expect(a.dense).toBeLessThan(a.states);
    // the same automaton with every state dense: expand deep rows through deepStep
    const full: Automaton = { ...a, delta: new Uint16Array(a.states * ALPHABET_SIZE), dense: a.states };
    for (let s = 0; s < a.states; s++) for (let c = 0; c < ALPHABET_SIZE; c++) full.delta[s * ALPHABET_SIZE + c] = deepStep(a, s, c);
    const buf = new CompactBuffer(4096);
    for (const t of [...texts, 'lien he zalo mau 12 hang fake mau 1299 sieu cap']) expect(viaScan(t, a, buf)).toEqual(viaScan(t, full, buf));
  });
  it('ends spans after a whole surrogate pair', () => {
    const s = 'x𝐟𝐚𝐤𝐞';
    expect(compactEnd(s, 1)).toBe(3);
    expect(compactEnd(s, 0)).toBe(1);
    expect(compactEnd('a\ud800', 1)).toBe(2); // lone high surrogate: one unit
  });
  it('foldLightShared is foldLight without copies', () => {
    for (const t of texts) {
      const a = foldLight(t);
      const b = foldLightShared(t);
      expect(b.text).toBe(a.text);
      expect(Array.from(b.start.subarray(0, b.text.length))).toEqual(Array.from(a.start));
    }
  });
});
