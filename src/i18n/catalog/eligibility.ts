import type { CatalogPart } from '../message.ts';

export const eligibility = {
  'eligibility.choose-call': {
    nb: 'Hvilken utlysning vil du sjekke?',
    en: 'Which call do you want to check?',
  },
  'eligibility.choose-category': {
    nb: 'Hvilken kategori søker du i?',
    en: 'Which category are you applying in?',
  },
  'eligibility.progress': {
    nb: 'Spørsmål {n} av {total}',
    en: 'Question {n} of {total}',
  },
  'eligibility.title': {
    nb: 'Kan du søke? {call}',
    en: 'Can you apply? {call}',
  },
  'eligibility.type-number': {
    nb: 'Skriv et tall, for eksempel 1.',
    en: 'Type a number, for example 1.',
  },
  'eligibility.type-percent': {
    nb: 'Skriv en prosent, for eksempel 50.',
    en: 'Type a percentage, for example 50.',
  },
  'eligibility.invalid.percent-range': {
    nb: '«{input}» er ikke en prosent mellom 0 og 100. Skriv for eksempel 50.',
    en: '"{input}" is not a percentage from 0 to 100. Type for example 50.',
  },
  'eligibility.invalid.negative': {
    nb: '«{input}» kan ikke være under 0. Skriv 0 eller mer, for eksempel 1.',
    en: '"{input}" cannot be below 0. Type 0 or more, for example 1.',
  },
  'eligibility.type-date': {
    nb: 'Skriv en dato, for eksempel 15.12.2023.',
    en: 'Type a date, for example 2023-12-15.',
  },
  'eligibility.invalid.number': {
    nb: 'Jeg klarte ikke å lese «{input}» som et tall. Skriv for eksempel 1.',
    en: 'I could not read "{input}" as a number. Type for example 1.',
  },
  'eligibility.invalid.date': {
    nb: 'Jeg klarte ikke å lese «{input}» som en dato. Skriv for eksempel 15.12.2023.',
    en: 'I could not read "{input}" as a date. Type for example 2023-12-15.',
  },
  'eligibility.invalid.choice': {
    nb: 'Velg ett av alternativene under.',
    en: 'Please pick one of the options below.',
  },
  'eligibility.answer-label': {
    nb: 'Svar',
    en: 'Answer',
  },
  'eligibility.no.title': {
    nb: 'Dette stopper søknaden',
    en: 'This stops the application',
  },
  'eligibility.no.change': {
    nb: 'Endre svaret',
    en: 'Change the answer',
  },
  'eligibility.todo.noted': {
    nb: 'Notert som gjøremål: {todo} Frist: {due}.',
    en: 'Noted as a to-do: {todo} Due: {due}.',
  },
  'eligibility.todo.no-date': {
    nb: 'før søknaden sendes',
    en: 'before you submit',
  },
  'eligibility.verdict.eligible': {
    nb: 'Ja, du kan søke',
    en: 'Yes, you can apply',
  },
  'eligibility.verdict.eligible-with-todos': {
    nb: 'Ja, du kan søke – når gjøremålene er på plass',
    en: 'Yes, you can apply – once the to-dos are done',
  },
  'eligibility.verdict.closed': {
    nb: 'Du oppfyller kravene, men fristen har gått ut',
    en: 'You meet the requirements, but the deadline has passed',
  },
  'eligibility.verdict.not-eligible': {
    nb: 'Nei, slik prosjektet er nå kan du ikke søke',
    en: 'No, as the project stands you cannot apply',
  },
  'eligibility.verdict.incomplete': {
    nb: 'Jeg trenger flere svar før jeg kan si noe sikkert',
    en: 'I need more answers before I can say for sure',
  },
  'eligibility.why-not': {
    nb: 'Hvorfor ikke',
    en: 'Why not',
  },
  'eligibility.todos': {
    nb: 'Dette må gjøres',
    en: 'What still has to be done',
  },
  'eligibility.alternatives': {
    nb: 'Midlerbots råd (ikke fra utlysningen)',
    en: "Midlerbot's advice (not from the call)",
  },
  'eligibility.button.amount': {
    nb: 'Regn ut beløpet',
    en: 'Work out the amount',
  },
  'eligibility.button.apply': {
    nb: 'Start søknad',
    en: 'Start an application',
  },
  'eligibility.button.status': {
    nb: 'Se søknaden',
    en: 'See the application',
  },
  'eligibility.button.open-calls': {
    nb: 'Se åpne utlysninger',
    en: 'See the open calls',
  },
  'eligibility.button.again': {
    nb: 'Sjekk på nytt',
    en: 'Check again',
  },
  'eligibility.button.other-category': {
    nb: 'Prøv en annen kategori',
    en: 'Try another category',
  },
} as const satisfies CatalogPart;
