import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxEntry, OutboxStore } from './types';

interface HotlineDb extends DBSchema {
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: { 'by-state-next': [string, number]; 'by-created': number };
  };
}

export const DB_NAME = 'hotline389';
export const DB_VERSION = 1;

/** Versioned IndexedDB: each step upgrades from the version before it, so any old install can catch up. */
export function openHotlineDb(name = DB_NAME): Promise<IDBPDatabase<HotlineDb>> {
  return openDB<HotlineDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-state-next', ['state', 'nextAttemptAt']);
        outbox.createIndex('by-created', 'createdAt');
      }
    },
  });
}

export function createIdbOutboxStore(dbPromise: Promise<IDBPDatabase<HotlineDb>> = openHotlineDb()): OutboxStore {
  return {
    async put(entry) {
      await (await dbPromise).put('outbox', entry);
    },
    async get(id) {
      return (await dbPromise).get('outbox', id);
    },
    async due(now) {
      const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', now]);
      return (await dbPromise).getAllFromIndex('outbox', 'by-state-next', range);
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
  };
}
