import type { CatalogPart } from '../message.ts';

/** What the engine says on its own: errors, stale cards, cancel, back, unknown text. */
export const engine = {
  'engine.error.generic': {
    nb: 'Beklager, noe gikk galt. Prøv igjen.',
    en: 'Sorry, something went wrong. Please try again.',
  },
  'engine.error.store-unavailable': {
    nb: 'Jeg får ikke tak i lagringen min akkurat nå. Prøv igjen om et øyeblikk.',
    en: 'I cannot reach my storage right now. Please try again in a moment.',
  },
  'engine.stale.title': {
    nb: 'Dette kortet er ikke lenger aktuelt',
    en: 'That card is no longer current',
  },
  'engine.stale.text': {
    nb: 'Knappen hører til en samtale som er avsluttet eller erstattet. Du kan fortsette der du er, eller starte på nytt.',
    en: 'The button belongs to a conversation that has ended or been replaced. You can continue where you are, or start again.',
  },
  'engine.stale.restart': {
    nb: 'Start på nytt',
    en: 'Start again',
  },
  'engine.personal.sent': {
    nb: '{name}, jeg har sendt deg en personlig melding – det tar vi der, mellom oss to.',
    en: '{name}, I have sent you a personal message – we will take it there, just the two of us.',
  },
  'engine.personal.text': {
    nb: 'Du trykket på dette i en kanal. Her kan du svare i fred; ingen andre ser svarene dine.',
    en: 'You pressed this in a channel. Here you can answer in peace; nobody else sees your answers.',
  },
  'engine.personal.unreachable': {
    nb: 'Dette gjør du i en personlig chat med Midlerbot. Åpne Midlerbot der og trykk eller skriv «{label}».',
    en: 'You do this in a personal chat with Midlerbot. Open Midlerbot there and press or type "{label}".',
  },
  'engine.cancelled': {
    nb: 'Greit, jeg avbrøt. Ingenting mer ble lagret. Hva vil du gjøre nå?',
    en: 'OK, I stopped there. Nothing more was saved. What would you like to do now?',
  },
  'engine.nothing-to-cancel': {
    nb: 'Det er ingenting å avbryte. Hva vil du gjøre?',
    en: 'There is nothing to cancel. What would you like to do?',
  },
  'engine.nothing-to-go-back-to': {
    nb: 'Det er ikke noe tidligere spørsmål å gå tilbake til.',
    en: 'There is no earlier question to go back to.',
  },
  'engine.unknown.title': {
    nb: 'Det forsto jeg ikke helt',
    en: 'I did not quite get that',
  },
  'engine.unknown.text': {
    nb: 'Jeg kan hjelpe med disse tingene. Velg en knapp, eller skriv for eksempel «kan jeg søke?».',
    en: 'I can help with these things. Pick a button, or type for example "can I apply?".',
  },
  'engine.not-available': {
    nb: 'Den funksjonen er ikke tilgjengelig ennå.',
    en: 'That feature is not available yet.',
  },
  'engine.too-long': {
    nb: 'Den meldingen er for lang for meg (over {max} tegn), så jeg har ikke lest den. Skriv kort hva du vil gjøre, for eksempel «status» eller «kan jeg søke?».',
    en: 'That message is too long for me (over {max} characters), so I have not read it. Say briefly what you want to do, for example "status" or "can I apply?".',
  },
  'engine.long-queue-full': {
    nb: 'Jeg leser mange lange meldinger akkurat nå, så jeg har ikke lest din. Prøv igjen om et øyeblikk, eller skriv kortere.',
    en: 'I am reading many long messages right now, so I have not read yours. Please try again in a moment, or write it shorter.',
  },
  'engine.unknown-action': {
    nb: 'Den knappen kjenner jeg ikke igjen.',
    en: 'I do not recognise that button.',
  },
} as const satisfies CatalogPart;
