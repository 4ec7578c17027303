import type { Assessment } from '../../contract/assessment';
import { assess } from './assess';
import { compilePack, type CompileOptions } from './compile';
import type { AssessInput, CompiledPack, PackLoadResult } from './types';

export interface RiskEngine {
  /** the active compiled pack */
  readonly pack: CompiledPack;
  /** compile and swap in a new pack; on failure the previous pack stays active and the errors are returned */
  update(json: unknown, options?: CompileOptions): PackLoadResult;
  assess(input: AssessInput): Assessment;
}

export function createRiskEngine(initial: CompiledPack): RiskEngine {
  let active = initial;
  return {
    get pack() {
      return active;
    },
    update(json, options) {
      const result = compilePack(json, options);
      if (result.ok) active = result.pack;
      return result;
    },
    assess(input) {
      return assess(input, active);
    },
  };
}
