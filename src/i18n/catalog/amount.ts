import type { CatalogPart } from '../message.ts';

export const amount = {
  'amount.choose-call': {
    nb: 'Hvilken utlysning gjelder det?',
    en: 'Which call is it for?',
  },
  'amount.choose-category': {
    nb: 'Hvilken kategori søker du i?',
    en: 'Which category are you applying in?',
  },
  'amount.title': {
    nb: 'Hvor mye kan du søke om?',
    en: 'How much can you ask for?',
  },
  'amount.ask-total': {
    nb: 'Hva er det samlede prosjektbudsjettet (alle kostnader, uansett hvem som betaler)?',
    en: 'What is the total project budget (all costs, whoever pays them)?',
  },
  'amount.ask-own': {
    nb: 'Hvor mye finansierer prosjektet selv (egenfinansiering)? Kravet er minst {percent} % av budsjettet.',
    en: 'How much does the project fund itself (own financing)? The requirement is at least {percent} % of the budget.',
  },
  'amount.ask-other': {
    nb: 'Har prosjektet annen finansiering, utenom egenfinansieringen og denne utlysningen? Skriv beløpet.',
    en: 'Does the project have other funding, besides its own financing and this call? Type the amount.',
  },
  'amount.ask-prior': {
    nb: 'Hvor mange ganger har prosjektet fått midler fra denne ordningen før?',
    en: 'How many times has the project been awarded funding from this scheme before?',
  },
  'amount.example': {
    nb: 'Skriv beløpet slik du vil, for eksempel «1 200 000», «1,2 mill» eller «750k».',
    en: 'Type the amount any way you like, for example "1 200 000", "1,2 mill" or "750k".',
  },
  'amount.unreadable': {
    nb: 'Jeg klarte ikke å lese «{input}» som et beløp i hele kroner. Skriv for eksempel «1 200 000» eller «1,2 mill».',
    en: 'I could not read "{input}" as an amount in whole kroner. Type for example "1 200 000" or "1,2 mill".',
  },
  'amount.input.total': {
    nb: 'Samlet budsjett (kr)',
    en: 'Total budget (NOK)',
  },
  'amount.input.own': {
    nb: 'Egenfinansiering (kr)',
    en: 'Own financing (NOK)',
  },
  'amount.input.other': {
    nb: 'Annen finansiering (kr)',
    en: 'Other funding (NOK)',
  },
  'amount.input.line-type': {
    nb: 'Kostnadstype',
    en: 'Cost type',
  },
  'amount.input.line-amount': {
    nb: 'Beløp (kr)',
    en: 'Amount (NOK)',
  },
  'amount.button.lines': {
    nb: 'Legg inn kostnadslinjer i stedet',
    en: 'Enter cost lines instead',
  },
  'amount.button.total': {
    nb: 'Skriv bare totalbudsjettet',
    en: 'Just type the total budget',
  },
  'amount.button.add-line': {
    nb: 'Legg til linjen',
    en: 'Add the line',
  },
  'amount.button.lines-done': {
    nb: 'Ferdig med budsjettet',
    en: 'Budget done',
  },
  'amount.button.unknown': {
    nb: 'Vet ikke ennå',
    en: 'Not sure yet',
  },
  'amount.button.none': {
    nb: 'Ingen',
    en: 'None',
  },
  'amount.button.again': {
    nb: 'Regn på nytt',
    en: 'Calculate again',
  },
  'amount.button.apply': {
    nb: 'Start søknad',
    en: 'Start an application',
  },
  'amount.button.eligibility': {
    nb: 'Kan jeg søke?',
    en: 'Can I apply?',
  },
  'amount.lines.title': {
    nb: 'Kostnadslinjer',
    en: 'Cost lines',
  },
  'amount.lines.empty': {
    nb: 'Legg inn én linje om gangen: velg type og skriv beløpet.',
    en: 'Add one line at a time: pick the type and type the amount.',
  },
  'amount.lines.missing-type': {
    nb: 'Velg en kostnadstype for linjen.',
    en: 'Pick a cost type for the line.',
  },
  'amount.prior.many': {
    nb: '{n} eller flere',
    en: '{n} or more',
  },
  'amount.result.title': {
    nb: 'Du kan søke om inntil {max}',
    en: 'You can ask for up to {max}',
  },
  'amount.result.nothing': {
    nb: 'Du kan ikke søke om midler slik det ser ut nå',
    en: 'You cannot ask for funding as things stand',
  },
  'amount.fact.eligible-total': {
    nb: 'Budsjett som kan dekkes',
    en: 'Eligible budget',
  },
  'amount.fact.max': {
    nb: 'Høyeste søknadsbeløp',
    en: 'Largest amount to request',
  },
  'amount.fact.own-required': {
    nb: 'Egenfinansiering som kreves ({percent} %)',
    en: 'Own financing required ({percent} %)',
  },
  'amount.fact.own-declared': {
    nb: 'Oppgitt egenfinansiering',
    en: 'Own financing declared',
  },
  'amount.fact.shortfall': {
    nb: 'Mangler i egenfinansiering',
    en: 'Own financing short by',
  },
  'amount.fact.cap': {
    nb: 'Tak i utlysningen',
    en: 'Cap in the call',
  },
  'amount.fact.no-cap': {
    nb: 'Utlysningen setter ikke noe tak',
    en: 'The call sets no cap',
  },
  'amount.no-rule.title': {
    nb: 'Utlysningen setter ikke noe beløp',
    en: 'The call sets no amount',
  },
  'amount.no-rule.text': {
    nb: 'Utlysningen har verken tak eller krav om egenfinansiering. Du søker om det prosjektet trenger av kostnader som kan dekkes, og helseforetaket prioriterer søknadene før Helse Midt-Norge RHF vurderer dem.',
    en: 'The call sets neither a cap nor an own-financing requirement. You ask for what the project needs of the costs that can be covered, and the trust ranks the applications before Helse Midt-Norge RHF assesses them.',
  },
  'amount.binds': {
    nb: 'Dette er det som begrenser beløpet',
    en: 'This is what limits the amount',
  },
  'amount.binding.cap': {
    nb: 'Taket i utlysningen.',
    en: "The call's cap.",
  },
  'amount.binding.own-financing': {
    nb: 'Kravet om egenfinansiering: resten av budsjettet må dekkes av prosjektet selv.',
    en: 'The own-financing requirement: the rest of the budget must be covered by the project itself.',
  },
  'amount.binding.budget': {
    nb: 'Budsjettet: du kan ikke søke om mer enn kostnadene som kan dekkes.',
    en: 'The budget: you cannot ask for more than the eligible costs.',
  },
  'amount.binding.award-limit': {
    nb: 'Grensen for antall tildelinger til samme prosjekt.',
    en: 'The limit on the number of awards to one project.',
  },
  'amount.rules': {
    nb: 'Reglene som er brukt',
    en: 'The rules applied',
  },
  'amount.ineligible': {
    nb: 'Kostnader som ikke kan dekkes',
    en: 'Costs that cannot be covered',
  },
  'amount.ineligible-line': {
    nb: '{label}: {amount}',
    en: '{label}: {amount}',
  },
  'amount.alternatives': {
    nb: 'Midlerbots råd (ikke fra utlysningen)',
    en: "Midlerbot's advice (not from the call)",
  },
} as const satisfies CatalogPart;
