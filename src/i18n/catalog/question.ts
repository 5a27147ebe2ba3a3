import type { CatalogPart } from '../message.ts';

/** Answers to questions about the calls (dialogs/question.ts): the fact first, then the rule and its quote. */
export const question = {
  'question.date': {
    nb: '{label}: {date} ({days})',
    en: '{label}: {date} ({days})',
  },
  'question.date.passed': {
    nb: '{label}: {date} (passert, {days})',
    en: '{label}: {date} (passed, {days})',
  },
  'question.undated': {
    nb: '{label}: {note}',
    en: '{label}: {note}',
  },
  'question.undated.after': {
    nb: '{label}: etter «{after}» – utlysningen oppgir ingen dato',
    en: '{label}: after "{after}" – the call gives no date',
  },
  'question.amount.cap': {
    nb: 'inntil {amount}',
    en: 'up to {amount}',
  },
  'question.amount.no-cap': {
    nb: 'utlysningen setter ingen øvre grense for beløpet',
    en: 'the call sets no upper limit for the amount',
  },
  'question.amount.own': {
    nb: 'minst {percent} % egenfinansiering av samlet budsjett',
    en: 'at least {percent} % own financing of the total budget',
  },
  'question.amount.no-own': {
    nb: 'ingen krav om egenfinansiering',
    en: 'no own financing required',
  },
  'question.amount.awards': {
    nb: 'høyst {n} tildeling(er) per prosjekt',
    en: 'at most {n} award(s) per project',
  },
  'question.amount.line': {
    nb: '{category}: {parts}',
    en: '{category}: {parts}',
  },
  'question.people': {
    nb: 'Hvem: {roles}',
    en: 'Who: {roles}',
  },
  'question.submission': {
    nb: 'Hvor: {where}',
    en: 'Where: {where}',
  },
  'question.costs.eligible': {
    nb: 'Kan dekkes: {items}',
    en: 'Can be covered: {items}',
  },
  'question.costs.ineligible': {
    nb: 'Kan ikke dekkes: {items}',
    en: 'Cannot be covered: {items}',
  },
  'question.area.prioritised': {
    nb: '«{area}» er et prioritert satsingsområde{for}.',
    en: '"{area}" is a prioritised area{for}.',
  },
  'question.area.encouraged': {
    nb: '«{area}» er et område utlysningen oppfordrer til{for}.',
    en: '"{area}" is an area the call encourages{for}.',
  },
  'question.area.for': {
    nb: ' for {categories}',
    en: ' for {categories}',
  },
  'question.area.examples': {
    nb: 'For eksempel: {examples}',
    en: 'For example: {examples}',
  },
  'question.passage': {
    nb: 'Dette står i utlysningsteksten:',
    en: 'This is what the call text says:',
  },
  'question.label.contact': {
    nb: 'Kontakt',
    en: 'Contact',
  },
  'question.label.guidance': {
    nb: 'Søknadsveiledning',
    en: 'Guidance for applicants',
  },
  'question.label.trusts': {
    nb: 'Helseforetakene',
    en: 'The health trusts',
  },
  'question.label.purpose': {
    nb: 'Formål',
    en: 'Purpose',
  },
  'question.label.passage': {
    nb: 'Fra utlysningsteksten',
    en: 'From the call text',
  },
  'question.label.with-call': {
    nb: '{label} ({call})',
    en: '{label} ({call})',
  },
  'question.next.eligibility': {
    nb: 'Sjekk om du kan søke',
    en: 'Check if you can apply',
  },
  'question.next.amount': {
    nb: 'Regn ut beløpet',
    en: 'Work out the amount',
  },
  'question.next.application': {
    nb: 'Ny søknad',
    en: 'New application',
  },
  'question.next.reminders': {
    nb: 'Påminnelser',
    en: 'Reminders',
  },
  'question.next.priority': {
    nb: 'Satsingsområder',
    en: 'Priority areas',
  },
  'question.next.status': {
    nb: 'Mine søknader',
    en: 'My applications',
  },
  'question.near.title': {
    nb: 'Mente du noe av dette?',
    en: 'Did you mean one of these?',
  },
  'question.near.text': {
    nb: 'Jeg fant ikke et klart svar i utlysningene på «{text}». Det nærmeste jeg fant handler om {topics}. Velg ett av dem, eller spør med andre ord.',
    en: 'I found no clear answer in the calls to "{text}". The nearest I found is about {topics}. Pick one, or ask in other words.',
  },
  'question.none.title': {
    nb: 'Det sier ikke utlysningen',
    en: 'The call does not say',
  },
  'question.none.text': {
    nb: 'Jeg finner ikke noe om «{text}» i utlysningene.',
    en: 'I find nothing about "{text}" in the calls.',
  },
  'question.none.contact': {
    nb: '{call}: {contact}',
    en: '{call}: {contact}',
  },
  'question.or': {
    nb: ' eller ',
    en: ' or ',
  },
  'question.confirm.title': {
    nb: 'Svar eller spørsmål?',
    en: 'An answer or a question?',
  },
  'question.confirm.text': {
    nb: 'Du skrev «{text}». Skal jeg bruke det som svar, eller svare på det som et spørsmål? Det du holdt på med, venter.',
    en: 'You wrote "{text}". Shall I use it as your answer, or answer it as a question? What you were doing is kept.',
  },
  'question.confirm.use': {
    nb: 'Bruk det som svar',
    en: 'Use it as my answer',
  },
  'question.confirm.ask': {
    nb: 'Svar på spørsmålet',
    en: 'Answer the question',
  },
} as const satisfies CatalogPart;
