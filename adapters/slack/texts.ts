import type { Locale } from '../../src/domain/call.ts';

/**
 * The adapter's own chrome (Home tab, modal buttons, continuation notes). Everything a dialog says
 * comes from the engine's catalog; these are only the Slack-specific frames around it.
 */
const texts = {
  'home.title': { nb: 'Midlerbot', en: 'Midlerbot' },
  'home.intro': {
    nb: 'Her ser du søknadene dine og hva som er neste steg. Skriv til meg i *Meldinger*-fanen eller bruk `/midler` hvor som helst.',
    en: 'Here are your applications and their next steps. Write to me in the *Messages* tab or use `/midler` anywhere.',
  },
  'home.applications': { nb: 'Mine søknader', en: 'My applications' },
  'home.none': { nb: 'Du har ingen søknader ennå.', en: 'You have no applications yet.' },
  'home.next': { nb: 'Neste steg', en: 'Next step' },
  'home.done': { nb: 'Ingen steg gjenstår', en: 'No steps left' },
  'home.more': {
    nb: '…og {n} til. Skriv `/midler status` for hele listen.',
    en: '…and {n} more. Type `/midler status` for the whole list.',
  },
  'home.check': { nb: 'Kan jeg søke?', en: 'Can I apply?' },
  'home.amount': { nb: 'Hvor mye kan jeg søke om?', en: 'How much can I apply for?' },
  'home.apply': { nb: 'Ny søknad', en: 'New application' },
  'home.waiting-on': { nb: 'venter på {name}', en: 'waiting on {name}' },
  'home.due': { nb: 'frist {date}', en: 'due {date}' },
  'dm.answered-there': {
    nb: 'Jeg svarer deg i meldingene dine med Midlerbot (appen i sidefeltet), så svaret blir mellom oss.',
    en: 'I am answering you in your messages with Midlerbot (the app in the sidebar), so the answer stays between us.',
  },
  'modal.close': { nb: 'Lukk', en: 'Close' },
  'modal.submit': { nb: 'Send', en: 'Submit' },
  'page.continued': { nb: '(fortsetter)', en: '(continued)' },
  'page.truncated': { nb: '…mer enn det er plass til her.', en: '…more than fits here.' },
} as const;

export type SlackTextKey = keyof typeof texts;

export function slackText(
  locale: Locale,
  key: SlackTextKey,
  params: Record<string, string | number> = {},
): string {
  return texts[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
