// Where evidence bytes live: a small key → bytes store with two implementations, a folder (default) and an
// S3-compatible bucket. Neither appends: a file arrives as chunk objects that the evidence service lists in the
// database and joins when the file is whole, then stores once as one object.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';

export interface EvidenceStorage {
  readonly kind: 'filesystem' | 's3';
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** the object's bytes; throws StorageMissingError when there is none */
  get(key: string): Promise<Uint8Array>;
  /** removes the objects; missing ones are no error */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Every object whose key starts with `prefix` ('' for all, a manifest hash, or `<manifest sha256>/…`), with its
   * last modification time, page by page (no order promised). Anything that is not a valid key is skipped.
   */
  list(prefix: string): AsyncIterable<StoredObject[]>;
}

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export class StorageMissingError extends Error {}

/**
 * Keys are `<manifest sha256>/<object>`, the object a manifest file name (already validated by the contract) or a
 * chunk name derived from one. Checked again here: no path is ever built from anything else.
 */
const KEY = /^[0-9a-f]{64}\/[a-z0-9][a-z0-9_-]{0,47}\.[a-z0-9]{1,8}(\.[0-9]{1,10}\.[0-9a-f]{16}\.part)?$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid evidence storage key: ${JSON.stringify(key).slice(0, 120)}`);
}

/** A chunk's key: the file's name, where the chunk starts, and a random part so that racing uploads never share one. */
export function chunkKey(manifestSha256: string, name: string, start: number): string {
  const key = `${manifestSha256}/${name}.${start}.${randomBytes(8).toString('hex')}.part`;
  assertKey(key);
  return key;
}

/** A list prefix: part of a manifest hash, or a whole one and the start of an object name. */
const PREFIX = /^([0-9a-f]{0,64}|[0-9a-f]{64}\/[a-z0-9._-]{0,80})$/;

export function assertPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new Error(`invalid evidence storage prefix: ${JSON.stringify(prefix).slice(0, 120)}`);
}

export const isChunkKey = (key: string) => key.endsWith('.part');

export function fileKey(manifestSha256: string, name: string): string {
  const key = `${manifestSha256}/${name}`;
  assertKey(key);
  return key;
}

/** Objects as files under `root`, one folder per manifest; a write goes to a temporary name first, then is renamed. */
export function createFilesystemStorage(root: string): EvidenceStorage {
  const resolved = path.resolve(root);
  const pathOf = (key: string) => {
    assertKey(key);
    const [folder, name] = key.split('/') as [string, string];
    const full = path.join(resolved, folder, name);
    if (path.dirname(path.dirname(full)) !== resolved) throw new Error('evidence storage key escapes its folder');
    return full;
  };
  return {
    kind: 'filesystem',
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, target);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StorageMissingError(`evidence object missing: ${key}`);
        throw error;
      }
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
    async *list(prefix) {
      assertPrefix(prefix);
      const folderPrefix = prefix.slice(0, 64);
      const folders = prefix.length >= 64 ? [folderPrefix] : (await readNames(resolved)).filter((name) => /^[0-9a-f]{64}$/.test(name) && name.startsWith(folderPrefix));
      for (const folder of folders) {
        const page: StoredObject[] = [];
        for (const name of await readNames(path.join(resolved, folder))) {
          const key = `${folder}/${name}`;
          if (!KEY.test(key) || !key.startsWith(prefix)) continue; // temporary files of an interrupted write, strays
          try {
            page.push({ key, lastModified: (await stat(path.join(resolved, folder, name))).mtime });
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted meanwhile
          }
        }
        if (page.length) yield page;
      }
    },
  };
}

/** A folder's entries; none when it does not exist. */
async function readNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : XML_ENTITIES[name]!,
  );
const xmlElement = (xml: string, tag: string) => {
  const found = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return found ? xmlText(found[1]!) : undefined;
};

export interface S3Options {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com or http://127.0.0.1:9000; path-style addressing */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** key prefix inside the bucket (default `evidence/`) */
  prefix?: string;
  /** keys per ListObjectsV2 page (default and S3's maximum 1000; tests use fewer to follow continuation tokens) */
  listPageSize?: number;
}

/** Objects in an S3-compatible bucket, requests signed with AWS Signature V4 (aws4fetch). */
export function createS3Storage(options: S3Options): EvidenceStorage {
  const client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: 's3', retries: 2 });
  const base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}/`;
  const prefix = options.prefix ?? 'evidence/';
  const urlOf = (key: string) => {
    assertKey(key);
    return `${base}${prefix}${key}`;
  };
  const failure = async (what: string, response: Response) => {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    return new Error(`S3 ${what} answered ${response.status}: ${text.replace(/\s+/g, ' ')}`);
  };
  return {
    kind: 's3',
    async put(key, bytes) {
      const response = await client.fetch(urlOf(key), {
        method: 'PUT',
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
      });
      if (!response.ok) throw await failure(`PUT ${key}`, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await client.fetch(urlOf(key), { method: 'GET' });
      if (response.status === 404) {
        await response.arrayBuffer();
        throw new StorageMissingError(`evidence object missing: ${key}`);
      }
      if (!response.ok) throw await failure(`GET ${key}`, response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(keys) {
      await Promise.all(
        keys.map(async (key) => {
          const response = await client.fetch(urlOf(key), { method: 'DELETE' });
          await response.arrayBuffer();
          if (!response.ok && response.status !== 404) throw await failure(`DELETE ${key}`, response);
        }),
      );
    },
    /** ListObjectsV2, 1000 keys a page, following continuation tokens. */
    async *list(listPrefix) {
      assertPrefix(listPrefix);
      let continuation: string | undefined;
      do {
        const query = new URLSearchParams({ 'list-type': '2', prefix: `${prefix}${listPrefix}`, 'max-keys': String(options.listPageSize ?? 1000) });
        if (continuation) query.set('continuation-token', continuation);
        const response = await client.fetch(`${base}?${query.toString().replace(/\+/g, '%20')}`, { method: 'GET' });
        if (!response.ok) throw await failure(`LIST ${listPrefix}`, response);
        const xml = await response.text();
        const page: StoredObject[] = [];
        for (const [, contents] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
          const full = xmlElement(contents!, 'Key') ?? '';
          const key = full.startsWith(prefix) ? full.slice(prefix.length) : '';
          const modified = new Date(xmlElement(contents!, 'LastModified') ?? '');
          if (KEY.test(key) && !Number.isNaN(modified.getTime())) page.push({ key, lastModified: modified });
        }
        if (page.length) yield page;
        continuation = xmlElement(xml, 'IsTruncated') === 'true' ? xmlElement(xml, 'NextContinuationToken') : undefined;
      } while (continuation);
    },
  };
}
