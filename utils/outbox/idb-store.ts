import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import type { EvidenceFileRecord, OutboxEntry, OutboxStore } from './types';

interface HotlineDb extends DBSchema {
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: { 'by-state-next': [string, number]; 'by-created': number; 'by-evidence-due': number; 'by-files-expire': number; 'by-listing': string };
  };
  /** evidence files, one record per file, kept apart from the entries so that listing the history reads no bytes */
  evidenceFiles: {
    key: [string, string];
    value: EvidenceFileRecord;
    indexes: { 'by-entry': string };
  };
}

// The extension's signing key lives in a database of its own ('hotline389-keys'), never in this one.
export const DB_NAME = 'hotline389';
export const DB_VERSION = 3;

/** Versioned IndexedDB: each step upgrades from the version before it, so any old install can catch up. */
export function openHotlineDb(name = DB_NAME): Promise<IDBPDatabase<HotlineDb>> {
  return openDB<HotlineDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-state-next', ['state', 'nextAttemptAt']);
        outbox.createIndex('by-created', 'createdAt');
      }
      if (oldVersion < 2) {
        // v2: evidence. Entries of v1 have no evidence fields, so the new indexes simply skip them.
        const outbox = transaction.objectStore('outbox');
        outbox.createIndex('by-evidence-due', 'evidenceDueAt');
        outbox.createIndex('by-files-expire', 'filesExpireAt');
        const files = db.createObjectStore('evidenceFiles', { keyPath: ['entryId', 'name'] });
        files.createIndex('by-entry', 'entryId');
      }
      if (oldVersion < 3) {
        // v3: the reports about one listing (the report form's notice, inspector mode's marks) without reading the history
        transaction.objectStore('outbox').createIndex('by-listing', 'report.listing.listingKey');
      }
    },
  });
}

export function createIdbOutboxStore(dbPromise: Promise<IDBPDatabase<HotlineDb>> = openHotlineDb()): OutboxStore {
  /** deletes an entry's files inside a transaction that covers the evidenceFiles store */
  async function deleteFilesIn(files: IDBPObjectStore<HotlineDb, ArrayLike<StoreNames<HotlineDb>>, 'evidenceFiles', 'readwrite'>, entryId: string) {
    const keys = await files.index('by-entry').getAllKeys(entryId);
    await Promise.all(keys.map((key) => files.delete(key)));
  }

  return {
    async put(entry) {
      await (await dbPromise).put('outbox', entry);
    },
    async add(entry, files) {
      const tx = (await dbPromise).transaction(['outbox', 'evidenceFiles'], 'readwrite');
      await Promise.all([
        tx.objectStore('outbox').put(entry),
        ...files.map((file) => tx.objectStore('evidenceFiles').put({ entryId: entry.id, name: file.name, bytes: file.bytes })),
        tx.done,
      ]);
    },
    async get(id) {
      return (await dbPromise).get('outbox', id);
    },
    async due(now) {
      const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', now]);
      return (await dbPromise).getAllFromIndex('outbox', 'by-state-next', range);
    },
    async evidenceDue(now) {
      return (await dbPromise).getAllFromIndex('outbox', 'by-evidence-due', IDBKeyRange.upperBound(now));
    },
    async recent(limit) {
      const entries: OutboxEntry[] = [];
      let cursor = await (await dbPromise).transaction('outbox').store.index('by-created').openCursor(null, 'prev');
      while (cursor && entries.length < limit) {
        entries.push(cursor.value);
        cursor = await cursor.continue();
      }
      return entries;
    },
    async forListing(listingKey) {
      const entries = await (await dbPromise).getAllFromIndex('outbox', 'by-listing', listingKey);
      return entries.sort((a, b) => b.createdAt - a.createdAt);
    },
    async readFile(entryId, name) {
      return (await (await dbPromise).get('evidenceFiles', [entryId, name]))?.bytes;
    },
    async deleteFiles(entryId) {
      const tx = (await dbPromise).transaction('evidenceFiles', 'readwrite');
      await Promise.all([deleteFilesIn(tx.objectStore('evidenceFiles'), entryId), tx.done]);
    },
    async filesExpired(now) {
      return (await dbPromise).getAllFromIndex('outbox', 'by-files-expire', IDBKeyRange.upperBound(now));
    },
    async delete(id) {
      const tx = (await dbPromise).transaction(['outbox', 'evidenceFiles'], 'readwrite');
      await Promise.all([tx.objectStore('outbox').delete(id), deleteFilesIn(tx.objectStore('evidenceFiles'), id), tx.done]);
    },
  };
}
