/**
 * Content identity of a rule pack: SHA-256 of its canonical JSON. The hotline sends it as the ETag of
 * /v1/rule-pack and the extension sends it back in If-None-Match, so a pack whose content changed always
 * reaches installs, even when nobody raised its version.
 *
 * The hash is over the validated pack (defaults filled in, as compilePack keeps it in `source`), so writing a
 * default out or leaving it implicit, or reordering keys, is the same pack.
 */
import type { RulePack } from '../../contract/rule-pack';

/** JSON with object keys sorted (code-unit order) and no whitespace; `undefined` members are dropped like JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lower-case hex SHA-256 of the pack's canonical JSON (Web Crypto: service worker, browsers and Node alike). */
export async function packContentHash(pack: RulePack): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(pack)));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += HEX[byte];
  return hex;
}

/** The strong ETag of a pack: `"sha256-<hex>"`. */
export async function packEtag(pack: RulePack): Promise<string> {
  return `"sha256-${await packContentHash(pack)}"`;
}
