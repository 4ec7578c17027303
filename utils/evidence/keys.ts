// The per-install signing key: ECDSA P-256, generated once in this browser with a private key WebCrypto will never
// export (extractable: false), kept as a CryptoKey in IndexedDB. A database of its own ('hotline389-keys'), so the
// outbox's upgrades never touch it and clearing the outbox never changes the reporter's key.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { describePublicKey, ECDSA_P256, type PublicJwk } from '../../contract/evidence';

export const KEYS_DB_NAME = 'hotline389-keys';
const KEYS_DB_VERSION = 1;
const REPORTER_KEY_ID = 'reporter';

interface KeysDb extends DBSchema {
  keys: { key: string; value: { id: string; privateKey: CryptoKey; publicKey: CryptoKey; createdAt: string } };
}

export interface ReporterKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  keyId: string;
  jwk: PublicJwk;
  pem: string;
}

export function openKeysDb(name = KEYS_DB_NAME): Promise<IDBPDatabase<KeysDb>> {
  return openDB<KeysDb>(name, KEYS_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('keys', { keyPath: 'id' });
    },
  });
}

/**
 * The reporter key store: `get()` answers the same key on every call, in every service-worker life, creating it on
 * first use. Concurrent first calls share one generation; across contexts, the first writer wins (`add` in a
 * transaction) and the loser reads the winner's key.
 */
export function createReporterKeyStore(dbName = KEYS_DB_NAME) {
  let cached: Promise<ReporterKey> | undefined;

  async function load(): Promise<ReporterKey> {
    const db = await openKeysDb(dbName);
    try {
      let record = await db.get('keys', REPORTER_KEY_ID);
      if (!record) {
        const pair = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
        const fresh = { id: REPORTER_KEY_ID, privateKey: pair.privateKey, publicKey: pair.publicKey, createdAt: new Date().toISOString() };
        const tx = db.transaction('keys', 'readwrite');
        const existing = await tx.store.get(REPORTER_KEY_ID);
        if (!existing) await tx.store.add(fresh);
        await tx.done;
        record = existing ?? fresh;
      }
      const described = await describePublicKey(record.publicKey);
      return { privateKey: record.privateKey, publicKey: record.publicKey, ...described };
    } finally {
      db.close();
    }
  }

  return {
    get(): Promise<ReporterKey> {
      cached ??= load().catch((error: unknown) => {
        cached = undefined; // a failed open (e.g. storage trouble) is tried again next time
        throw error;
      });
      return cached;
    },
    /** forgets the cached key (tests: as if the service worker restarted) */
    reset() {
      cached = undefined;
    },
  };
}

export type ReporterKeyStore = ReturnType<typeof createReporterKeyStore>;
