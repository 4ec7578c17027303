import type { Assessment } from '../../contract/assessment';
import type { Listing } from '../../contract/listing';
import type { HitExplanation } from '../messaging/protocol';
import { explainMatch } from '../training/explain-hit';
import { compilePack, createRiskEngine, getDefaultPack, toAssessInput, type AssessInput, type PackError, type RiskEngine } from '../risk/index';

export type PackRefresh =
  | { outcome: 'updated' | 'unchanged'; version: string }
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

export const isFlagged = (assessment: Assessment) => assessment.level === 'medium' || assessment.level === 'high';

const etagOf = (engine: RiskEngine) => `"${engine.pack.packId}@${engine.pack.version}"`;

/** The engine is compiled on first use, not at worker start-up: most wake-ups only deliver the outbox. */
export function createRiskService({ loadStoredPack, storePack, fetchImpl = fetch }: RiskServiceDeps): RiskService {
  let engine: Promise<RiskEngine> | undefined;
  const get = () =>
    (engine ??= (async () => {
      const stored = await loadStoredPack().catch(() => undefined);
      // A stored pack passed every check when it was accepted; a broken store falls back to the shipped pack.
      const compiled = stored === undefined ? undefined : compilePack(stored, { checkExamples: false });
      return createRiskEngine(compiled?.ok ? compiled.pack : getDefaultPack());
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
        response = await fetchImpl(`${apiBaseUrl}/v1/rule-pack`, { headers: { 'if-none-match': etagOf(active) }, signal: AbortSignal.timeout(20_000) });
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
      const result = active.update(json);
      if (!result.ok) return { outcome: 'refused', version: active.pack.version, errors: result.errors };
      await storePack(json);
      return { outcome: 'updated', version: active.pack.version };
    },
  };
}
