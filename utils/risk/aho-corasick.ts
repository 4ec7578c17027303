import { ALPHABET_SIZE } from './normalise';

/**
 * Aho–Corasick automaton over the compact alphabet (40 symbols), compiled to a dense DFA:
 * one table lookup per input character, whatever the number of patterns.
 */
export interface Automaton {
  /** next state = delta[state * ALPHABET_SIZE + code] (16-bit when the automaton has < 65536 states) */
  delta: Uint16Array | Int32Array;
  /** outputs of state s: outList[outStart[s] .. outStart[s + 1]) (pattern ids, suffix outputs included) */
  outStart: Int32Array;
  outList: Int32Array;
  /** pattern lengths in compact characters */
  lengths: Int32Array;
  states: number;
}

export function buildAutomaton(patterns: readonly Uint8Array[]): Automaton {
  const A = ALPHABET_SIZE;
  let maxStates = 1;
  for (const p of patterns) maxStates += p.length;
  // trie goto table, -1 = no edge (filled in as the DFA transition below)
  const go = new Int32Array(maxStates * A).fill(-1);
  const ownHead = new Int32Array(maxStates).fill(-1);
  const ownNext = new Int32Array(patterns.length).fill(-1);
  const ownCount = new Int32Array(maxStates);
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
  const delta = states < 65536 ? new Uint16Array(states * A) : new Int32Array(states * A);
  const outStart2 = new Int32Array(states + 1);
  const outList2 = new Int32Array(total);
  let w = 0;
  for (let r = 0; r < states; r++) {
    const old = byRank[r]!;
    const ob = old * A;
    const nb = r * A;
    for (let c = 0; c < A; c++) delta[nb + c] = rank[go[ob + c]!]!;
    outStart2[r] = w;
    for (let k = outStart[old]!; k < outStart[old + 1]!; k++) outList2[w++] = outList[k]!;
  }
  outStart2[states] = w;
  const lengths = Int32Array.from(patterns, (p) => p.length);
  return { delta, outStart: outStart2, outList: outList2, lengths, states };
}

export function automatonBytes(a: Automaton): number {
  return a.delta.byteLength + a.outStart.byteLength + a.outList.byteLength + a.lengths.byteLength;
}
