import { expect, it } from 'vitest';
import { shown, World } from '../endorsement/world.ts';
import { callOf } from '../kit/applications.ts';
import { play } from '../support/transcript.ts';
import { toTrust } from '../transcripts/steps.ts';
import { transcriptSuite } from '../transcripts/suite.ts';

/**
 * Issue 15, language: English reads as English, with one term per role and concept (docs/glossary.md):
 * line manager, head of department/clinic, head of clinic, sign-off, quality and patient safety lead, approval —
 * never "nearest leader", "clinic leader", "clinic chief", "anchoring", "quality chief" or "endorse".
 */

const TRANSLATED = /nearest leader|clinic leader|clinic chief|anchor|quality chief|endorse/i;

transcriptSuite(
  'glossary',
  'the English terms of docs/glossary.md',
  '2022-09-15T10:00:00Z',
  ({ chat, store }) => {
    it('en: the innovation check asks for the head of clinic’s sign-off', async () => {
      const c = chat({ locale: 'en' });
      await play(c, [
        ...toTrust('can I apply', 'Product innovation', { en: true }),
        { click: 'St. Olavs hospital HF' },
        { say: '50' },
        { say: '0' },
        { click: 'Yes', expect: ['Has the head of clinic signed off the application?'], not: [TRANSLATED] },
      ]);
    });

    for (const callId of ['innovasjon-2023', 'pasientsikkerhet-2023-2024']) {
      it(`en: the ${callId} application card names the roles by the glossary`, async () => {
        const world = new World(store(), '2022-10-10T08:00:00Z');
        const kari = world.person('11111111-1111-4111-8111-111111111111', 'Kari Nordmann');
        const call = callOf(callId);
        await world.draft(call, kari.person, 'st-olavs-hospital', 'Smart seng');
        await kari.say('english');
        const card = shown(await kari.say('status'));
        expect(card).toMatch(
          callId === 'innovasjon-2023'
            ? /Sign-off from the head of clinic/
            : /Approval from your line manager[\s\S]*Approval from the head of department\/clinic/,
        );
        expect(card).not.toMatch(TRANSLATED);
      });
    }
  },
);
