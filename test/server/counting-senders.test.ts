import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/bot/messages.ts';
import type { Sender, SendOptions } from '../../src/bot/ports.ts';
import type { Platform } from '../../src/domain/application.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { countingSenders } from '../../src/server/reminder-loops.ts';

describe('the reminder loop senders wired by createApp', () => {
  it('pass the idempotency key through and count deliveries', async () => {
    const seen: (SendOptions | undefined)[] = [];
    const inner: Sender = {
      platform: 'slack',
      sendToConversation: async (_key: string, _m: Outbound, opts?: SendOptions) => {
        seen.push(opts);
        return { ok: true, messageRef: 'C1/1' };
      },
      sendToUser: async (_id: string, _m: Outbound, opts?: SendOptions) => {
        seen.push(opts);
        return { ok: false, reason: 'not-installed' };
      },
      update: async () => ({ ok: true, messageRef: 'C1/1' }),
    };
    const metrics = createMetrics();
    const [wrapped] = countingSenders(new Map<Platform, Sender>([['slack', inner]]), metrics);
    const message: Outbound = { kind: 'text', text: 'frist om 7 dager' };
    await wrapped?.sendToConversation('slack:C1', message, { idempotencyKey: 'reminder:r-1' });
    await wrapped?.sendToUser('U1', message, { idempotencyKey: 'reminder:r-2' });
    expect(seen).toEqual([{ idempotencyKey: 'reminder:r-1' }, { idempotencyKey: 'reminder:r-2' }]);
    expect(await metrics.render()).toMatch(/midlerbot_reminders_sent_total\{platform="slack"\} 1\b/);
  });
});
