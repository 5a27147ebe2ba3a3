import { text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block } from '../src/bot/messages.ts';
import type { Application } from '../src/domain/application.ts';
import type { Call } from '../src/domain/call.ts';
import type { Text } from '../src/domain/call-schema.ts';
import { trustInternalDeadline } from '../src/domain/timeline.ts';
import { formatDeadline } from '../src/i18n/format.ts';

/**
 * What the call text says that an applicant needs beside the steps: the notes (`notes:` in the call
 * file) an application card shows, each as the rule's sentence with its quote. The topics are named
 * here, as literals, so `midlerbot calls check` can see which notes a dialog shows.
 */

// Not shared.ts's `say`: shared.ts shows notes too (the categories), and this keeps the import one-way.
const say = (ctx: DialogContext, value: Text): string => value[ctx.locale];

/** Read before submitting: how to submit, what gets an application rejected, what the assessment weighs. */
export const BEFORE_SUBMISSION = [
  'complete-application',
  'institution',
  'internal-deadline',
  'submission',
  'collaboration',
  'geographic-spread',
  'trust-prioritisation',
] as const;

/** What happens after submitting: who decides, how reporting works. */
export const AFTER_SUBMISSION = ['award-announcement', 'award', 'reporting'] as const;

/** The rule sentence and quote of each note the call has, in the order of `topics`. */
export function noteBlocks(ctx: DialogContext, call: Call, topics: readonly string[]): Block[] {
  const source = ctx.t('common.source', { call: say(ctx, call.title) });
  return topics.flatMap((topic) => {
    const note = call.notes.find((n) => n.topic === topic);
    const rule = note && call.rules.find((r) => r.id === note.rule);
    if (!rule) return [];
    return [text(`- ${say(ctx, rule.text)}`), { kind: 'quote', text: rule.cite.quote, source }];
  });
}

function submitted(app: Application, call: Call): boolean {
  const ids = new Set(call.steps.filter((s) => s.kind === 'submission').map((s) => s.id));
  return app.status !== 'draft' || app.steps.some((s) => ids.has(s.id) && s.state === 'done');
}

/**
 * A call whose text rejects incomplete applications gets a checklist before submission: the steps
 * before it (the category's template, the sign-off) with their state, and the rules of the category
 * (budget) and of the position share. The call does not list these as a checklist; the bot builds it
 * from the call's requirements, so it is headed as the bot's list.
 */
function checklist(ctx: DialogContext, app: Application, call: Call): Block[] {
  if (!call.notes.some((n) => n.topic === 'complete-application')) return [];
  const at = call.steps.findIndex((s) => s.kind === 'submission');
  const steps = call.steps
    .slice(0, Math.max(at, 0))
    .filter((s) => s.kind === 'draft' || s.kind === 'endorsement')
    .flatMap((s) => {
      const state = app.steps.find((a) => a.id === s.id)?.state;
      if (state === undefined || state === 'not-needed') return [];
      return [`${state === 'done' ? '☑' : '☐'} ${say(ctx, s.label)}`];
    });
  const category = call.categories.find((c) => c.id === app.category);
  const ruleIds = [
    ...(category?.rules ?? []),
    ...call.questions.filter((q) => q.kind === 'percent').map((q) => q.rule),
  ];
  const rules = [...new Set(ruleIds)].flatMap((id) => {
    const rule = call.rules.find((r) => r.id === id);
    return rule ? [`☐ ${say(ctx, rule.text)}`] : [];
  });
  return [text(`**${ctx.t('application.checklist')}**\n${[...steps, ...rules].join('\n')}`)];
}

/** The call's notes for this application at its stage, then the guidance and the contact. */
export function applicationNotes(ctx: DialogContext, app: Application, call: Call): Block[] {
  const done = submitted(app, call);
  const topics = done ? AFTER_SUBMISSION : [...BEFORE_SUBMISSION, ...AFTER_SUBMISSION];
  const notes = noteBlocks(ctx, call, topics);
  // The text warns of an internal deadline without dates; where the trust's is configured, say it.
  const trust = call.trusts.find((t) => t.id === app.applicant.trust);
  const internal = trust && trustInternalDeadline(call, trust.id);
  if (!done && internal && notes.length > 0 && call.notes.some((n) => n.topic === 'internal-deadline'))
    notes.push(
      text(
        ctx.t('application.internal-deadline', {
          trust: trust.name,
          date: formatDeadline(internal, ctx.now, ctx.locale),
        }),
        'attention',
      ),
    );
  const help = guidanceAndContact(ctx, call);
  return [
    ...(done ? [] : checklist(ctx, app, call)),
    ...(notes.length > 0 ? [text(`**${ctx.t('application.from-call')}**`), ...notes] : []),
    ...(help ? [text(help, 'subtle')] : []),
  ];
}

/** The call's guidance for applicants (where it has one) and its contact, as one line. */
export function guidanceAndContact(ctx: DialogContext, call: Call): string | undefined {
  const parts = [call.submission.guidance, call.contact].flatMap((t) => (t ? [say(ctx, t)] : []));
  return parts.length > 0 ? parts.join(' ') : undefined;
}
