import { ALPHABET_SIZE, ANY_POSITION_OUT, WHOLE_WORD_OUT, type ScanDfa } from './normalise';

/**
 * Aho–Corasick automaton over the compact alphabet (40 symbols). States are numbered in BFS order
 * (depth never decreases with the number). The shallow states, where the scan spends nearly all of
 * its time, get dense DFA rows: one table lookup per input character. Deeper states (long phrases,
 * reached only while a phrase is being matched) keep their trie edges and failure link:
 * δ(s, c) = goto(s, c) if that edge exists, else δ(fail(s), c), ending in a dense row. Same
 * transitions as a full DFA, a fraction of the memory (a full 40-column table of a pack with
 * ~86,000 states is ~14 MB; profile: the scan touches a few thousand states, all shallow).
 */
export interface Automaton extends ScanDfa {
  /**
   * outputs of state s: outList[outIndex[2s] .. outIndex[2s + 2]) (pattern ids, suffix outputs included);
   * the `first` patterns of buildAutomaton come before outIndex[2s + 1], the others from it (each part
   * in the usual order: longest first). Interleaved so that one event's bounds share a cache line.
   */
  outIndex: Uint16Array | Int32Array;
  outList: Int32Array;
  /** pattern lengths in compact characters */
  lengths: Int32Array;
  states: number;
}

/**
 * `anyPosition[p]` truthy: pattern p may match ending inside a word (no whole-word boundary at its
 * end); the scan then checks that pattern's states at every character, not only at word ends.
 */
