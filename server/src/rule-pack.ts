import { readFile } from 'node:fs/promises';
import { compilePack, DEFAULT_PACK_JSON, packEtag, type CompiledPack } from '../../utils/risk/index.ts';
import { StartupError } from './db.ts';

export interface PublishedRulePack {
  json: unknown;
  /** strong validator: SHA-256 of the pack's canonical JSON (utils/risk/pack-hash.ts), so any change of content is a new ETag */
  etag: string;
  packId: string;
  version: string;
  /** the same pack compiled, for the server's own assessment of every reported listing */
  compiled: CompiledPack;
}

/**
 * The rule pack this hotline hands to extensions: the shipped default, or HOTLINE_RULE_PACK. It is compiled
 * with the extension's own compiler first, so a pack the extension would refuse is never published.
 */
export async function loadPublishedRulePack(path: string | undefined): Promise<PublishedRulePack> {
  let json: unknown = DEFAULT_PACK_JSON;
  if (path) {
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new StartupError(`rule pack ${path} cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const compiled = compilePack(json);
  if (!compiled.ok) {
    const detail = compiled.errors
      .slice(0, 5)
      .map((error) => `${error.ruleId ? `${error.ruleId}: ` : ''}${error.path} ${error.message}`)
      .join('; ');
    throw new StartupError(`rule pack ${path ?? '(default)'} refused: ${detail}`);
  }
  const { packId, version } = compiled.pack;
  return { json, etag: await packEtag(compiled.pack.source), packId, version, compiled: compiled.pack };
}
