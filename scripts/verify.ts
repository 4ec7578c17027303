// `npm run verify -- <bundle.zip> [--keys <keys.json from /v1/keys>] [--require-receipt]`
// Checks an evidence bundle: every file against the signed manifest, the extension's signature, the hotline's
// countersignature (against the published keys when --keys is given), and the zip itself byte for byte.
// Exit 0: valid (a short summary on stdout); 1: invalid (the first failure on stderr); 2: usage error.
import { readFileSync } from 'node:fs';
import { verifyBundle } from '../contract/evidence-bundle.ts';
import { HotlineKeysSchema } from '../contract/evidence.ts';

const USAGE = 'usage: npm run verify -- <bundle.zip> [--keys <keys.json from GET /v1/keys>] [--require-receipt]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let bundlePath: string | undefined;
let keysPath: string | undefined;
let requireReceipt = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--keys') {
    keysPath = args[++i];
    if (!keysPath) usage('--keys needs a file');
  } else if (arg === '--require-receipt') requireReceipt = true;
  else if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
  else if (bundlePath) usage('one bundle at a time');
  else bundlePath = arg;
}
if (!bundlePath) usage('no bundle given');

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    return usage(`cannot read ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

let trustedHotlineKeyIds: string[] | undefined;
if (keysPath) {
  let parsed;
  try {
    parsed = HotlineKeysSchema.safeParse(JSON.parse(read(keysPath, 'keys').toString('utf8')));
  } catch {
    usage(`${keysPath} is not JSON`);
  }
  if (!parsed.success) usage(`${keysPath} is not the answer of GET /v1/keys ({"keys":[{keyId, alg, jwk, pem, createdAt}]})`);
  trustedHotlineKeyIds = parsed.data.keys.map((key) => key.keyId);
}

const zip = new Uint8Array(read(bundlePath, 'bundle'));
const verdict = await verifyBundle(zip, { trustedHotlineKeyIds, requireReceipt });
if (!verdict.ok) {
  console.error(`INVALID ${bundlePath}: ${verdict.failure}`);
  process.exit(1);
}
const { summary } = verdict;
const lines = [
  `VALID ${bundlePath}`,
  `  listing      ${summary.listingKey}`,
  `  url          ${summary.url}`,
  `  captured     ${summary.capturedAt}`,
  `  manifest     sha256 ${summary.manifestSha256}`,
  `  reporter key ${summary.reporterKeyId}`,
  `  files        ${summary.files.length}, ${summary.bytes} bytes`,
  ...summary.files.map((file) => `    ${file.name.padEnd(28)} ${file.role.padEnd(11)} ${String(file.size).padStart(10)} bytes`),
  summary.receipt
    ? `  receipt      ${summary.receipt.trackingCode} received ${summary.receipt.receivedAt}, hotline key ${summary.receipt.keyId}${trustedHotlineKeyIds ? ' (published)' : ' (not checked against /v1/keys: pass --keys)'}`
    : '  receipt      none (no hotline countersignature)',
];
console.log(lines.join('\n'));
