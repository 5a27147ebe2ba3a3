import type { CatalogPart } from '../message.ts';

/** The trust's prioritisation of its endorsed patient-safety applications (issue 7). */
export const prioritisation = {
  'prioritisation.ready.title': {
    nb: 'Klar til prioritering: {trust}',
    en: 'Ready to be prioritised: {trust}',
  },
  'prioritisation.ready.text': {
    nb: '«{title}» fra {name} har fått alle godkjenningene og venter på helseforetakets prioritering.',
    en: '"{title}" from {name} has every approval and waits for the trust’s prioritisation.',
  },
  'prioritisation.ready.button': {
    nb: 'Prioriter søknadene',
    en: 'Prioritise the applications',
  },
  'prioritisation.phrases': {
    nb: 'prioriter søknadene|prioriter søknader|prioritering av søknader|rangering|rangere søknader',
    en: 'prioritise applications|prioritize applications|prioritisation|rank applications|ranking',
  },
  'prioritisation.not-chief': {
    nb: 'Du er ikke satt opp som kvalitetssjef (eller stedfortreder) for noe helseforetak, så du kan ikke prioritere søknader.',
    en: 'You are not set up as quality and patient safety lead (or deputy) for any health trust, so you cannot prioritise applications.',
  },
  'prioritisation.title': {
    nb: 'Prioriter søknadene fra {trust}',
    en: 'Prioritise the applications from {trust}',
  },
  'prioritisation.none': {
    nb: 'Ingen søknader fra {trust} har begge godkjenningene ennå.',
    en: 'No application from {trust} has both approvals yet.',
  },
  'prioritisation.waiting': {
    nb: 'Søknader som fortsatt venter på godkjenning fra leder, er ikke med her: {count}.',
    en: 'Applications still waiting for a leader’s approval, not listed: {count}.',
  },
  'prioritisation.item': {
    nb: '{rank}. {title} – {name}',
    en: '{rank}. {title} – {name}',
  },
  'prioritisation.explain': {
    nb: 'Flytt søknadene til rekkefølgen helseforetaket prioriterer dem i, og bekreft.',
    en: 'Move the applications into the order the trust prioritises them in, then confirm.',
  },
  'prioritisation.confirmed-at': {
    nb: 'Rekkefølgen ble sist bekreftet {date}. Endringer blir loggført.',
    en: 'The order was last confirmed {date}. Changes are recorded in the audit trail.',
  },
  'prioritisation.button.up': {
    nb: 'Flytt opp: {title}',
    en: 'Move up: {title}',
  },
  'prioritisation.button.confirm': {
    nb: 'Bekreft rekkefølgen',
    en: 'Confirm the order',
  },
  'prioritisation.changed-list': {
    nb: 'Listen har endret seg siden kortet ble vist. Se over rekkefølgen og bekreft igjen.',
    en: 'The list has changed since the card was shown. Check the order and confirm again.',
  },
  'prioritisation.confirmed': {
    nb: 'Rekkefølgen er bekreftet, og søkerne får beskjed. Søknader i rekkefølgen: {count}.',
    en: 'The order is confirmed, and the applicants are being told. Applications in the order: {count}.',
  },
  'prioritisation.unchanged': {
    nb: 'Rekkefølgen er den samme som før; ingenting er endret.',
    en: 'The order is the same as before; nothing has changed.',
  },
  'prioritisation.notice': {
    nb: '🏥 {trust} har prioritert søknaden «{title}».',
    en: '🏥 {trust} has ranked the application “{title}”.',
  },
  'prioritisation.notice-rank': {
    nb: '🏥 {trust} har prioritert søknaden «{title}» som nummer {rank} av {count}.',
    en: '🏥 {trust} has prioritised the application “{title}” as number {rank} of {count}.',
  },
  'prioritisation.choose-call': {
    nb: 'Hvilken utlysning gjelder det?',
    en: 'Which call is it for?',
  },
} as const satisfies CatalogPart;
