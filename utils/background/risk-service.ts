import type { Assessment } from '../../contract/assessment';
import type { Listing } from '../../contract/listing';
import type { HitExplanation } from '../messaging/protocol';
import { explainMatch } from '../training/explain-hit';
import { compareVersions, compilePack, createRiskEngine, getDefaultPack, packEtag, toAssessInput, type AssessInput, type CompiledPack, type PackError, type RiskEngine } from '../risk/index';

export type PackRefresh =
  | { outcome: 'updated' | 'unchanged'; version: string }
  /** the hotline offers a pack older than the one shipped with this extension: kept the current one */
  | { outcome: 'older'; version: string; offered: string }
  | { outcome: 'refused'; version: string; errors: PackError[] }
  | { outcome: 'unreachable'; version: string; message: string };

export interface RiskServiceDeps {
  /** the last pack accepted from the hotline, kept across browser restarts */
  loadStoredPack(): Promise<unknown>;
  storePack(json: unknown): Promise<void>;
  fetchImpl?: typeof fetch;
}

export interface RiskService {
  assess(input: AssessInput): Promise<Assessment>;
  assessListing(listing: Listing): Promise<Assessment>;
  /** training mode: each hit's phrase as the engine read it, and its rule's near-misses */
  explain(hits: readonly { ruleId: string; text?: string }[]): Promise<HitExplanation[]>;
  /** asks the hotline for a newer pack; a pack that fails validation is refused and the current one stays */
  refresh(apiBaseUrl: string): Promise<PackRefresh>;
}

const REFRESH_TIMEOUT_MS = 20_000;

export const isFlagged = (assessment: Assessment) => assessment.level === 'medium' || assessment.level === 'high';

/** The hotline's ETag is the SHA-256 of the pack's canonical content (utils/risk/pack-hash.ts); computed once per pack. */
const etags = new WeakMap<CompiledPack, Promise<string>>();
function etagOf(pack: CompiledPack): Promise<string> {
  let etag = etags.get(pack);
  if (!etag) etags.set(pack, (etag = packEtag(pack.source)));
  return etag;
}

/**
 * The pack to start from: the stored one (the hotline's) unless the pack shipped with this extension is newer
 * (semver), as after an extension update that brought a newer pack than the one the hotline last sent.
 */
export function chooseStartPack(stored: CompiledPack | undefined, shipped: CompiledPack): CompiledPack {
  return stored && compareVersions(stored.version, shipped.version) >= 0 ? stored : shipped;
}

/** The engine is compiled on first use, not at worker start-up: most wake-ups only deliver the outbox. */
export function createRiskService({ loadStoredPack, storePack, fetchImpl = fetch }: RiskServiceDeps): RiskService {
  let engine: Promise<RiskEngine> | undefined;
  const get = () =>
    (engine ??= (async () => {
      const stored = await loadStoredPack().catch(() => undefined);
      // A stored pack passed every check when it was accepted; a broken store falls back to the shipped pack.
      const compiled = stored === undefined ? undefined : compilePack(stored, { checkExamples: false });
      return createRiskEngine(chooseStartPack(compiled?.ok ? compiled.pack : undefined, getDefaultPack()));
    })());

  return {
    assess: async (input) => (await get()).assess(input),
    assessListing: async (listing) => (await get()).assess(toAssessInput(listing)),
    async explain(hits) {
      const { pack } = await get();
      return hits.map(({ ruleId, text }) => ({
        ruleId,
        text,
        ...(text ? explainMatch(text) : { disguises: [] }),
        nearMisses: [...(pack.rules.find((rule) => rule.id === ruleId)?.nearMisses ?? [])],
      }));
    },
    async refresh(apiBaseUrl) {
      const active = await get();
      let response: Response;
      try {
        const etag = await etagOf(active.pack);
        response = await fetchImpl(`${apiBaseUrl}/v1/rule-pack`, { headers: { 'if-none-match': etag }, signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS) });
      } catch (error) {
        return { outcome: 'unreachable', version: active.pack.version, message: error instanceof Error ? error.message : String(error) };
      }
      if (response.status === 304) return { outcome: 'unchanged', version: active.pack.version };
      let json: unknown;
      try {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        json = await response.json();
      } catch (error) {
        return { outcome: 'unreachable', version: active.pack.version, message: error instanceof Error ? error.message : String(error) };
      }
      const offered = (json as { version?: unknown } | null)?.version;
      const shipped = getDefaultPack();
      // never step below the pack this extension ships (a hotline running older code publishes an older default)
      if (typeof offered === 'string' && compareVersions(offered, shipped.version) < 0) return { outcome: 'older', version: active.pack.version, offered };
      const result = active.update(json);
      if (!result.ok) return { outcome: 'refused', version: active.pack.version, errors: result.errors };
      await storePack(json);
      return { outcome: 'updated', version: active.pack.version };
    },
  };
}
