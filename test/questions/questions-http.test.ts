import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { useKit } from '../kit/index.ts';
import { type SlackHost, startSlackHost } from '../slack/harness.ts';
import { RESPONSE_URL, slash } from '../slack/requests.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { appMention, CHANNEL, DM, directMessage, postSlack } from '../support/slack-fixtures.ts';

/**
 * Questions typed in Teams and Slack over real HTTP, with the clock inside the 2022 application
 * window: the answer states the fact (date with weekday and days left, amount, place) and carries
 * the rule's verbatim quote, whatever the surface (Teams personal chat, Slack DM, @mention,
 * `/midler spør …`).
 */
const NOW = '2022-10-03T08:00:00Z';
/** Slack signs with the time of sending; the host checks it against its clock. */
const NOW_SECONDS = Math.floor(Date.parse(NOW) / 1000);

const all = (node: unknown): string => JSON.stringify(node);

describe('questions in Teams over HTTP', () => {
  const kit = useKit('teams', { at: NOW });
  const kari = kit.user('Kari Nordmann');

  it('answers a deadline question for both calls: weekday, time, days left, then the quote', async () => {
    await kari.says('Når er søknadsfristen?');
    expect(kari.answer.status).toBe(200);
    const text = all(kari.replies.map((r) => r.raw));
    expect(text).toContain('torsdag 20. oktober 2022 kl. 15.00 (om 17 dager)');
    expect(text).toContain('Søknadsfrist er torsdag 20. oktober klokken 15.00');
    expect(text).toContain('fredag 4. november 2022 (om 32 dager)');
    expect(text).toContain('Søknadsfrist er 4. november 2022');
    // The fact comes before the quote in the card.
    expect(text.indexOf('om 17 dager')).toBeLessThan(text.indexOf('Søknadsfrist er torsdag'));
    expect(text).not.toContain('Du har ingen søknader');
  });

  it('answers "how much can a transfer project get" with the amount and a button into the calculator', async () => {
    await kari.says('Hvor mye kan et overføringsprosjekt få?');
    const [card] = kari.replies;
    const text = all(card?.raw);
    expect(text).toContain('inntil 350 000 kr');
    expect(text).toContain('det foreligger ikke krav om egenfinansiering');
    expect(text).not.toContain('Hvilken utlysning');
    expect(card?.buttons.map((b) => b.action)).toContain('amount.start');
  });
});

describe('questions in Slack over HTTP', () => {
  let capture: SlackCapture;
  let host: SlackHost;
  beforeAll(async () => {
    capture = await startSlackCapture();
    host = await startSlackHost({ capture, redisUrl: inject('redisUrl'), clock: fixedClock(NOW) });
  });
  afterAll(async () => {
    await host.close();
    await capture.close();
  });
  beforeEach(() => capture.reset());

  it.each([
    {
      name: 'a question in the DM with the fact and the quote',
      event: () => directMessage('Hvem tar den endelige beslutningen om pasientsikkerhetsmidler?'),
      channel: DM,
      texts: [
        'Fagdirektør i Helse Midt-Norge RHF',
        'Fagdirektør i Helse Midt-Norge RHF tar beslutning om endelig tildeling',
      ],
    },
    {
      name: 'an @mention in a channel',
      event: () => appMention('where do I submit an innovation application?'),
      channel: CHANNEL,
      texts: ['eSøknad', 'Søknaden leveres elektronisk i eSøknad.'],
    },
  ])('answers $name', async ({ event, channel, texts }) => {
    await postSlack(host.port, event(), NOW_SECONDS);
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(channel);
    const text = all(post?.args.blocks);
    for (const t of texts) expect(text).toContain(t);
  });

  it('answers `/midler spør …` only to the person who asked, as a question even without a question word', async () => {
    await postSlack(host.port, slash(capture, 'spør egenandel produktinnovasjon'), NOW_SECONDS);
    const [reply] = await capture.waitFor(RESPONSE_URL);
    await host.idle();
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral' });
    const text = all(reply?.args.blocks);
    expect(text).toContain('25 % egenfinansiering');
    expect(text).toContain('det stilles krav om 25 % egenfinansiering');
  });
});
