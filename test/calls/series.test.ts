import { describe, expect, it } from 'vitest';
import { planAnnouncement } from '../../src/domain/call-announcement.ts';
import { expectedCalls } from '../../src/domain/call-series.ts';
import { createCatalog } from '../../src/domain/catalog.ts';
import type { Subscription } from '../../src/store/store.ts';
import { realCatalog } from '../kit/host.ts';

const calls = realCatalog().calls;
const innovation = calls.find((c) => c.id === 'innovasjon-2023');

describe('series', () => {
  it('shows the next call of a series as expected once none of its calls is open', () => {
    expect(expectedCalls(calls, new Date('2022-10-01T08:00:00Z'))).toEqual([]);
    expect(expectedCalls(calls, new Date('2022-10-25T08:00:00Z'))).toEqual([
      {
        series: 'innovasjonsmidler',
        title: { nb: 'Innovasjonsmidler 2024', en: 'Innovation funding 2024' },
        deadline: '2023-10-20T15:00',
        after: 'innovasjon-2023',
      },
    ]);
    const later = expectedCalls(calls, new Date('2026-12-02T08:00:00Z')).map((e) => [e.title.nb, e.deadline]);
    expect(later).toEqual([
      ['Innovasjonsmidler 2028', '2027-10-20T15:00'],
      ['Pasientsikkerhetsmidler 2028–2029', '2027-11-04'],
    ]);
  });

  it('announces a new call only to channels following its series that have not opted out', () => {
    if (!innovation) throw new Error('innovasjon-2023 not loaded');
    const next = {
      ...innovation,
      id: 'innovasjon-2024',
      milestones: innovation.milestones.map((m) =>
        m.kind === 'deadline' ? { ...m, at: '2023-10-19T12:00' } : m,
      ),
    };
    const sub = (key: string, callIds: string[], extra: Partial<Subscription> = {}): Subscription => ({
      conversationKey: key,
      platform: 'slack',
      callIds,
      daysBefore: [14],
      timeOfDay: '09:00',
      paused: false,
      updatedAt: '2022-09-01T08:00:00.000Z',
      updatedBy: 'U1',
      ...extra,
    });
    const plan = planAnnouncement({
      call: next,
      calls: createCatalog([...calls, next]).calls,
      subscriptions: [
        sub('slack:CFOLLOW', ['innovasjon-2023']),
        sub('slack:COTHER', ['pasientsikkerhet-2023-2024']),
        sub('slack:COPTOUT', ['innovasjon-2023'], { seriesOptOut: ['innovasjonsmidler'] }),
      ],
      now: new Date('2023-09-04T08:00:00Z'),
    });
    expect(plan.subscriptions.map((s) => [s.conversationKey, s.callIds])).toEqual([
      ['slack:CFOLLOW', ['innovasjon-2023', 'innovasjon-2024']],
    ]);
    expect(plan.announcements.map((a) => a.id)).toEqual(['an/innovasjon-2024/slack:CFOLLOW']);
    expect(plan.announcements[0]?.payload.changes?.map((c) => c.en)).toEqual([
      'Application deadline: moved from 20 October 2022 at 15:00 to 19 October 2023 at 12:00',
    ]);
    // After its deadline a call is not announced.
    expect(
      planAnnouncement({
        call: next,
        calls: [...calls, next],
        subscriptions: [sub('slack:CFOLLOW', ['innovasjon-2023'])],
        now: new Date('2023-10-20T08:00:00Z'),
      }).announcements,
    ).toEqual([]);
  });
});
