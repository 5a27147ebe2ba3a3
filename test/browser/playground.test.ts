import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundPage } from './playground-page.ts';
import { chromiumPath, PlaygroundRun } from './playground-run.ts';

/**
 * The README's walk-through in a browser, as a newcomer without a Teams tenant does it: Microsoft 365
 * Agents Playground against `npm run playground`, one page per person. Runs wherever Chromium is
 * installed; `.ci/run` installs it, so CI never skips it.
 */
const browser = chromiumPath();
const run = new PlaygroundRun();

describe.skipIf(!browser && !process.env.CI)('the walk-through in Microsoft 365 Agents Playground', () => {
  let kari: PlaygroundPage;
  let nils: PlaygroundPage;
  let klara: PlaygroundPage;
  let kare: PlaygroundPage;

  beforeAll(async () => {
    await run.start();
    kari = await run.as('applicant');
    nils = await run.as('leader');
    klara = await run.as('clinic-chief');
    kare = await run.as('quality-chief');
    // The playground's client says en-US; these people choose Norwegian, as many do in Teams.
    for (const person of [nils, klara, kare]) await person.says('norsk');
  }, 180_000);
  afterAll(() => run.stop(), 30_000);

  it('checks eligibility to a verdict', async () => {
    await kari.says('norsk');
    await kari.says('kan jeg søke?');
    await kari.presses('Innovasjonsmidler 2023');
    // One category's name is too long for a Teams button: the categories are a list with one button
    // (the driver chooses it and presses "Svar").
    await kari.pressesInTurn('Produktinnovasjon', 'St. Olavs hospital HF');
    await kari.answers('Svar', '50');
    await kari.answers('Svar', '0');
    await kari.pressesInTurn('Ja', 'Ja', 'Nei');
    await kari.answers('Svar', '2023-12-15');
    await kari.sees('Ja, du kan søke', 'Innovasjonsmidler 2023');
    await kari.shot('eligibility-verdict');
  }, 120_000);

  it('computes 750 000 kr for a 1 000 000 kr product budget', async () => {
    // The check's call and category carry over.
    await kari.says('hvor mye kan jeg søke om?');
    await kari.answers('Samlet budsjett', '1 000 000');
    await kari.answers('Egenfinansiering', '250 000');
    await kari.pressesInTurn('Ingen', '0');
    await kari.shot('amount');
    expect(await kari.sees('750 000')).toBeTruthy();
  }, 120_000);

  it('applies, asks the leader, and the leader approves on the card', async () => {
    // Named, because a new application otherwise starts in the call just checked.
    await kari.says('ny søknad på pasientsikkerhetsmidler');
    await kari.answers('Prosjekttittel', 'Trygg utskrivning');
    await kari.pressesInTurn('Sjekk om du kan søke', 'Ja');
    await kari.picks('Redusere pasientskader');
    await kari.presses('Send');
    await kari.pressesInTurn('Ikke ennå', 'Ikke ennå');
    await kari.answers('Svar', '2024-06-30');
    await kari.pressesInTurn('Nei', 'Nei', 'Se søknaden', 'Be om godkjenning', 'Ja, søknaden er klar');
    // The playground has no people picker: the card lists the walk-through's people instead.
    await kari.picks('Nils Leder (nils.leder@stolav.example)', 'Nærmeste leder: velg personen');
    await kari.picks('Klara Klinikksjef (klara.klinikksjef@stolav.example)', 'Klinikkleder: velg personen');
    await kari.shot('endorsement-request');
    await kari.presses('Send forespørselen');
    await kari.shot('endorsement-sent');
    await kari.sees('Nils Leder');
    await nils.sees('Trygg utskrivning', 'Godkjenn');
    await nils.shot('endorsement-card');
    await nils.presses('Godkjenn');
    await nils.shot('approved');
    await kari.sees('godkjent');
  }, 180_000);

  it('the clinic chief approves too, and the quality chief orders the trust’s applications', async () => {
    await klara.sees('Trygg utskrivning', 'Godkjenn');
    await klara.presses('Godkjenn');
    await kare.sees('venter på helseforetakets prioritering');
    await kare.shot('prioritisation-notice');
    await kare.pressesInTurn('Prioriter søknadene', 'Bekreft rekkefølgen');
    await kare.shot('prioritised');
    await kari.sees('har prioritert søknaden «Trygg utskrivning»');
  }, 120_000);

  it('a channel subscribes to reminders, and one arrives after /at moves the clock', async () => {
    await kari.open('Midler og frister');
    await kari.posts('påminnelser');
    await kari.presses('Velg utlysninger');
    await kari.picks('Pasientsikkerhetsmidler 2023–2024');
    await kari.presses('Lagre');
    await kari.sees('Pasientsikkerhetsmidler 2023–2024', 'Neste påminnelser', '21. oktober 2022 kl. 09.00');
    await kari.posts('/at 2022-10-21 09:00');
    await kari.sees('Klokka er nå fredag 21. oktober 2022 kl. 09.00', 'forfalt: 1 sendt');
    await kari.sees('Søknadsfrist', 'Pasientsikkerhetsmidler 2023–2024', '4. november 2022');
    await kari.shot('channel-reminder');
  }, 120_000);
});