export function buildAutomaton(patterns: readonly Uint8Array[], anyPosition?: ArrayLike<number>, first?: ArrayLike<number>): Automaton {
  const A = ALPHABET_SIZE;
  let maxStates = 1;
  for (const p of patterns) maxStates += p.length;
  // trie goto table, -1 = no edge (filled in as the DFA transition below)
  const go = new Int32Array(maxStates * A).fill(-1);
  const ownHead = new Int32Array(maxStates).fill(-1);
  const ownNext = new Int32Array(patterns.length).fill(-1);
  const ownCount = new Int32Array(maxStates);
  const depth = new Int32Array(maxStates);
  const parent = new Int32Array(maxStates);
  const edgeCode = new Uint8Array(maxStates);
  let states = 1;
  for (let p = 0; p < patterns.length; p++) {
    const pat = patterns[p]!;
    let s = 0;
    for (let i = 0; i < pat.length; i++) {
      const idx = s * A + pat[i]!;
      let next = go[idx]!;
      if (next < 0) {
        next = states++;
        go[idx] = next;
        depth[next] = depth[s]! + 1;
        parent[next] = s;
        edgeCode[next] = pat[i]!;
      }
      s = next;
    }
    ownNext[p] = ownHead[s]!;
    ownHead[s] = p;
    ownCount[s]!++;
  }
  const fail = new Int32Array(states);
  const order = new Int32Array(states);
  let qHead = 0;
  let qTail = 0;
  for (let c = 0; c < A; c++) {
    const next = go[c]!;
    if (next > 0) {
      fail[next] = 0;
      order[qTail++] = next;
    } else go[c] = 0;
  }
  while (qHead < qTail) {
    const s = order[qHead++]!;
    const base = s * A;
    const fbase = fail[s]! * A;
    for (let c = 0; c < A; c++) {
      const next = go[base + c]!;
      if (next >= 0) {
        fail[next] = go[fbase + c]!;
        order[qTail++] = next;
      } else go[base + c] = go[fbase + c]!;
    }
  }
  // outputs: own patterns + outputs of the fail state (complete, BFS order)
  const outCount = new Int32Array(states);
  outCount[0] = ownCount[0]!;
  for (let k = 0; k < qTail; k++) {
    const s = order[k]!;
    outCount[s] = ownCount[s]! + outCount[fail[s]!]!;
  }
  const outStart = new Int32Array(states + 1);
  let total = 0;
  for (let s = 0; s < states; s++) {
    outStart[s] = total;
    total += outCount[s]!;
  }
  outStart[states] = total;
  const outList = new Int32Array(total);
  const fillState = (s: number): void => {
    let w = outStart[s]!;
    for (let p = ownHead[s]!; p >= 0; p = ownNext[p]!) outList[w++] = p;
    if (s !== 0) {
      const f = fail[s]!;
      outList.copyWithin(w, outStart[f]!, outStart[f]! + outCount[f]!);
    }
  };
  fillState(0);
  for (let k = 0; k < qTail; k++) fillState(order[k]!);
  // renumber states in BFS order so that the shallow states, where the scan spends most of its
  // time, share a few cache lines
  const rank = new Int32Array(states);
  const byRank = new Int32Array(states);
  byRank[0] = 0;
  for (let k = 0; k < qTail; k++) {
    rank[order[k]!] = k + 1;
    byRank[k + 1] = order[k]!;
  }
  // dense rows for all states of depth ≤ D: their targets have depth ≤ D + 1, so they fit in 16 bits
  // while fewer than 65,536 states have depth ≤ D + 1; at most MAX_DENSE rows (memory, cache)
  const countUpTo: number[] = [];
  for (let r = 0; r < states; r++) {
    const d = depth[byRank[r]!]!;
    countUpTo[d] = r + 1;
  }
  let dense = 1;
  if (states <= MAX_DENSE) dense = states;
  else {
    for (let d = 0; d + 1 < countUpTo.length; d++) {
      if (countUpTo[d + 1]! > 65535 || countUpTo[d]! > MAX_DENSE) break;
      dense = countUpTo[d]!;
    }
  }
  const delta = new Uint16Array(dense * A);
  const outStart2 = new Int32Array(states + 1);
  const outSplit = new Int32Array(states);
  const outList2 = new Int32Array(total);
  const fail2 = new Int32Array(states);
  const childStart = new Int32Array(states + 1);
  let w = 0;
  for (let r = 0; r < states; r++) {
    const old = byRank[r]!;
    if (r < dense) {
      const ob = old * A;
      const nb = r * A;
      for (let c = 0; c < A; c++) delta[nb + c] = rank[go[ob + c]!]!;
    }
    fail2[r] = rank[fail[old]!]!;
    outStart2[r] = w;
    // `first` patterns, then the others (stable)
    for (let k = outStart[old]!; k < outStart[old + 1]!; k++) if (!first || first[outList[k]!]) outList2[w++] = outList[k]!;
    outSplit[r] = w;
    if (first) for (let k = outStart[old]!; k < outStart[old + 1]!; k++) if (!first[outList[k]!]) outList2[w++] = outList[k]!;
    // trie children of deep states (BFS: a state's children are consecutive in rank order)
    if (r > 0) {
      const pr = rank[parent[old]!]!;
      if (pr >= dense) childStart[pr + 1]!++;
    }
  }
  outStart2[states] = w;
  // 16-bit bounds while the output list is short enough (memory: two entries per state)
  const outIndex = w < 65536 ? new Uint16Array(2 * states + 2) : new Int32Array(2 * states + 2);
  for (let r = 0; r < states; r++) {
    outIndex[2 * r] = outStart2[r]!;
    outIndex[2 * r + 1] = outSplit[r]!;
  }
  outIndex[2 * states] = w;
  outIndex[2 * states + 1] = w;
  for (let r = 0; r < states; r++) childStart[r + 1]! += childStart[r]!;
  const childCode = new Uint8Array(childStart[states]!);
  const childNext = new Int32Array(childStart[states]!);
  const fillPos = childStart.slice(0, states);
  for (let r = 1; r < states; r++) {
    const old = byRank[r]!;
    const pr = rank[parent[old]!]!;
    if (pr < dense) continue;
    const k = fillPos[pr]!++;
    childCode[k] = edgeCode[old]!;
    childNext[k] = r;
  }
  const hasOut = new Uint8Array(states);
  let anyPos = false;
  for (let r = 0; r < states; r++) {
    let flags = 0;
    for (let k = outStart2[r]!; k < outStart2[r + 1]!; k++) flags |= anyPosition?.[outList2[k]!] ? ANY_POSITION_OUT : WHOLE_WORD_OUT;
    hasOut[r] = flags;
    if (flags & ANY_POSITION_OUT) anyPos = true;
  }
  const lengths = Int32Array.from(patterns, (p) => p.length);
  // only deep states need trie edges and failure links: keep their part (indexed by s - dense)
  return { delta, dense, childStart: childStart.slice(dense), childCode, childNext, fail: fail2.slice(dense), outIndex, outList: outList2, hasOut, anyPosition: anyPos, lengths, states };
}

/** Dense rows at most (× 80 bytes): ~1.9 MB; the rest of the states use trie edges + failure links. */
const MAX_DENSE = 24576;

export function automatonBytes(a: Automaton): number {
  return (
    a.delta.byteLength +
    a.childStart.byteLength +
    a.childCode.byteLength +
    a.childNext.byteLength +
    a.fail.byteLength +
    a.outIndex.byteLength +
    a.outList.byteLength +
    a.hasOut.byteLength +
    a.lengths.byteLength
  );
}
