import { performance } from 'node:perf_hooks';
import { slash } from '../../test/slack/requests.ts';
import type { BotConnectorCapture } from '../../test/support/bot-connector-capture.ts';
import type { SlackCapture } from '../../test/support/slack-capture.ts';
import { slackHeaders } from '../../test/support/slack-fixtures.ts';
import { personalMessage, TENANT_ID } from '../../test/support/teams-fixtures.ts';
import { percentile } from '../stats.ts';

/** One measured run: latencies (ms) and the wall time the whole load took (ms). */
export interface LoadResult {
  latencies: number[];
  wallMs: number;
  errors: number;
}

export const p99 = (r: LoadResult) =>
  percentile(
    [...r.latencies].sort((a, b) => a - b),
    99,
  );
export const perSecond = (r: LoadResult) => (r.latencies.length * 1000) / r.wallMs;

/**
 * Slack: an open loop of signed `/midler hjelp` at `rate` per second for `seconds`, as Slack sends
 * them whether or not the app keeps up; each latency is request → HTTP answer (Slack's ack).
 */
export async function slackOpenLoop(
  port: number,
  capture: SlackCapture,
  signedAt: () => number,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  const requests = Array.from({ length: total }, (_, i) => {
    const req = slash(capture, 'hjelp', { user: `U0LOAD${i % 50}`, channel: `C0LOAD${i % 200}` });
    return { body: req.body, headers: slackHeaders(req, signedAt()) };
  });
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const req = requests[i];
    if (!req) continue;
    const t0 = performance.now();
    sent.push(
      fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: req.headers, body: req.body })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status >= 300) errors += 1;
          latencies.push(performance.now() - t0);
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(sent);
  return { latencies, wallMs: performance.now() - start, errors };
}

/** Teams: `conversations` people at once, each sending `messages` in turn and waiting for each answer. */
export async function teamsConversations(
  port: number,
  capture: BotConnectorCapture,
  conversations: number,
  messages: number,
  text = 'hjelp',
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, who) => {
      for (let m = 0; m < messages; m++) {
        const activity = personalMessage(capture.serviceUrl, text, {
          id: `load-${who}-${m}-${start}`,
          from: { id: `29:load-user-${who}`, name: `Load ${who}`, aadObjectId: `load-aad-${who}` },
          conversation: {
            conversationType: 'personal',
            tenantId: TENANT_ID,
            id: `a:load-conversation-${who}`,
          },
        });
        const t0 = performance.now();
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(activity),
          });
          await res.arrayBuffer();
          if (res.status >= 300) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - start, errors };
}
