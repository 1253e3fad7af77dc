// Worker thread entry (search-pool.ts): one read connection to the library, answering each
// search request with the result already turned into JSON, or with the error's code and place.
import { parentPort, workerData } from 'node:worker_threads';
import { isReceiptsError } from '../../domain/errors.js';
import type { SearchRequest } from '../../domain/search.js';
import { openSqliteStore } from './canon-store.js';
import type { SearchReply } from './search-pool.js';

const port = parentPort!;
const store = await openSqliteStore((workerData as { file: string }).file);
port.on('message', (m: { id: number; request: SearchRequest }) => {
  store.search(m.request).then(
    (result) => port.postMessage({ id: m.id, json: JSON.stringify(result) } satisfies SearchReply),
    (e: unknown) =>
      port.postMessage({
        id: m.id,
        error: isReceiptsError(e)
          ? { code: e.code, message: e.message, place: e.place }
          : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), place: {} },
      } satisfies SearchReply),
  );
});
port.postMessage({ id: 0, json: 'ready' } satisfies SearchReply);
