import type { Assessment } from '../../contract/assessment';
import type { Listing } from '../../contract/listing';
import { createRiskEngine, getDefaultPack, toAssessInput, type AssessInput, type RiskEngine } from '../risk/index';

export interface RiskService {
  assess(input: AssessInput): Assessment;
  assessListing(listing: Listing): Assessment;
}

export const isFlagged = (assessment: Assessment) => assessment.level === 'medium' || assessment.level === 'high';

/** The engine is compiled on first use, not at worker start-up: most wake-ups only deliver the outbox. */
export function createRiskService(): RiskService {
  let engine: RiskEngine | undefined;
  const get = () => (engine ??= createRiskEngine(getDefaultPack()));
  return {
    assess: (input) => get().assess(input),
    assessListing: (listing) => get().assess(toAssessInput(listing)),
  };
}
