#!/usr/bin/env node
// `npm run build`: compiles src/, adapters/ and dialogs/ to dist/ with tsc (tsconfig.build.json
// rewrites the `.ts` import extensions to `.js`) and copies the files the code reads next to itself
// (the Redis Lua scripts). `--if-stale` (npm's prestart) builds only when dist/ is missing or older
// than a source, so `npm ci && npm start` works on a fresh clone and a second start costs nothing.
// Plain JavaScript on purpose: it must run before anything is compiled and without tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] ? join(process.cwd(), args[outAt + 1]) : join(root, 'dist');
/** Written last: its age is the build's age, and a build that failed half-way leaves none. */
const stamp = join(out, '.built');
const SOURCES = ['src', 'adapters', 'dialogs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** Files the compiled code reads at run time from beside itself. */
const ASSETS = ['src/store/lua'];

function newestIn(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, name)));
  return newest;
}

function staleReason() {
  if (!existsSync(stamp)) return `${out} has not been built`;
  const built = statSync(stamp).mtimeMs;
  const changed = SOURCES.filter((s) => existsSync(join(root, s)) && newestIn(join(root, s)) > built);
  return changed.length > 0 ? `changed since the last build: ${changed.join(', ')}` : undefined;
}

function tscPath() {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  } catch {
    return undefined;
  }
}

const reason = ifStale ? staleReason() : 'asked';
if (reason === undefined) process.exit(0);
const tsc = tscPath();
if (!tsc) {
  // A production install (npm ci --omit=dev) has no compiler: a dist/ that exists is used as it is.
  if (ifStale && existsSync(stamp)) {
    console.warn(
      `build: ${reason}, but TypeScript is not installed (production install); using dist/ as it is`,
    );
    process.exit(0);
  }
  console.error(
    'build: TypeScript is not installed. Run `npm ci` (with the dev dependencies) and `npm run build`, or use the container image.',
  );
  process.exit(1);
}
if (ifStale) console.log(`build: ${reason}; compiling to ${out}`);
rmSync(out, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
for (const asset of ASSETS) cpSync(join(root, asset), join(out, asset), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
