// Where evidence bytes live: a small key → bytes store with two implementations, a folder (default) and an
// S3-compatible bucket. Neither appends: a file arrives as chunk objects that the evidence service lists in the
// database and joins when the file is whole, then stores once as one object.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';

export interface EvidenceStorage {
  readonly kind: 'filesystem' | 's3';
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** the object's bytes; throws StorageMissingError when there is none */
  get(key: string): Promise<Uint8Array>;
  /** removes the objects; missing ones are no error */
  delete(keys: readonly string[]): Promise<void>;
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
  };
}

export interface S3Options {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com or http://127.0.0.1:9000; path-style addressing */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** key prefix inside the bucket (default `evidence/`) */
  prefix?: string;
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
  };
}
