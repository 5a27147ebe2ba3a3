import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRedisStore } from '../../src/store/redis-store.ts';
import { type SlackHost, startSlackHost } from '../slack/harness.ts';
import { RESPONSE_URL, slash } from '../slack/requests.ts';
import { type BotConnectorCapture, startBotConnectorCapture } from '../support/bot-connector-capture.ts';
import { type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import { appMention, CHANNEL, DM, directMessage, postSlack } from '../support/slack-fixtures.ts';
import { cardOf, personalMessage, postActivity } from '../support/teams-fixtures.ts';

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
  let app: App;
  let capture: BotConnectorCapture;
  let port = 0;
  beforeAll(async () => {
    capture = await startBotConnectorCapture();
    const clock = fixedClock(NOW);
    app = createApp({
      config: { port: 0, nodeEnv: 'test', teams: {} },
      store: createRedisStore({ url: inject('redisUrl'), prefix: `q-teams-${process.pid}-${Date.now()}:` }),
      catalog: loadCatalog('calls'),
      clock,
      log: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    });
    port = await app.listen(0);
  });
  afterAll(async () => {
    await app.close();
    await capture.close();
  });
  beforeEach(() => capture.reset());

  it('answers a deadline question for both calls: weekday, time, days left, then the quote', async () => {
    const res = await postActivity(port, personalMessage(capture.serviceUrl, 'Når er søknadsfristen?'));
    expect(res.status).toBe(200);
    const cards = capture.posted().map((p) => cardOf(p.body));
    const text = all(cards);
    expect(text).toContain('torsdag 20. oktober 2022 kl. 15.00 (om 17 dager)');
    expect(text).toContain('Søknadsfrist er torsdag 20. oktober klokken 15.00');
    expect(text).toContain('fredag 4. november 2022 (om 32 dager)');
    expect(text).toContain('Søknadsfrist er 4. november 2022');
    // The fact comes before the quote in the card.
    expect(text.indexOf('om 17 dager')).toBeLessThan(text.indexOf('Søknadsfrist er torsdag'));
    expect(text).not.toContain('Du har ingen søknader');
  });

  it('answers "how much can a transfer project get" with the amount and a button into the calculator', async () => {
    await postActivity(port, personalMessage(capture.serviceUrl, 'Hvor mye kan et overføringsprosjekt få?'));
    const card = cardOf(capture.posted()[0]?.body ?? {});
    const text = all(card);
    expect(text).toContain('inntil 350 000 kr');
    expect(text).toContain('det foreligger ikke krav om egenfinansiering');
    expect(text).not.toContain('Hvilken utlysning');
    const verbs = ((card?.actions ?? []) as { verb?: string; data?: unknown }[]).map((a) => a.verb);
    expect(verbs).toContain('amount.start');
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

  it('answers a question in the DM with the fact and the quote', async () => {
    await postSlack(
      host.port,
      directMessage('Hvem tar den endelige beslutningen om pasientsikkerhetsmidler?'),
      NOW_SECONDS,
    );
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(DM);
    const text = all(post?.args.blocks);
    expect(text).toContain('Fagdirektør i Helse Midt-Norge RHF');
    expect(text).toContain('Fagdirektør i Helse Midt-Norge RHF tar beslutning om endelig tildeling');
  });

  it('answers an @mention in a channel', async () => {
    await postSlack(host.port, appMention('where do I submit an innovation application?'), NOW_SECONDS);
    const [post] = await capture.waitFor('chat.postMessage');
    await host.idle();
    expect(post?.args.channel).toBe(CHANNEL);
    const text = all(post?.args.blocks);
    expect(text).toContain('eSøknad');
    expect(text).toContain('Søknaden leveres elektronisk i eSøknad.');
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
