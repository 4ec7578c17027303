import { RulePackSchema, type RuleExample, type RulePack } from '../../contract/rule-pack';
import { automatonBytes, buildAutomaton } from './aho-corasick';
import { assess } from './assess';
import { ExpandError, expandPhrase } from './expand';
import { codesToString, foldPattern } from './normalise';
import { checkRegexSafety } from './safe-regex';
import {
  FIELDS,
  FIELD_INDEX,
  MODE_BOTH,
  MODE_NONE,
  MODE_START,
  type AssessInput,
  type CompiledPack,
  type CompiledPriceRef,
  type CompiledRegex,
  type CompiledRule,
  type PackError,
  type PackLoadResult,
} from './types';

export interface CompileOptions {
  /** run every rule's examples and refuse the pack if one fails (default true) */
  checkExamples?: boolean;
}

export function exampleToInput(example: RuleExample): AssessInput {
  return typeof example === 'string' ? { title: example } : { ...example };
}

/** zod-validate, check regex safety, expand phrases and compile the automaton. Never throws. */
export function compilePack(json: unknown, options: CompileOptions = {}): PackLoadResult {
  const parsed = RulePackSchema.safeParse(json);
  if (!parsed.success) {
    const rawRules = (json as { rules?: unknown } | null)?.rules;
    const errors: PackError[] = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      let ruleId: string | undefined;
      if (issue.path[0] === 'rules' && typeof issue.path[1] === 'number' && Array.isArray(rawRules)) {
        const raw = rawRules[issue.path[1]] as { id?: unknown } | undefined;
        ruleId = typeof raw?.id === 'string' ? raw.id : `#${issue.path[1]}`;
      }
      return { ruleId, path, message: issue.message };
    });
    return { ok: false, errors };
  }
  const doc = parsed.data;
  const built = build(doc);
  if (!built.ok) return built;
  if (options.checkExamples !== false) {
    const errors = checkExamples(built.pack);
    if (errors.length) return { ok: false, errors };
  }
  return built;
}

/** Run each rule's examples: `flag` texts must produce a hit of the rule, `pass` texts must not. */
export function checkExamples(pack: CompiledPack): PackError[] {
  const errors: PackError[] = [];
  pack.source.rules.forEach((rule, ri) => {
    rule.examples.flag.forEach((ex, k) => {
      const a = assess(exampleToInput(ex), pack);
      if (!a.hits.some((h) => h.ruleId === rule.id))
        errors.push({ ruleId: rule.id, path: `rules.${ri}.examples.flag.${k}`, message: `example not flagged: ${JSON.stringify(ex).slice(0, 200)}` });
    });
    rule.examples.pass.forEach((ex, k) => {
      const a = assess(exampleToInput(ex), pack);
      if (a.hits.some((h) => h.ruleId === rule.id))
        errors.push({ ruleId: rule.id, path: `rules.${ri}.examples.pass.${k}`, message: `near-miss flagged: ${JSON.stringify(ex).slice(0, 200)}` });
    });
  });
  return errors;
}

/**
 * CSR index over ids 0 .. ids - 1 from (id, value) pairs: the values of id are
 * list[start[id] .. start[id + 1]), ascending.
 */
function csrIndex(pairs: [number, number][], ids: number): { start: Int32Array; list: Int32Array } {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const start = new Int32Array(ids + 1);
  for (const [id] of pairs) start[id + 1]!++;
  for (let id = 0; id < ids; id++) start[id + 1]! += start[id]!;
  return { start, list: Int32Array.from(pairs, (p) => p[1]) };
}

/**
 * Number every trigger group of every regex (a slot; sets rx.slots) and index literal id → its slots,
 * so that recording a literal stamps the groups it satisfies and a regex's gate is a few loads.
 */
function triggerIndex(regexes: CompiledRegex[], numLits: number): { triggerStart: Int32Array; triggerList: Int32Array } {
  const pairs: [number, number][] = [];
  let slot = 0;
  for (const rx of regexes) {
    const groups = rx.triggers ? [rx.triggers, ...rx.alsoTriggers] : rx.alsoTriggers;
    rx.slots = Int32Array.from(groups, () => slot++);
    groups.forEach((group, g) => {
      for (const id of new Set(group)) pairs.push([id, rx.slots[g]!]);
    });
  }
  const { start, list } = csrIndex(pairs, numLits);
  return { triggerStart: start, triggerList: list };
}

/** literal id → the price references it names, over ids 0 .. ids - 1 */
function priceRefIndex(priceRefs: readonly CompiledPriceRef[], ids: number): { priceRefStart: Int32Array; priceRefList: Int32Array } {
  const pairs: [number, number][] = [];
  priceRefs.forEach((r, ri) => {
    for (const id of new Set(r.names)) pairs.push([id, ri]);
  });
  const { start, list } = csrIndex(pairs, ids);
  return { priceRefStart: start, priceRefList: list };
}

