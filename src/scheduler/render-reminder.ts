import { button, card, facts, text } from '../bot/cards.ts';
import type { Block, Button, Outbound } from '../bot/messages.ts';
import type { Locale } from '../domain/call.ts';
import type { NudgeStep, ReminderPayload } from '../domain/reminder-types.ts';
import { formatDate, formatDeadline } from '../i18n/format.ts';
import { type MessageKey, t } from '../i18n/t.ts';

/**
 * Turns a queued reminder into a neutral card at send time, so "in N days" is true when it is read
 * (a reminder sent late after downtime says "in 5 days", not the planned "in 7 days").
 */
export function renderReminder(payload: ReminderPayload, now: Date, fallback: Locale = 'nb'): Outbound {
  const locale = payload.locale ?? fallback;
  const at = new Date(payload.at);
  const when = formatDeadline(at, now, locale);
  const label = payload.label[locale];
  const call = payload.callTitle[locale];
  const buttons = payload.buttons.map((b, i) =>
    button(b.action, t(locale, buttonLabel(b.action)), b.data, i === 0 ? 'primary' : undefined),
  );
  switch (payload.kind) {
    case 'channel-milestone':
      return channelCard(payload, locale, { when, label, call, buttons });
    case 'applicant-nudge': {
      const title = t(locale, 'reminders.applicant.title', { application: payload.applicationTitle ?? call });
      const intro = t(locale, 'reminders.applicant.text', { label: label.toLowerCase(), when });
      const steps = (payload.steps ?? []).map((s) => stepLine(s, locale));
      return card(
        title,
        [
          text(intro),
          { kind: 'steps', steps },
          facts([[t(locale, 'reminders.call'), call]]),
          ...callSays(payload, locale, call),
        ],
        buttons,
      );
    }
    case 'leader-nudge': {
      const title = t(locale, 'reminders.leader.title', { application: payload.applicationTitle ?? call });
      const step = payload.steps?.[0];
      const applicant = payload.applicantName ?? '';
      const stepLabel = step?.label[locale] ?? '';
      const body =
        payload.reason === 'waited' && step?.since
          ? t(locale, 'reminders.leader.waited', {
              applicant,
              date: formatDate(new Date(step.since), locale),
              step: stepLabel,
              when,
            })
          : t(locale, 'reminders.leader.deadline-near', { applicant, step: stepLabel, label, when });
      return card(title, [text(body), facts([[t(locale, 'reminders.call'), call]])], buttons);
    }
    case 'call-announcement': {
      const changes = (payload.changes ?? []).map((c) => `• ${c[locale]}`);
      return card(
        t(locale, 'reminders.announce.title', { call }),
        [
          text(t(locale, 'reminders.announce.text')),
          facts([[t(locale, 'reminders.announce.deadline'), when]]),
          ...(changes.length > 0
            ? [text([t(locale, 'reminders.announce.changes'), ...changes].join('\n'))]
            : []),
        ],
        buttons,
      );
    }
    case 'report-reminder': {
      const title = t(locale, 'reminders.report.title', {
        label,
        application: payload.applicationTitle ?? call,
      });
      return card(
        title,
        [text(t(locale, 'reminders.report.text', { call, when })), ...callSays(payload, locale, call)],
        buttons,
      );
    }
  }
}

/** The call's own sentences that bear on the reminder, each with its quote. */
function callSays(payload: ReminderPayload, locale: Locale, call: string): Block[] {
  const source = t(locale, 'common.source', { call });
  return (payload.says ?? []).flatMap((s) => [
    text(s.text[locale]),
    { kind: 'quote', text: s.quote, source },
  ]);
}

function channelCard(
  payload: ReminderPayload,
  locale: Locale,
  parts: { when: string; label: string; call: string; buttons: Button[] },
): Outbound {
  const todo: TodoKey =
    payload.milestone === 'internal-deadline'
      ? 'reminders.todo.internal-deadline'
      : (todoKeys[payload.milestoneKind] ?? 'reminders.todo.deadline');
  const rows: [string, string][] = [
    [t(locale, 'reminders.when'), parts.when],
    [t(locale, 'reminders.call'), parts.call],
  ];
  if (payload.trustName) rows.push([t(locale, 'reminders.trust'), payload.trustName]);
  // A milestone's own note says what the call text says of it; the generic line is for the rest.
  const blocks: Block[] = [facts(rows), text(payload.note ? payload.note[locale] : t(locale, todo))];
  return card(
    t(locale, 'reminders.channel.title', { label: parts.label, call: parts.call }),
    blocks,
    parts.buttons,
  );
}

type TodoKey = Extract<MessageKey, `reminders.todo.${string}`>;

const todoKeys: Partial<Record<ReminderPayload['milestoneKind'], TodoKey>> = {
  deadline: 'reminders.todo.deadline',
  award: 'reminders.todo.award',
  'status-report': 'reminders.todo.status-report',
  'final-report': 'reminders.todo.final-report',
  'project-end': 'reminders.todo.project-end',
};

function stepLine(s: NudgeStep, locale: Locale) {
  const detail = s.waitingOn
    ? s.unreachable
      ? t(locale, 'reminders.step.not-endorsed', { name: s.waitingOn })
      : s.since
        ? t(locale, 'reminders.step.waiting-since', {
            name: s.waitingOn,
            date: formatDate(new Date(s.since), locale),
          })
        : t(locale, 'reminders.step.waiting', { name: s.waitingOn })
    : undefined;
  return {
    label: s.label[locale],
    state: s.waitingOn ? ('waiting' as const) : ('todo' as const),
    ...(detail === undefined ? {} : { detail }),
  };
}

type ButtonKey = Extract<MessageKey, `reminders.button.${string}`>;

function buttonLabel(action: string): ButtonKey {
  if (action === 'eligibility.start') return 'reminders.button.eligibility';
  if (action === 'application.start') return 'reminders.button.application';
  if (action === 'status.start') return 'reminders.button.status';
  if (action === 'leader.start') return 'reminders.button.pending';
  return 'reminders.button.help';
}
