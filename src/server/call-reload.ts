import { createHash } from 'node:crypto';
import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { callFilesIn, loadCatalog, sourcesDirOf } from '../calls/load.ts';
import type { Call } from '../domain/call.ts';
import { type Catalog, createCatalog, type LiveCatalog } from '../domain/catalog.ts';
import { isMidlerError } from '../domain/errors.ts';

/**
 * Live reload of the call files (docs/calls-lifecycle.md): on SIGHUP or a change in the calls
 * directory the whole set is read again, all or nothing as at start-up. A broken file is refused and
 * logged and the running set stays; a sound set replaces it and `onChange` hears what changed.
 */

export interface CallVersion {
  id: string;
  /** The first 12 hex digits of the SHA-256 of the call file and its text: changes when either does. */
  version: string;
}

export interface CallSetChange {
  added: Call[];
  changed: Call[];
  removed: string[];
  /** The set before the change (what "last year" is, for an announcement). */
  previous: Catalog;
}

export type ReloadResult =
  | { status: 'loaded'; change: CallSetChange }
  | { status: 'unchanged' }
  | { status: 'refused'; message: string };

export interface CallReloader {
  reload(reason: string): Promise<ReloadResult>;
  versions(): CallVersion[];
  /** Reloads on changes in the calls directory and its sources/ (debounced). */
  watch(): void;
  stop(): void;
}

export interface CallReloaderDeps {
  dir: string;
  catalog: LiveCatalog;
  log: Logger;
  onChange?: (change: CallSetChange) => Promise<void>;
  /** Quiet time after the last file event before reloading: an editor writes a file in several steps. */
  debounceMs?: number;
}

export function versionsOf(dir: string, calls: readonly Call[]): CallVersion[] {
  return calls.map((call) => {
    const file = join(dir, `${call.id}.yaml`);
    const hash = createHash('sha256');
    hash.update(readFileSync(file));
    hash.update(readFileSync(join(sourcesDirOf(file), call.source)));
    return { id: call.id, version: hash.digest('hex').slice(0, 12) };
  });
}

export function createCallReloader(deps: CallReloaderDeps): CallReloader {
  const { dir, catalog, log } = deps;
  let versions = versionsOf(dir, catalog.calls);
  let watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Reloads run one after another: two at once could each see the other's half-swapped set.
  let queue: Promise<unknown> = Promise.resolve();

  async function reloadNow(reason: string): Promise<ReloadResult> {
    let next: Catalog;
    let nextVersions: CallVersion[];
    try {
      callFilesIn(dir);
      next = loadCatalog(dir);
      nextVersions = versionsOf(dir, next.calls);
    } catch (e) {
      const message = isMidlerError(e) ? e.message : String(e);
      log.error({ reason, calls: versions }, `call files refused; the loaded calls stay: ${message}`);
      return { status: 'refused', message };
    }
    const before = new Map(versions.map((v) => [v.id, v.version]));
    const after = new Map(nextVersions.map((v) => [v.id, v.version]));
    const added = next.calls.filter((c) => !before.has(c.id));
    const changed = next.calls.filter((c) => before.has(c.id) && before.get(c.id) !== after.get(c.id));
    const removed = versions.filter((v) => !after.has(v.id)).map((v) => v.id);
    if (added.length + changed.length + removed.length === 0) return { status: 'unchanged' };
    const previous = createCatalog(catalog.calls, catalog.knowledge);
    catalog.replace(next);
    versions = nextVersions;
    const change = { added, changed, removed, previous };
    log.info(
      { reason, added: added.map((c) => c.id), changed: changed.map((c) => c.id), removed, calls: versions },
      'call files reloaded',
    );
    try {
      await deps.onChange?.(change);
    } catch (e) {
      log.error(
        { err: e },
        'after a call reload: follow-up failed (reminders re-plan on their next interval)',
      );
    }
    return { status: 'loaded', change };
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void reloader.reload('file change');
    }, deps.debounceMs ?? 500);
  }

  const reloader: CallReloader = {
    reload(reason) {
      const run = queue.then(() => reloadNow(reason));
      queue = run.catch(() => undefined);
      return run;
    },
    versions: () => versions,
    watch() {
      if (watchers.length > 0) return;
      for (const d of [dir, join(dir, 'sources')]) {
        try {
          watchers.push(watch(d, schedule));
        } catch (e) {
          log.warn({ err: e, dir: d }, 'cannot watch for call file changes; reload with SIGHUP');
        }
      }
    },
    stop() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      watchers = [];
    },
  };
  return reloader;
}
