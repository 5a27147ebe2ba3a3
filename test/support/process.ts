import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Node's arguments to run the bot's TypeScript sources (src/server/main.ts) through tsx. */
export const SOURCE_MAIN = [
  '--import',
  pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
  join(ROOT, 'src', 'server', 'main.ts'),
];

/** A port free on loopback now, for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
