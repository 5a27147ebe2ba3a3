import { describe, expect, it } from 'vitest';
import type { Application, Person } from '../../src/domain/application.ts';
import { TYPED_PREFIX } from '../../src/domain/endorsement-request.ts';
import { planReminders } from '../../src/domain/reminder-plan.ts';
import type { PlannedReminder } from '../../src/domain/reminder-types.ts';
import { formatLocal } from '../../src/domain/timeline.ts';
import { renderReminder } from '../../src/scheduler/render-reminder.ts';
import { applicant, call, PS, psDraft } from '../reminders/support.ts';
import { textOf } from './support.ts';

const NOW = new Date('2022-10-20T12:00:00Z');
/** A leader the applicant typed by name: no chat user behind it. */
const typed: Person = { platform: 'slack', userId: `${TYPED_PREFIX}Per Papir`, name: 'Per Papir' };

function typedDraft(): Application {
  const draft = psDraft('app1');
  return {
    ...draft,
    steps: draft.steps.map((s) => (s.id === 'endorse-nearest-leader' ? { ...s, waitingOn: typed } : s)),
  };
}

const plan = (apps: Application[]) =>
  planReminders({ calls: [call(PS)], subscriptions: [], applications: apps, now: NOW });
const of = (p: PlannedReminder[], kind: PlannedReminder['kind']) => p.filter((r) => r.kind === kind);

describe('a leader typed by name', () => {
  it('gets no leader nudge: nobody can message them', () => {
    // The same draft with a real leader does get them, so the absence below is the typed name's doing.
    expect(of(plan([psDraft('app1')]), 'leader-nudge')).toHaveLength(2);
    expect(of(plan([typedDraft()]), 'leader-nudge')).toEqual([]);
  });

  it("nudges the applicant instead, on the leader's days too, saying the leader has not approved yet", () => {
    const nudges = of(plan([typedDraft()]), 'applicant-nudge');
    expect(nudges.every((r) => r.target.kind === 'user' && r.target.userId === applicant.userId)).toBe(true);
    // The applicant's own days (7, 3, 1, 0 before 4 Nov) plus the days the leader would have been
    // nudged: two working days after asking (Mon 31 Oct 10:00) and two before the deadline (2 Nov).
    expect(nudges.map((r) => formatLocal(r.dueAt))).toEqual([
      '2022-10-28 09:00',
      '2022-10-31 10:00',
      '2022-11-01 09:00',
      '2022-11-02 09:00',
      '2022-11-03 09:00',
      '2022-11-04 09:00',
    ]);
    // Still one per application and day: ids are unique.
    expect(new Set(nudges.map((r) => r.id)).size).toBe(nudges.length);
    const step = nudges[1]?.payload.steps?.find((s) => s.id === 'endorse-nearest-leader');
    expect(step).toMatchObject({ waitingOn: 'Per Papir', unreachable: true });

    const nb = textOf(renderReminder(nudges[1]!.payload, new Date('2022-10-31T09:00:00Z')));
    expect(nb).toContain('Per Papir har ikke anbefalt ennå');
    expect(nb).toContain('om 4 dager');
    const en = textOf(
      renderReminder({ ...nudges[1]!.payload, locale: 'en' }, new Date('2022-10-31T09:00:00Z')),
    );
    expect(en).toContain('Per Papir has not approved yet');
  });

  it('a real leader keeps the plain "waiting for" line in the applicant nudge', () => {
    const [first] = of(plan([psDraft('app1')]), 'applicant-nudge');
    const text = textOf(renderReminder(first!.payload, new Date('2022-10-28T07:00:00Z')));
    expect(text).toMatch(/venter på Bob Boss siden \d+\. \w+ \d{4}/);
    expect(text).not.toContain('har ikke anbefalt');
  });
});
