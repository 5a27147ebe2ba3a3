import type { Application } from '../../src/domain/application.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Catalog } from '../../src/domain/catalog.ts';
import { nextStep } from '../../src/domain/tracker.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/t.ts';
import type { HomeView, SlackBlock } from './block-kit.ts';
import { LIMITS, truncate } from './limits.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { actionsBlocks, titleBlocks } from './render-blocks.ts';
import { slackText } from './texts.ts';

/** One row of the Home tab, already in words. */
export interface HomeItem {
  title: string;
  callTitle: string;
  status: Application['status'];
  next?: { label: string; waitingOn?: string; dueAt?: Date };
}

/** The engine's start actions behind the Home tab's buttons (`<dialog>.start`, see src/bot/cards.ts). */
export const HOME_ACTIONS = {
  check: 'eligibility.start',
  amount: 'amount.start',
  apply: 'application.start',
} as const;

/** One application with its next step from the tracker (what the applicant, or someone else, must do). */
export function homeItem(
  app: Application,
  catalog: Catalog | undefined,
  locale: Locale,
  now: Date,
): HomeItem {
  const call = catalog?.get(app.callId);
  const step = call ? nextStep(app, call, now) : null;
  return {
    title: app.title,
    callTitle: call?.title[locale] ?? app.callId,
    status: app.status,
    ...(step
      ? {
          next: {
            label: step.step.label[locale],
            ...(step.waitingOn ? { waitingOn: step.waitingOn.name } : {}),
            ...(step.dueAt ? { dueAt: step.dueAt } : {}),
          },
        }
      : {}),
  };
}

function itemText(item: HomeItem, locale: Locale): string {
  // The same status names as the status card, from the engine's catalog.
  const status = t(locale, `application.status.${item.status}`);
  const head = `*${escapeMrkdwn(item.title)}*\n${escapeMrkdwn(item.callTitle)} · ${status}`;
  if (!item.next) return `${head}\n_${slackText(locale, 'home.done')}_`;
  const extra = [
    item.next.waitingOn
      ? slackText(locale, 'home.waiting-on', { name: escapeMrkdwn(item.next.waitingOn) })
      : undefined,
    item.next.dueAt
      ? slackText(locale, 'home.due', { date: formatDate(item.next.dueAt, locale) })
      : undefined,
  ].filter((x): x is string => x !== undefined);
  const detail = extra.length > 0 ? ` (${extra.join(', ')})` : '';
  return `${head}\n${slackText(locale, 'home.next')}: ${escapeMrkdwn(item.next.label)}${detail}`;
}

/** The Home tab: intro, start buttons, then the applications, within Slack's 100 blocks. */
export function renderHome(items: HomeItem[], locale: Locale): HomeView {
  const top: SlackBlock[] = [
    ...titleBlocks(slackText(locale, 'home.title')),
    { type: 'section', text: { type: 'mrkdwn', text: slackText(locale, 'home.intro') } },
    ...actionsBlocks([
      { action: HOME_ACTIONS.check, label: slackText(locale, 'home.check'), style: 'primary' },
      { action: HOME_ACTIONS.amount, label: slackText(locale, 'home.amount') },
      { action: HOME_ACTIONS.apply, label: slackText(locale, 'home.apply') },
    ]),
    { type: 'divider' },
    ...titleBlocks(slackText(locale, 'home.applications')),
  ];
  if (items.length === 0) {
    top.push({ type: 'section', text: { type: 'mrkdwn', text: slackText(locale, 'home.none') } });
    return { type: 'home', blocks: top };
  }
  // One block per application; the last slot says how many more there are.
  const room = LIMITS.blocksPerView - top.length - 1;
  const shown = items.slice(0, room);
  const rows: SlackBlock[] = shown.map((item) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(itemText(item, locale), LIMITS.sectionText) },
  }));
  if (items.length > shown.length) {
    rows.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: slackText(locale, 'home.more', { n: items.length - shown.length }) },
      ],
    });
  }
  return { type: 'home', blocks: [...top, ...rows] };
}
