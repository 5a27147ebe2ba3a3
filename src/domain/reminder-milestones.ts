import type { Call } from './call.ts';
import type { MilestoneKind, Text } from './call-schema.ts';
import { daysBeforeInstant } from './reminder-days.ts';
import { ID_PREFIX, type PlannedReminder, type ReminderKind, type ReminderTarget } from './reminder-types.ts';
import { formatLocal, INTERNAL_DEADLINE_ID, localToInstant } from './timeline.ts';

/** The dated things reminders are about, when they go out, and how one reminder is built. */

export interface DatedMilestone {
  id: string;
  kind: MilestoneKind;
  label: Text;
  at: Date;
  trustName?: string;
  /** The milestone's own words from the call file, said instead of a generic line (issue 15). */
  note?: Text;
}

/** The call's dated milestones of the given kinds, plus the trust's internal deadline when it has one. */
export function remindableMilestones(
  call: Call,
  kinds: ReadonlySet<MilestoneKind>,
  trustId?: string,
): DatedMilestone[] {
  const out: DatedMilestone[] = call.milestones.flatMap((m) =>
    m.at !== undefined && kinds.has(m.kind)
      ? [
          {
            id: m.id,
            kind: m.kind,
            label: m.label,
            at: localToInstant(m.at),
            ...(m.note ? { note: m.note } : {}),
          },
        ]
      : [],
  );
  const trust = call.trusts.find((t) => t.id === trustId);
  if (trust?.internalDeadline !== undefined && kinds.has('deadline')) {
    out.push({
      id: INTERNAL_DEADLINE_ID,
      kind: 'deadline',
      label: { nb: `Intern frist i ${trust.name}`, en: `Internal deadline at ${trust.name}` },
      at: localToInstant(trust.internalDeadline),
      trustName: trust.name,
    });
  }
  return out;
}

/** The distinct instants of "N days before" (two N can land on the same working day). */
export function scheduleFor(m: DatedMilestone, days: readonly number[], time: string): Date[] {
  const instants = days.flatMap((d) => {
    const at = daysBeforeInstant(m.at, d, time);
    return at ? [at.getTime()] : [];
  });
  return [...new Set(instants)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * One reminder. `idParts` name what it is about; the id adds the milestone's local time and the local
 * due time, and the group (without the times) ties the reminders of one thing together.
 */
export function reminder(
  kind: ReminderKind,
  target: ReminderTarget,
  call: Call,
  m: DatedMilestone,
  dueAt: Date,
  idParts: string[],
  extra: Partial<PlannedReminder['payload']> & Pick<PlannedReminder['payload'], 'buttons'>,
  dueLabel: string = formatLocal(dueAt).replace(' ', 'T'),
): PlannedReminder {
  const group = `${ID_PREFIX[kind]}${idParts.join('/')}`;
  return {
    // The milestone's own time is part of the id: a moved date is a new reminder, never an old one
    // that would still say the old date.
    id: `${group}@${formatLocal(m.at).replace(' ', 'T')}/${dueLabel}`,
    kind,
    dueAt,
    expiresAt: m.at,
    target,
    milestone: m.id,
    payload: {
      kind,
      target,
      callId: call.id,
      callTitle: call.title,
      milestone: m.id,
      milestoneKind: m.kind,
      label: m.label,
      at: m.at.toISOString(),
      group,
      ...(m.note ? { note: m.note } : {}),
      ...extra,
    },
  };
}
