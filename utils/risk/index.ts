/**
 * Risk engine: assesses a marketplace listing against a rule pack.
 *
 * Pure TypeScript with relative imports only (no DOM, no browser APIs, no WXT auto-imports):
 * it runs in the background service worker, in Node CLIs and in tests.
 *
 *   const loaded = compilePack(DEFAULT_PACK_JSON);          // zod-validate + regex safety + automaton
 *   if (!loaded.ok) console.error(loaded.errors);           // [{ ruleId, path, message }]
 *   const engine = createRiskEngine(loaded.pack);
 *   engine.assess(toAssessInput(listing));                  // → Assessment (contract/assessment.ts)
 *   engine.update(newPackJson);                             // failed update keeps the previous pack
 *
 * Assessment: `level` none | low | medium | high (flagged = medium or high), `score` (sum of the
 * weights of the rules that fired), `categories` (strongest first), `hits` with rule id, category,
 * field, [start, end) span in the ORIGINAL field string (UTF-16; `original.slice(start, end)` is
 * the matched text; price hits have field "price" and no span), cautious vi/en explanation and
 * legal reference. Input is bounded per field (title 500, description 10 000, shop/brand 300).
 */
import type { Listing } from '../../contract/listing';
import defaultPack from './packs/default.json';
import { assess } from './assess';
import { compilePack, checkExamples, exampleToInput } from './compile';
import { createRiskEngine, type RiskEngine } from './engine';
import type { AssessInput, CompiledPack, PackError, PackLoadResult, PackStats } from './types';

export type { AssessInput, CompiledPack, PackError, PackLoadResult, PackStats, RiskEngine };
export { assess, compilePack, checkExamples, exampleToInput, createRiskEngine };
export { normaliseCompact, foldSimple } from './normalise';
export { checkRegexSafety } from './safe-regex';
export { canonicalJson, packContentHash, packEtag } from './pack-hash';
export { compareVersions } from './version';

/** The shipped pack (utils/risk/packs/default.json), as parsed JSON. */
export const DEFAULT_PACK_JSON: unknown = defaultPack;

/** Map an adapter Listing to the engine's input. */
export function toAssessInput(listing: Listing): AssessInput {
  return {
    site: listing.site,
    title: listing.title,
    description: listing.description,
    price: listing.price ?? listing.priceMin,
    currency: listing.currency,
    brand: listing.brand,
    shopName: listing.seller?.name,
    categoryPath: listing.categoryPath,
  };
}

let defaultCompiled: CompiledPack | undefined;
/** The default pack, compiled once (lazily). Throws only if the shipped pack is broken (a test guards it). */
export function getDefaultPack(): CompiledPack {
  if (!defaultCompiled) {
    const r = compilePack(DEFAULT_PACK_JSON, { checkExamples: false });
    if (!r.ok) throw new Error(`default rule pack refused: ${r.errors.map((e) => `${e.ruleId ?? ''} ${e.path}: ${e.message}`).join('; ')}`);
    defaultCompiled = r.pack;
  }
  return defaultCompiled;
}
