import type { Engine } from '../../src/bot/engine-port.ts';
import type { Inbound, Outbound, TurnResult } from '../../src/bot/messages.ts';
import { type Clock, fixedClock } from '../../src/domain/clock.ts';
import { type SlackHost, startSlackHost as startKitSlackHost } from '../kit/host.ts';
import type { SlackCapture } from '../support/slack-capture.ts';
import { NOW } from '../support/slack-fixtures.ts';

export type { SlackHost } from '../kit/host.ts';
export { NOW, NOW_SECONDS } from '../support/slack-fixtures.ts';

/**
 * The real host with Slack mounted at `capture`, for tests outside test/slack that start their own
 * (test/questions): a real Redis, the clock fixed at NOW unless given. Files of Slack protocol tests
 * use the kit's `useSlackHost`, and several hosts in one file the kit's `startSlackHost`.
 */
export function startSlackHost(options: {
  capture: SlackCapture;
  redisUrl?: string;
  prefix?: string;
  engine?: Engine;
  clock?: Clock;
  ackTimeoutMs?: number;
}): Promise<SlackHost> {
  const { capture, redisUrl: _url, clock = fixedClock(NOW), ...rest } = options;
  return startKitSlackHost(capture, { clock, ...rest });
}

/** An engine that answers from a script: for adapter paths the real dialogs do not reach yet. */
export function scriptedEngine(
  script: (event: Inbound) => Outbound[] | Promise<Outbound[]>,
): Engine & { seen: Inbound[] } {
  const seen: Inbound[] = [];
  return {
    seen,
    async handle(event: Inbound): Promise<TurnResult> {
      seen.push(event);
      return { replies: await script(event), notify: [] };
    },
  };
}

/** Every text object in a block tree, to check Slack's per-text limits. */
export function textsOf(
  node: unknown,
  into: { type: string; text: string }[] = [],
): { type: string; text: string }[] {
  if (Array.isArray(node)) {
    for (const n of node) textsOf(n, into);
  } else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string')
      into.push({ type: o.type, text: o.text });
    for (const v of Object.values(o)) textsOf(v, into);
  }
  return into;
}
