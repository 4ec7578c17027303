import { z } from 'zod';
import { ViolationCategorySchema } from './category-schema';
import { LIMITS } from './limits';

export const RiskLevelSchema = z.enum(['none', 'low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

export const RiskHitSchema = z.object({
  ruleId: z.string().max(100),
  category: ViolationCategorySchema,
  /** listing field the text was found in, e.g. "title", "description", "price" */
  field: z.string().max(40),
  /** span in the original (un-normalised) field text; absent for non-text signals such as price */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  text: z.string().max(LIMITS.shortText).optional(),
  explanation: z.object({ vi: z.string().max(1000), en: z.string().max(1000) }),
  legalRef: z.string().max(500),
  weight: z.number().optional(),
});
export type RiskHit = z.infer<typeof RiskHitSchema>;

export const AssessmentSchema = z.object({
  level: RiskLevelSchema,
  score: z.number().nonnegative(),
  categories: z.array(ViolationCategorySchema),
  hits: z.array(RiskHitSchema).max(LIMITS.hits),
  packId: z.string().max(100).optional(),
  packVersion: z.string().max(40).optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
