import { z } from 'zod';
import { VIOLATION_CATEGORY_IDS } from './categories';

export const ViolationCategorySchema = z.enum(VIOLATION_CATEGORY_IDS);
