// The hotline's countersigning key (ECDSA P-256, PKCS#8 PEM on disk) and the secret behind upload tokens.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describePublicKey, ECDSA_P256, fromBase64, signDer, toBase64, type PublicJwk } from '../../../contract/evidence.ts';
import { StartupError } from '../startup-error.ts';

export interface HotlineSigner {
  keyId: string;
  jwk: PublicJwk;
  /** SPKI public key, PEM */
  pem: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

async function signerFrom(privateKey: CryptoKey, publicKey: CryptoKey): Promise<HotlineSigner> {
  const described = await describePublicKey(publicKey);
  return { ...described, sign: (data) => signDer(privateKey, data) };
}

/** A fresh key held in memory only (tests, benchmarks, in-memory servers). */
export async function generateSigner(): Promise<{ signer: HotlineSigner; pkcs8Pem: string }> {
  const pair = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const lines = toBase64(pkcs8).match(/.{1,64}/g) ?? [];
  return { signer: await signerFrom(pair.privateKey, pair.publicKey), pkcs8Pem: `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n` };
}

/** A PKCS#8 PEM (what `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` writes) as a signer. */
export async function signerFromPem(pem: string): Promise<HotlineSigner> {
  const match = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/.exec(pem);
  if (!match) throw new Error('not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)');
  const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64(match[1]!.replace(/\s+/g, '')), ECDSA_P256, true, ['sign']);
  // WebCrypto derives no public key from a private one; the private JWK carries x and y.
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const publicKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, ECDSA_P256, true, ['verify']);
  return signerFrom(privateKey, publicKey);
}

/** Reads the signing key, or on first start creates it (mode 0600). */
export async function loadOrCreateSigner(file: string): Promise<HotlineSigner> {
  let pem: string | undefined;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StartupError(`cannot read the signing key ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (pem === undefined) {
    const generated = await generateSigner();
    try {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // `wx`: a second process starting at the same moment keeps the first one's key
      await writeFile(file, generated.pkcs8Pem, { mode: 0o600, flag: 'wx' });
      await chmod(file, 0o600);
      return generated.signer;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StartupError(`cannot write the signing key ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      pem = await readFile(file, 'utf8');
    }
  }
  try {
    return await signerFromPem(pem);
  } catch (error) {
    throw new StartupError(`signing key ${file}: ${error instanceof Error ? error.message : String(error)} (an ECDSA P-256 key is needed)`);
  }
}

/** The upload-token secret: 32 random bytes in a file (mode 0600), created on first start. */
export async function loadOrCreateSecret(file: string): Promise<Uint8Array> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length < 32) throw new StartupError(`upload token secret ${file} holds fewer than 32 bytes (base64)`);
    return new Uint8Array(bytes);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StartupError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const secret = randomBytes(32);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(file);
    throw new StartupError(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return new Uint8Array(secret);
}

/**
 * Upload tokens are HMAC-SHA256(secret, manifestSha256), base64url: the same on every replay of the report, and never
 * stored; whoever holds the database alone cannot upload.
 */
export function createUploadTokens(secret: Uint8Array) {
  const tokenFor = (manifestSha256: string) => createHmac('sha256', secret).update(`hotline389-upload/${manifestSha256}`).digest('base64url');
  return {
    tokenFor,
    verify(manifestSha256: string, token: string | undefined): boolean {
      if (!token) return false;
      const expected = Buffer.from(tokenFor(manifestSha256));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
export type UploadTokens = ReturnType<typeof createUploadTokens>;
