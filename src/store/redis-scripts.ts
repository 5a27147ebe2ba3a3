import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster, Redis, Result } from 'ioredis';

/**
 * The store's Lua scripts (src/store/lua/NAME-KEYCOUNT.lua), registered on a client with ioredis
 * `defineCommand` so they run by EVALSHA and are reloaded on NOSCRIPT.
 */
type Arg = string | number;
/** The reminder queue's keys, first in every script on it (docs/redis.md). */
type Queue = [due: string, items: string, leases: string];

declare module 'ioredis' {
  interface RedisCommander<Context> {
    mbCreateApplication(
      app: string,
      audit: string,
      doc: string,
      actor: string,
      entry: string,
    ): Result<string | null, Context>;
    mbUpdateApplication(
      app: string,
      audit: string,
      expected: Arg,
      doc: string,
      actor: string,
      entry: string,
    ): Result<[string, string?], Context>;
    mbDeleteApplication(
      app: string,
      audit: string,
      platform: string,
      userId: string,
    ): Result<string | null, Context>;
    mbAnonymiseAudit(audit: string, actor: string): Result<number, Context>;
    mbEnqueueReminders(...args: [...Queue, delivered: string, ...triples: Arg[]]): Result<number, Context>;
    mbClaimReminders(
      ...args: [...Queue, now: Arg, owner: string, leaseMs: Arg, limit: Arg]
    ): Result<string[], Context>;
    mbAckReminder(
      ...args: [...Queue, delivered: string, id: string, owner: string, keepMs: Arg]
    ): Result<number, Context>;
    mbReleaseReminder(...args: [...Queue, id: string, owner: string, retryAt: Arg]): Result<number, Context>;
    mbRemoveReminders(...args: [...Queue, ...ids: string[]]): Result<number, Context>;
    mbTryRate(counter: string, limit: Arg, ttlMs: Arg): Result<number, Context>;
    mbListCallApps(index: string, before: string, after: string): Result<(string | null)[], Context>;
    mbReplaceReminders(
      ...args: [...Queue, delivered: string, prefix: string, now: Arg, ...triples: Arg[]]
    ): Result<number, Context>;
    mbClaimTurn(mark: string, replay: string, token: string, leaseMs: Arg): Result<string[], Context>;
    mbSettleTurn(
      mark: string,
      replay: string,
      token: string,
      outcome: 'renew' | 'done' | 'retry',
      ms: Arg,
    ): Result<number, Context>;
  }
}

const SCRIPTS: Record<string, string> = {
  mbCreateApplication: 'create-application-2',
  mbUpdateApplication: 'update-application-2',
  mbDeleteApplication: 'delete-application-2',
  mbAnonymiseAudit: 'anonymise-audit-1',
  mbEnqueueReminders: 'enqueue-reminders-4',
  mbClaimReminders: 'claim-reminders-3',
  mbAckReminder: 'ack-reminder-4',
  mbReleaseReminder: 'release-reminder-3',
  mbRemoveReminders: 'remove-reminders-3',
  mbTryRate: 'try-rate-1',
  mbListCallApps: 'list-call-apps-1',
  mbReplaceReminders: 'replace-reminders-4',
  mbClaimTurn: 'claim-turn-2',
  mbSettleTurn: 'settle-turn-2',
};

const dir = join(import.meta.dirname, 'lua');

const source = (file: string): string => readFileSync(join(dir, `${file}.lua`), 'utf8');

/**
 * A script with the steps it shares with others (a line `--#include NAME` stands for lua/NAME.lua):
 * Redis runs one self-contained text, so they are put in before the script is loaded.
 */
export function scriptText(file: string): string {
  return source(file).replace(/^--#include ([\w-]+)$/gm, (_, name: string) => source(name));
}

/** Registers every script; the key count comes from the file name, so name and header cannot drift. */
export function defineScripts(client: Redis | Cluster): void {
  for (const [command, file] of Object.entries(SCRIPTS)) {
    const keys = Number(/-(\d+)$/.exec(file)?.[1]);
    client.defineCommand(command, { lua: scriptText(file), numberOfKeys: keys });
  }
}
