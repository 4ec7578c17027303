// `npm run pack:build`: checks the rule files in utils/risk/rules/ and writes utils/risk/packs/default.json.
//   npm run pack:build                   check every rule, then write the pack (only if every check passes)
//   npm run pack:build -- --check        check only, write nothing
//   npm run pack:build -- --check vape   check only the rules whose id or file name contains "vape"
// Exit code 0 = all good, 1 = something to fix (listed in plain words).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkAuthoredPack, DEFAULT_PACK_PATH, loadAuthoredPack, RULES_DIR, serialisePack, type AuthoredPack } from '../utils/risk/authoring';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const only = args.find((arg) => !arg.startsWith('--'));
const rel = (file: string) => path.relative(process.cwd(), file);

let authored: AuthoredPack;
try {
  authored = await loadAuthoredPack();
} catch (error) {
  console.error(`Could not read the rule files in ${rel(RULES_DIR)}: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Usually a missing comma, quote or bracket in the file you last edited; the message above names the file and line.');
  process.exit(1);
}

const problems = checkAuthoredPack(authored, only);
const checked = only ? authored.rules.filter(({ rule, file }) => rule.id.includes(only) || file.includes(only)).length : authored.rules.length;
if (only && checked === 0) {
  console.error(`No rule id or file name contains "${only}".`);
  process.exit(1);
}
if (problems.length) {
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} to fix (nothing was written):`);
  for (const p of problems) console.error(`  - ${rel(path.join(RULES_DIR, p.file))}${p.ruleId ? ` (rule ${p.ruleId})` : ''}: ${p.message}`);
  process.exit(1);
}
console.log(`OK: ${checked} rule${checked === 1 ? '' : 's'} checked; each flags its examples and none of its near-misses.`);

const text = serialisePack(authored.pack);
const current = readFileSync(DEFAULT_PACK_PATH, 'utf8');
if (text === current) {
  console.log(`${rel(DEFAULT_PACK_PATH)} is up to date (version ${authored.pack.version}).`);
  process.exit(0);
}
if (checkOnly) {
  console.log(`${rel(DEFAULT_PACK_PATH)} is not yet built from these files: run "npm run pack:build" (without --check) to write it.`);
  process.exit(0);
}
const currentVersion = (JSON.parse(current) as { version?: string }).version;
if (currentVersion === authored.pack.version) {
  console.error(
    `The rules changed but the version in ${rel(path.join(RULES_DIR, 'pack.ts'))} is still ${currentVersion}. Raise it (for example to the next minor version) ` +
      'and set "issued" to today, so that extensions know the pack is newer. Nothing was written.',
  );
  process.exit(1);
}
writeFileSync(DEFAULT_PACK_PATH, text);
console.log(`Wrote ${rel(DEFAULT_PACK_PATH)}: version ${authored.pack.version}, ${authored.rules.length} rules. Run the tests, then ask for it to be committed.`);
