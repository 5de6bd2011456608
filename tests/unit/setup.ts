// IndexedDB for Dexie in Node.
import 'fake-indexeddb/auto';
