/**
 * Runs around every unit test file (vitest `setupFiles`). The unit project shares one process per worker between
 * files, so a file that leaves node:http or fetch patched (nock on import, an msw server not closed) would change
 * what later files' loopback requests go through. This fails the file that did it, at its end, naming what it left.
 */
import http from 'node:http';
import https from 'node:https';
import { afterAll } from 'vitest';

type Patchable = Record<'http.request' | 'http.get' | 'http.ClientRequest' | 'https.request' | 'https.get' | 'fetch', unknown>;

const current = (): Patchable => ({
  'http.request': http.request,
  'http.get': http.get,
  'http.ClientRequest': http.ClientRequest,
  'https.request': https.request,
  'https.get': https.get,
  fetch: globalThis.fetch,
});

// Kept on globalThis, not in this module: the module runs again for every file, and the first run saw the originals.
const KEY = Symbol.for('cpct.test.unpatchedNetwork');
const holder = globalThis as unknown as Record<symbol, Patchable | undefined>;
holder[KEY] ??= current();
const originals = holder[KEY];

afterAll(() => {
  const now = current();
  const left = (Object.keys(originals) as (keyof Patchable)[]).filter((k) => now[k] !== originals[k]);
  if (left.length > 0) {
    throw new Error(
      `test: expected node:http and fetch unpatched at the end of this file; saw ${left.join(', ')} still replaced (nock or msw left active); restore them in afterAll (a nock replay's restore(), an msw server's close())`,
    );
  }
});
