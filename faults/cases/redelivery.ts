import { randomUUID } from 'node:crypto';
import { personalMessage } from '../../test/support/teams-fixtures.ts';
import { post, type Replica, startReplica, until } from '../support.ts';
import type { FaultCase, FaultRow } from './types.ts';

/**
 * A turn whose answer never left is answered when the platform redelivers it, and a true duplicate
 * is answered once. First delivery: the replica is SIGKILLed while its reply hangs (three times,
 * each on a fresh replica), or the reply meets 503s, resets or hangs until the deadline. The
 * redelivery (same activity id) goes to a second replica on the same Redis.
 */
type Round = { name: string; kill?: boolean; faults?: Parameters<FaultEnvConnector['script']>[1] };
type FaultEnvConnector = Parameters<FaultCase>[0]['connector'];

const ROUNDS: Round[] = [
  { name: 'SIGKILL mid-turn #1', kill: true },
  { name: 'SIGKILL mid-turn #2', kill: true },
  { name: 'SIGKILL mid-turn #3', kill: true },
  { name: 'reply 503 ×8', faults: Array.from({ length: 8 }, () => ({ status: 503 })) },
  { name: 'reply reset ×8', faults: Array.from({ length: 8 }, () => 'reset' as const) },
  { name: 'reply hangs past the deadline', faults: ['hang', 'hang', 'hang', 'hang'] },
];

export const redelivery: FaultCase = async ({ redis, connector, prefix }) => {
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: prefix('redelivery') };
  const kills = ROUNDS.filter((r) => r.kill).length;
  const started = await Promise.all(Array.from({ length: kills + 1 }, () => startReplica(env)));
  const [second, ...victims] = started as [Replica, ...Replica[]];
  const rows: Omit<FaultRow, 'seconds'>[] = [];
  let answered = 0;
  let duplicatesPosted = 0;
  const times: number[] = [];
  try {
    for (const [k, round] of ROUNDS.entries()) {
      const conversation = `a:fault-redelivery-${k}-${randomUUID().slice(0, 6)}`;
      const activity = personalMessage(connector.serviceUrl, 'kan jeg søke?', {
        conversation: { conversationType: 'personal', tenantId: 'fault', id: conversation },
      });
      const body = JSON.stringify(activity);
      const replies = () => connector.posted().filter((r) => r.conversationId === conversation);
      let first: string;
      if (round.kill) {
        const victim = victims.shift();
        if (!victim) throw new Error('no replica to kill');
        connector.hang(conversation);
        const pending = post(victim.port, body);
        await until(() => connector.faulted().some((r) => r.conversationId === conversation), 15_000);
        await victim.kill('SIGKILL');
        connector.unhang(conversation);
        first = `killed (HTTP ${(await pending).status || 'none'})`;
      } else {
        connector.script(conversation, round.faults ?? []);
        const res = await post(second.port, body);
        connector.unhang(conversation);
        first = `HTTP ${res.status} after ${(res.ms / 1000).toFixed(1)} s, ${replies().length} reply`;
      }
      const t0 = performance.now();
      const again = await post(second.port, body);
      const ms = performance.now() - t0;
      const gotIt = replies().length === 1 && again.status === 200;
      const dup = await post(second.port, body);
      const extra = replies().length - 1;
      if (gotIt) answered += 1;
      duplicatesPosted += Math.max(0, extra);
      times.push(ms);
      rows.push({
        case: `redelivery after ${round.name}`,
        pass: gotIt && extra === 0 && dup.status === 200,
        figures: `first: ${first}; redelivery HTTP ${again.status} ${gotIt ? 'answered' : 'NOT answered'} in ${(ms / 1000).toFixed(1)} s; duplicate after it: HTTP ${dup.status}, ${extra} extra post(s)`,
      });
    }
  } finally {
    await Promise.all(started.map((r) => r.kill('SIGKILL')));
  }
  rows.push({
    case: 'every redelivered turn answered, duplicates once',
    pass: answered === ROUNDS.length && duplicatesPosted === 0,
    figures: `${answered}/${ROUNDS.length} answered, slowest ${(Math.max(...times) / 1000).toFixed(1)} s; ${duplicatesPosted} duplicate answers`,
  });
  return rows;
};
