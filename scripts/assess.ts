/**
 * npm run assess -- <listings.jsonl> [--pack pack.json]
 * Reads one JSON object per line ({id, site, title, description, price, currency, brand?, shopName?})
 * and writes one line per input: {"id","level","score","categories","hits"}.
 * A malformed line yields {"id","error"} for that line and the run goes on; exit code 1 if any line failed.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { assess, compilePack, getDefaultPack, type CompiledPack } from '../utils/risk/index';

const LineSchema = z.object({
  id: z.union([z.string().max(200), z.number()]),
  site: z.string().max(200).optional(),
  title: z.string().max(5000).optional(),
  description: z.string().max(100_000).optional(),
  price: z.number().nonnegative().finite().optional(),
  currency: z.string().max(10).optional(),
  brand: z.string().max(500).optional(),
  shopName: z.string().max(500).optional(),
  categoryPath: z.array(z.string().max(300)).max(20).optional(),
});

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const packIdx = args.indexOf('--pack');
  let pack: CompiledPack;
  if (packIdx >= 0) {
    const r = compilePack(JSON.parse(readFileSync(args[packIdx + 1]!, 'utf8')));
    if (!r.ok) {
      for (const e of r.errors) console.error(`pack refused: ${e.ruleId ?? '-'} ${e.path}: ${e.message}`);
      return 2;
    }
    pack = r.pack;
    args.splice(packIdx, 2);
  } else pack = getDefaultPack();
  const file = args[0];
  if (!file) {
    console.error('usage: npm run assess -- <listings.jsonl> [--pack pack.json]');
    return 2;
  }
  const rl = createInterface({ input: file === '-' ? process.stdin : createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let failed = 0;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let id: string | number = `line:${lineNo}`;
    try {
      const raw: unknown = JSON.parse(line);
      const rawId = (raw as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string' || typeof rawId === 'number') id = rawId;
      const input = LineSchema.parse(raw);
      const a = assess(input, pack);
      process.stdout.write(JSON.stringify({ id: input.id, level: a.level, score: a.score, categories: a.categories, hits: a.hits }) + '\n');
    } catch (e) {
      failed++;
      const message = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') : (e as Error).message;
      process.stdout.write(JSON.stringify({ id, error: message }) + '\n');
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  },
);
