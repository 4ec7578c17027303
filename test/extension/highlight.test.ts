// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPhraseRanges } from '../../utils/content/highlight-phrases';

describe('phrase highlighting', () => {
  it('finds every occurrence of each phrase in the page text, outside scripts and our own widget', () => {
    document.body.innerHTML = `
      <h1>Giày siêu cấp like auth</h1>
      <p>Hàng <b>siêu cấp</b> fullbox, siêu cấp thật</p>
      <script>var x = "siêu cấp";</script>
      <div id="widget"><mark>siêu cấp</mark></div>`;
    const ranges = findPhraseRanges(document.body, ['siêu cấp', 'like auth', ' '], document.getElementById('widget')!);
    expect(ranges.map((range) => range.toString())).toEqual(['siêu cấp', 'like auth', 'siêu cấp', 'siêu cấp']);
  });

  it('caps the number of ranges on a page that repeats a phrase endlessly', () => {
    document.body.innerHTML = `<p>${'fake '.repeat(5000)}</p>`;
    expect(findPhraseRanges(document.body, ['fake'])).toHaveLength(200);
  });
});