function build(doc: RulePack): PackLoadResult {
  const errors: PackError[] = [];
  const patterns: Uint8Array[] = [];
  const litMode: number[] = [];
  const litBoundaries: Uint8Array[] = [];
  const litKey = new Map<string, number>();
  let sourcePhrases = 0;
  let expandedCount = 0;

  /** expand + fold a list of phrase templates into literal ids */
  const literals = (templates: readonly string[], mode: number, ruleId: string | undefined, path: string): Int32Array => {
    const ids = new Set<number>();
    templates.forEach((template, k) => {
      sourcePhrases++;
      let variants: string[];
      try {
        variants = expandPhrase(template, doc.macros);
      } catch (e) {
        errors.push({ ruleId, path: `${path}.${k}`, message: e instanceof ExpandError ? e.message : String(e) });
        return;
      }
      for (const v of variants) {
        const { codes, boundaries } = foldPattern(v);
        if (codes.length === 0) {
          errors.push({ ruleId, path: `${path}.${k}`, message: `phrase "${v}" is empty after normalisation` });
          continue;
        }
        if (codes.length === 1 && mode !== MODE_BOTH) {
          errors.push({ ruleId, path: `${path}.${k}`, message: `one-character phrase "${v}" must use whole-word matching` });
          continue;
        }
        expandedCount++;
        const key = `${mode}|${codesToString(codes)}|${Array.from(boundaries).join('')}`;
        let id = litKey.get(key);
        if (id === undefined) {
          id = patterns.length;
          patterns.push(codes);
          litMode.push(mode);
          litBoundaries.push(boundaries);
          litKey.set(key, id);
        }
        ids.add(id);
      }
    });
    return Int32Array.from(ids);
  };

  const ruleIds = new Set<string>();
  const priceRefIds = new Map<string, number>();
  const priceRefs: CompiledPriceRef[] = doc.priceReferences.map((ref, i) => {
    if (priceRefIds.has(ref.id)) errors.push({ path: `priceReferences.${i}.id`, message: `duplicate price reference id "${ref.id}"` });
    priceRefIds.set(ref.id, i);
    return {
      id: ref.id,
      displayName: ref.names[0]!,
      names: literals(ref.names, MODE_BOTH, undefined, `priceReferences.${i}.names`),
      genuineMin: ref.genuineMin,
      products: ref.products.map((p, j) => ({
        lits: literals(p.words, MODE_BOTH, undefined, `priceReferences.${i}.products.${j}.words`),
        genuineMin: p.genuineMin,
      })),
      exclude: literals(ref.exclude, MODE_BOTH, undefined, `priceReferences.${i}.exclude`),
    };
  });
  const priceExclude = literals(doc.priceExclude, MODE_BOTH, undefined, 'priceExclude');

  const primaryLits: Int32Array[] = [];
  const regexes: CompiledRegex[] = [];
  const rules: CompiledRule[] = doc.rules.map((rule, ri) => {
    const path = `rules.${ri}`;
    if (ruleIds.has(rule.id)) errors.push({ ruleId: rule.id, path: `${path}.id`, message: `duplicate rule id "${rule.id}"` });
    ruleIds.add(rule.id);
    const mode = rule.wordBoundary === 'both' ? MODE_BOTH : rule.wordBoundary === 'start' ? MODE_START : MODE_NONE;
    primaryLits.push(literals(rule.phrases, mode, rule.id, `${path}.phrases`));
    rule.regexes.forEach((rx, k) => {
      const reason = checkRegexSafety(rx.source, rx.flags);
      if (reason) {
        errors.push({ ruleId: rule.id, path: `${path}.regexes.${k}.source`, message: `regex refused: ${reason}` });
        return;
      }
      regexes.push({
        re: new RegExp(rx.source, rx.flags + 'g'),
        rule: ri,
        minDigits: rx.minDigits ?? 0,
        triggers: rx.triggers ? literals(rx.triggers, MODE_BOTH, rule.id, `${path}.regexes.${k}.triggers`) : null,
        alsoTriggers: (rx.alsoTriggers ?? []).map((group, g) => literals(group, MODE_BOTH, rule.id, `${path}.regexes.${k}.alsoTriggers.${g}`)),
        slots: new Int32Array(0),
      });
    });
    if (rule.kind === 'match' && rule.phrases.length === 0 && rule.regexes.length === 0)
      errors.push({ ruleId: rule.id, path, message: 'a match rule needs phrases or regexes' });
    if (rule.kind === 'missing_notice' && !rule.notice)
      errors.push({ ruleId: rule.id, path, message: 'a missing_notice rule needs "notice"' });
    if (rule.kind === 'price' && !rule.price) errors.push({ ruleId: rule.id, path, message: 'a price rule needs "price"' });
    let refs: Int32Array | null = null;
    if (rule.price?.refs) {
      refs = Int32Array.from(
        rule.price.refs.map((id) => {
          const idx = priceRefIds.get(id);
          if (idx === undefined) errors.push({ ruleId: rule.id, path: `${path}.price.refs`, message: `unknown price reference "${id}"` });
          return idx ?? -1;
        }),
      );
    }
    const require = literals(rule.context?.requireAny ?? [], MODE_BOTH, rule.id, `${path}.context.requireAny`);
    const forbid = literals(rule.context?.forbidAny ?? [], MODE_BOTH, rule.id, `${path}.context.forbidAny`);
    const exempt = literals(rule.context?.exemptAny ?? [], MODE_BOTH, rule.id, `${path}.context.exemptAny`);
    let fieldMask = 0;
    for (const f of rule.fields) fieldMask |= 1 << FIELD_INDEX[f];
    return {
      id: rule.id,
      category: rule.category,
      weight: rule.weight,
      kind: rule.kind,
      fieldMask,
      require,
      forbid,
      exempt,
      requireSet: new Set(require),
      forbidSet: new Set(forbid),
      window: rule.context?.window,
      forbidWindow: rule.context?.forbidWindow ?? rule.context?.window,
      sitesInclude: rule.sites?.include?.map((s) => s.toLowerCase()),
      sitesExclude: rule.sites?.exclude?.map((s) => s.toLowerCase()),
      price: rule.price ? { maxRatio: rule.price.maxRatio, refs } : undefined,
      notice: rule.notice
        ? { lits: literals(rule.notice.phrases, MODE_BOTH, rule.id, `${path}.notice.phrases`), minDescriptionLength: rule.notice.minDescriptionLength }
        : undefined,
      legalRef: rule.legalRef,
      explanation: rule.explanation,
      // what training mode shows as "would not trigger": the rule's own near-misses
      nearMisses: rule.examples.pass.slice(0, 3).map((example) => (typeof example === 'string' ? example : (example.title ?? example.description ?? ''))),
    };
  });
  if (errors.length) return { ok: false, errors };

  const numLits = patterns.length;
  // literal id (or numLits + regex index) → the rules it is primary evidence for, in rule order
  const usePairs: [number, number][] = [];
  primaryLits.forEach((ids, ri) => {
    for (const id of ids) usePairs.push([id, ri]);
  });
  regexes.forEach((rx, k) => usePairs.push([numLits + k, rx.rule]));
  const regexesByField: CompiledRegex[][] = FIELDS.map((_f, fi) => regexes.filter((rx) => (rules[rx.rule]!.fieldMask & (1 << fi)) !== 0));
  const { start: usesStart, list: usesList } = csrIndex(usePairs, numLits + regexes.length);
  const litOffset = new Int32Array(numLits + 1);
  let totalB = 0;
  litBoundaries.forEach((b, i) => {
    litOffset[i] = totalB;
    totalB += b.length;
  });
  litOffset[numLits] = totalB;
  const flatBoundaries = new Uint8Array(totalB);
  litBoundaries.forEach((b, i) => flatBoundaries.set(b, litOffset[i]!));
  // literals checked during the scan (evidence, price names, regex triggers); the others are context,
  // checked only for listings with evidence
  const litEager = new Uint8Array(numLits);
  for (let id = 0; id < numLits; id++) if (usesStart[id] !== usesStart[id + 1]) litEager[id] = 1;
  for (const r of priceRefs) for (const id of r.names) litEager[id] = 1;
  for (const rx of regexes) for (const group of [rx.triggers ?? new Int32Array(0), ...rx.alsoTriggers]) for (const id of group) litEager[id] = 1;
  // only whole-word literals (MODE_BOTH) need a boundary at their end
  const automaton = buildAutomaton(
    patterns,
    litMode.map((m) => (m === MODE_BOTH ? 0 : 1)),
    litEager,
  );
  const pack: CompiledPack = {
    packId: doc.packId,
    version: doc.version,
    issued: doc.issued,
    thresholds: doc.thresholds,
    automaton,
    litMode: Uint8Array.from(litMode),
    litOffset,
    litBoundaries: flatBoundaries,
    usesStart,
    usesList,
    rules,
    regexes,
    regexesByField,
    regexIndex: new Map(regexes.map((rx, k) => [rx, k])),
    priceRefs,
    priceExclude,
    ...priceRefIndex(priceRefs, numLits + regexes.length),
    ...triggerIndex(regexes, numLits),
    priceLit: (() => {
      const a = new Uint8Array(numLits + regexes.length + 1);
      for (const r of priceRefs) for (const id of r.names) a[id] = 1;
      return a;
    })(),
    fx: doc.fx,
    stats: {
      rules: rules.length,
      sourcePhrases,
      patterns: expandedCount,
      literals: numLits,
      regexes: regexes.length,
      states: automaton.states,
      automatonBytes: automatonBytes(automaton),
    },
    source: doc,
    scratch: {
      fieldMasks: new Uint8Array(Math.max(1, numLits)),
      anyStamps: new Int32Array(Math.max(1, numLits)),
      ruleStamps: new Int32Array(rules.length),
      needStamps: new Int32Array(Math.max(1, numLits)),
      refStamps: new Int32Array(Math.max(1, priceRefs.length)),
      triggerStamps: new Int32Array(Math.max(1, regexes.reduce((a, rx) => a + rx.slots.length, 0)) * FIELDS.length),
      epoch: 0,
    },
  };
  return { ok: true, pack };
}
