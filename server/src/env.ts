import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from './logger.ts';

// The only reader of process.env on the server: everything else receives a validated Env.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8389),
  HOST: z.string().min(1).default('127.0.0.1'),
  HOTLINE_DATA_DIR: z.string().min(1).default(path.join(projectRoot, '.data', 'hotline')),
  /** a PostgreSQL server instead of the embedded database, e.g. postgres://hotline@db.internal/hotline */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** request bodies above this many bytes are refused with 413 */
  HOTLINE_BODY_LIMIT: z.coerce.number().int().positive().default(1024 * 1024),
  /** JSON rule pack to publish at /v1/rule-pack instead of the shipped default */
  HOTLINE_RULE_PACK: z.string().min(1).optional(),
  /** first start only: with no user in the database, create this admin (organisation "BCĐ 389") */
  HOTLINE_ADMIN_EMAIL: z.email().optional().or(z.literal('').transform(() => undefined)),
  HOTLINE_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').max(200).optional().or(z.literal('').transform(() => undefined)),
  /** the public address of this API, e.g. https://hotline.example.gov.vn (OpenAPI `servers`) */
  HOTLINE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  /** comma-separated origins (besides the extension's) allowed to call the reporting API from a browser */
  HOTLINE_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  /** report submissions per client address: a burst allowance refilled per minute, and a daily allowance */
  HOTLINE_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  HOTLINE_RATE_PER_DAY: z.coerce.number().int().positive().default(500),
  /** how many reverse proxies in front append to X-Forwarded-For (0: use the TCP peer address) */
  HOTLINE_TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** a request must be received whole within this many ms (slow-body attacks), default 30 s */
  HOTLINE_BODY_TIMEOUT: z.coerce.number().int().min(1000).default(30_000),
  /** structured request and error logs (JSON lines on stdout); never bodies, notes or contacts */
  HOTLINE_LOG: z.enum(LOG_LEVELS).default('info'),
  /** the hotline's evidence countersigning key, PKCS#8 PEM (ECDSA P-256); default <data>/keys/hotline-signing-key.pem, made on first start */
  HOTLINE_SIGNING_KEY_FILE: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** the secret behind evidence upload tokens; default <data>/keys/upload-token.secret, made on first start */
  HOTLINE_UPLOAD_SECRET_FILE: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** evidence files on disk (when no S3 bucket is configured); default <data>/evidence */
  HOTLINE_EVIDENCE_DIR: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** evidence files in an S3-compatible bucket instead (path-style), e.g. https://s3.ap-southeast-1.amazonaws.com */
  HOTLINE_EVIDENCE_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  HOTLINE_EVIDENCE_S3_BUCKET: z.string().min(1).max(63).optional().or(z.literal('').transform(() => undefined)),
  HOTLINE_EVIDENCE_S3_REGION: z.string().min(1).default('us-east-1'),
  HOTLINE_EVIDENCE_S3_ACCESS_KEY_ID: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  HOTLINE_EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** evidence chunk uploads (≤ 1 MiB each) per client address, per minute and per day */
  HOTLINE_UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().positive().default(240),
  HOTLINE_UPLOAD_RATE_PER_DAY: z.coerce.number().int().positive().default(5000),
  /** evidence bytes per client address per day (a daily allowance refilled continuously); at least one 1 MiB chunk */
  HOTLINE_UPLOAD_BYTES_PER_DAY: z.coerce.number().int().min(1024 * 1024, 'at least 1048576 (one chunk)').default(200 * 1024 * 1024),
  /** evidence whose upload is not complete this many days after the report is abandoned and its bytes deleted */
  HOTLINE_EVIDENCE_INCOMPLETE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
}).superRefine((env, ctx) => {
  const s3 = [env.HOTLINE_EVIDENCE_S3_ENDPOINT, env.HOTLINE_EVIDENCE_S3_BUCKET, env.HOTLINE_EVIDENCE_S3_ACCESS_KEY_ID, env.HOTLINE_EVIDENCE_S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    ctx.addIssue({ code: 'custom', path: ['HOTLINE_EVIDENCE_S3_ENDPOINT'], message: 'set all of HOTLINE_EVIDENCE_S3_ENDPOINT, _BUCKET, _ACCESS_KEY_ID and _SECRET_ACCESS_KEY, or none' });
  }
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid environment: ${detail}`);
  }
  return parsed.data;
}
