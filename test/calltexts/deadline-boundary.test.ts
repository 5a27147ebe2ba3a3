import { expect, it } from 'vitest';
import { shown, World } from '../endorsement/world.ts';
import { callOf, INNOVATION } from '../kit/applications.ts';
import { Chat } from '../support/transcript.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, item 8: one boundary everywhere (open means now < deadline; closed from 15:00:00.000
 * Oslo time on 20 Oct 2022) and one time format, as the text writes it («kl. 15.00»).
 */

const KARI = '11111111-1111-4111-8111-111111111111';
const AT_DEADLINE = '2022-10-20T13:00:00.000Z'; // 15:00:00.000 CEST
const JUST_BEFORE = '2022-10-20T12:59:59.999Z';

transcriptSuite('boundary', 'the innovation deadline boundary', AT_DEADLINE, ({ store }) => {
  for (const locale of ['nb', 'en'] as const) {
    it(`${locale}: at 15:00:00.000 the menu and the application card both say closed; a millisecond before, both open`, async () => {
      const world = new World(store(), AT_DEADLINE);
      const kari = world.person(KARI, 'Kari Nordmann');
      const call = callOf(INNOVATION);
      await world.draft(call, kari.person, 'st-olavs-hospital', 'Smart seng');
      if (locale === 'en') await kari.say('english');
      const closedWord =
        locale === 'nb' ? /gikk ut 20\. oktober 2022 kl\. 15\.00/ : /deadline was 20 October 2022, 15:00/;
      const menu = shown(await kari.say(locale === 'nb' ? 'hjelp' : 'help'));
      const card = shown(await kari.say('status'));
      expect(menu).toMatch(closedWord);
      expect(card).toMatch(closedWord);
      world.setTime(JUST_BEFORE);
      const openMenu = shown(await kari.say(locale === 'nb' ? 'hjelp' : 'help'));
      expect(openMenu).not.toMatch(closedWord);
      expect(openMenu).toMatch(locale === 'nb' ? /20\. oktober 2022 kl\. 15\.00/ : /20 October 2022, 15:00/);
    });
  }

  it('nb: times are written as the call writes them, «kl. 15.00», never «15:00»', async () => {
    const c = new Chat({ store: store(), at: '2022-10-01T10:00:00Z' });
    await c.say('kan jeg søke');
    expect(c.lastText()).toContain('20. oktober 2022 kl. 15.00');
    expect(c.lastText()).not.toContain('15:00');
  });
});
