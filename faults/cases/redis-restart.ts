import { startRedis } from '../../test/support/redis-server.ts';
import { personalMessage } from '../../test/support/teams-fixtures.ts';
import { post, sleep, startReplica, until } from '../support.ts';
import type { FaultCase } from './types.ts';

/**
 * Four users keep writing to one replica while its Redis is SIGKILLed and started again (empty: no
 * persistence) after 3 s. Every message must get an answer: a result, or "try again in a moment"
 * while Redis is away. Recovery time: from Redis accepting connections again to the first result.
 */
const TRY_AGAIN = 'Prøv igjen om et øyeblikk';

export const redisRestart: FaultCase = async ({ connector, prefix }) => {
  const redis = await startRedis();
  const replica = await startReplica({ REDIS_URL: redis.url, REDIS_PREFIX: prefix('redis-restart') });
  const counts = { result: 0, tryAgain: 0, unanswered: 0, sent: 0 };
  let stopAt = Number.POSITIVE_INFINITY;
  let restartedAt = 0;
  let recoveredAt = 0;
  const user = async (n: number) => {
    const conversation = `a:fault-redis-${n}`;
    while (Date.now() < stopAt) {
      const activity = personalMessage(connector.serviceUrl, 'kan jeg søke?', {
        conversation: { conversationType: 'personal', tenantId: 'fault', id: conversation },
      });
      const sentAt = Date.now();
      const res = await post(replica.port, JSON.stringify(activity), 15_000);
      counts.sent += 1;
      const reply = connector
        .posted()
        .find((r) => r.conversationId === conversation && r.activityId === activity.id);
      const text = JSON.stringify(reply?.body ?? '');
      if (!reply || res.status !== 200) counts.unanswered += 1;
      else if (text.includes(TRY_AGAIN)) counts.tryAgain += 1;
      else {
        counts.result += 1;
        if (restartedAt > 0 && sentAt >= restartedAt && recoveredAt === 0) recoveredAt = Date.now();
      }
      await sleep(100);
    }
  };
  try {
    const users = Promise.all([0, 1, 2, 3].map(user));
    await sleep(2_000);
    await redis.stop();
    await sleep(3_000);
    await redis.start();
    restartedAt = Date.now();
    await until(() => recoveredAt > 0, 20_000);
    stopAt = Date.now() + 1_000;
    await users;
    const alive = replica.alive();
    return [
      {
        case: 'Redis SIGKILLed and restarted under traffic (4 users)',
        pass: counts.unanswered === 0 && recoveredAt > 0 && alive,
        figures: `${counts.sent} messages: ${counts.result} results, ${counts.tryAgain} "try again", ${counts.unanswered} unanswered; recovered ${recoveredAt ? ((recoveredAt - restartedAt) / 1000).toFixed(1) : '∞'} s after Redis was back`,
      },
    ];
  } finally {
    stopAt = 0;
    await replica.kill('SIGKILL');
    await redis.stop();
  }
};
