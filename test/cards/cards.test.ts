import { describe, expect, it } from 'vitest';
import { renderMessages } from '../../adapters/slack/render-blocks.ts';
import { isForm, renderModal } from '../../adapters/slack/render-modal.ts';
import { renderOutbound } from '../../adapters/teams/adaptive-card.ts';
import type { Locale } from '../../src/domain/call.ts';
import { tryItStart } from '../../src/domain/try-it-date.ts';
import { realCatalog } from '../kit/host.ts';
import { adaptiveCardViolations, teamsTextViolations } from './adaptive-rules.ts';
import { slackMessageViolations, slackModalViolations } from './block-kit-rules.ts';
import { CHANNEL, crawl, type Person, type Seen } from './crawl.ts';

/**
 * Every card the dialogs can produce, found by walking them (crawl.ts) in both languages, early in
 * the calls and after their deadlines, rendered for Teams and for Slack and checked against Microsoft's
 * schema plus Teams' limits, and against Slack's Block Kit limits. A failure lists each violation
 * with the card's path in the payload and the conversation that produced it.
 */

const OPENINGS: Record<Locale, string[]> = {
  nb: [
    'hjelp',
    'kan jeg søke?',
    'ny søknad',
    'status',
    'hvor mye kan jeg søke om?',
    'påminnelser',
    'når er fristen?',
    'personvern',
    'prioriter søknadene',
  ],
  en: [
    'help',
    'can I apply?',
    'new application',
    'status',
    'how much can I apply for?',
    'reminders',
    'when is the deadline?',
    'privacy',
    'prioritise the applications',
  ],
};

/** The applicant, her two leaders (picked in that order) and the trust's quality chief. */
function people(locale: Locale): Person[] {
  const person = (key: string, n: number, name: string): Person => ({
    key,
    id: `00000000-0000-4000-8000-00000000000${n}`,
    name,
    locale,
    trust: 'st-olavs-hospital',
  });
  return [
    person('kari', 1, 'Kari Nordmann'),
    person('nils', 2, 'Nils Leder'),
    person('ola', 3, 'Ola Klinikk'),
    person('berit', 4, 'Berit Kvalitet'),
  ];
}

/** Each distinct message once (the walk meets most of them many times), with the first path to it. */
function distinct(seen: Seen[]): Seen[] {
  const byJson = new Map<string, Seen>();
  for (const s of seen) {
    const key = `${s.locale}:${JSON.stringify(s.message)}`;
    if (!byJson.has(key)) byJson.set(key, s);
  }
  return [...byJson.values()];
}

const violationsOf = (seen: Seen[]): string[] =>
  distinct(seen).flatMap((s) => {
    const where = `[${s.path}] → ${s.to}`;
    const teams = renderOutbound(s.message).flatMap((activity) => {
      const text = typeof activity.text === 'string' ? teamsTextViolations(activity.text) : [];
      const cards = ((activity.attachments as { content: Record<string, unknown> }[]) ?? []).flatMap((a) =>
        adaptiveCardViolations(a.content),
      );
      return [...text, ...cards].map((v) => `teams ${where}: ${v}`);
    });
    const slack = renderMessages(s.message, { locale: s.locale }).flatMap((m, i) =>
      slackMessageViolations(m as never, `message[${i}]`).map((v) => `slack ${where}: ${v}`),
    );
    const modal =
      s.message.kind === 'card' && isForm(s.message)
        ? slackModalViolations(renderModal(s.message, s.locale, { c: 'D1' } as never) as never, 'view').map(
            (v) => `slack modal ${where}: ${v}`,
          )
        : [];
    return [...teams, ...slack, ...modal];
  });

describe.each(['nb', 'en'] as const)('every card in %s', (locale) => {
  const who = people(locale);
  const settings = {
    trustQualityChiefs: {
      'st-olavs-hospital': { chief: { platform: 'teams' as const, userId: who[3]!.id, name: who[3]!.name } },
    },
  };
  it.each([
    ['on the try-it day', () => tryItStart(realCatalog().calls)!, true],
    ['after the deadlines', () => new Date('2023-09-01T08:00:00Z'), false],
  ])('is valid on Teams and Slack %s', async (_, at, open) => {
    const seen = await crawl({
      catalog: realCatalog(),
      at: at(),
      people: who,
      openings: [
        ...OPENINGS[locale].map((say) => ({ who: 'kari', say })),
        { who: 'kari', say: OPENINGS[locale][5]!, where: CHANNEL },
        { who: 'berit', say: OPENINGS[locale][8]! },
      ],
      settings,
    });
    const cards = seen.filter((s) => s.message.kind === 'card');
    // The walk reached far enough to mean something: forms, their errors, and the leaders' cards.
    expect(cards.length).toBeGreaterThan(50);
    if (open) {
      expect(seen.some((s) => s.to === 'nils')).toBe(true);
      expect(seen.some((s) => s.to === 'berit')).toBe(true);
    }
    expect(seen.some((s) => s.to === CHANNEL && s.message.kind === 'card')).toBe(true);
    expect(cards.some((s) => s.message.kind === 'card' && s.message.errors)).toBe(true);
    console.log(
      seen.walks,
      seen.kinds,
      seen.length,
      distinct(seen).length,
      seen.filter((s) => s.to === 'berit').length,
      [
        ...new Set(
          seen.filter((s) => s.message.kind === 'card').map((s) => (s.message as { title?: string }).title),
        ),
      ].join(' / '),
    );
    expect(violationsOf(seen)).toEqual([]);
  });
});
