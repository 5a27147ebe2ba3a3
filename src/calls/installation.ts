import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of this installation (where package.json is). Code runs from `src/` under tsx and from
 * `dist/src/` after `npm run build`, so a path written relative to one source file would be wrong in
 * the other; walking up to package.json is right in both.
 */
export function installationDir(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The calls/ folder that ships with this installation. */
export function installedCallsDir(): string {
  return join(installationDir(), 'calls');
}
