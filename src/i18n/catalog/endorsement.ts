import type { CatalogPart } from '../message.ts';

/** Endorsements (issue 7): the applicant's requests and the leader's decisions. */
export const endorsement = {
  'endorsement.phrases.request': {
    nb: 'be om godkjenning|godkjenning fra leder|send til leder|forankring',
    en: 'ask for endorsement|request endorsement|ask for approval|send to leader|endorsement',
  },
  'endorsement.phrases.pending': {
    nb: 'hva venter på meg|venter på meg|til godkjenning|mine godkjenninger',
    en: 'pending|what is waiting on me|waiting on me|what is waiting for me|waiting for me|my approvals',
  },
  'endorsement.button.request': {
    nb: 'Be om godkjenning',
    en: 'Ask for approval',
  },
  'endorsement.title': {
    nb: 'Godkjenning fra leder',
    en: 'Approval from your leaders',
  },
  'endorsement.choose-application': {
    nb: 'Hvilken søknad vil du be om godkjenning for?',
    en: 'Which application do you want to ask for approval for?',
  },
  'endorsement.no-applications': {
    nb: 'Du har ingen søknader som trenger godkjenning fra leder. Start en søknad først.',
    en: 'You have no application that needs a leader’s approval. Start an application first.',
  },
  'endorsement.not-found': {
    nb: 'Jeg finner ikke den søknaden lenger. Den kan være slettet.',
    en: 'I cannot find that application any more. It may have been deleted.',
  },
  'endorsement.not-yours': {
    nb: 'Bare søkeren kan be om godkjenning for denne søknaden.',
    en: 'Only the applicant can ask for approval of this application.',
  },
  'endorsement.none-needed': {
    nb: 'Denne søknaden trenger ingen godkjenning fra leder.',
    en: 'This application needs no approval from a leader.',
  },
  'endorsement.not-draft': {
    nb: 'Søknaden er ikke lenger et utkast ({status}), så det kan ikke bes om godkjenning nå.',
    en: 'The application is no longer a draft ({status}), so no approval can be asked for now.',
  },
  // The check's verdict as the leader reads it: about the applicant, not to them.
  'endorsement.leader.verdict.eligible': {
    nb: 'Oppfyller kravene i utlysningen',
    en: 'Meets the call’s requirements',
  },
  'endorsement.leader.verdict.eligible-with-todos': {
    nb: 'Oppfyller kravene når gjøremålene er gjort',
    en: 'Meets the requirements once the to-dos are done',
  },
  'endorsement.leader.verdict.not-eligible': {
    nb: 'Oppfyller ikke kravene slik prosjektet er nå',
    en: 'Does not meet the requirements as the project stands',
  },
  'endorsement.leader.verdict.incomplete': {
    nb: 'Sjekken er ikke fullført',
    en: 'The check is not finished',
  },
  'endorsement.amount-first': {
    nb: 'Før du ber om godkjenning: legg inn beløpet du søker om og egenfinansieringen, så lederen ser hva hen godkjenner.',
    en: 'Before you ask for approval: enter the amount you ask for and the own financing, so the leader sees what they approve.',
  },
  'endorsement.check-first': {
    nb: 'Før du ber om godkjenning må du sjekke at du kan søke på denne utlysningen.',
    en: 'Before you ask for approval, check that you can apply to this call.',
  },
  'endorsement.before-asking': {
    nb: 'Før du ber om godkjenning må dette være gjort: {steps}. Er søknaden klar til å vises til lederen?',
    en: 'Before you ask for approval this must be done: {steps}. Is the application ready to show the leader?',
  },
  'endorsement.button.ready': {
    nb: 'Ja, søknaden er klar',
    en: 'Yes, it is ready',
  },
  'endorsement.step.done': {
    nb: '✅ {step}: godkjent av {name} {date}',
    en: '✅ {step}: approved by {name} {date}',
  },
  'endorsement.step.waiting': {
    nb: '⏳ {step}: venter på {name} siden {date}',
    en: '⏳ {step}: waiting on {name} since {date}',
  },
  'endorsement.step.declined': {
    nb: '❌ {step}: avslått av {name}: «{comment}». Rediger søknaden og be om godkjenning på nytt.',
    en: '❌ {step}: declined by {name}: “{comment}”. Edit the application and ask again.',
  },
  'endorsement.step.open': {
    nb: '{step}: ikke sendt ennå',
    en: '{step}: not asked yet',
  },
  'endorsement.step.question': {
    nb: '{name} spør: «{question}»',
    en: '{name} asks: “{question}”',
  },
  'endorsement.step.answered': {
    nb: 'Ditt svar: «{answer}»',
    en: 'Your answer: “{answer}”',
  },
  'endorsement.input.person': {
    nb: '{role}: velg personen',
    en: '{role}: pick the person',
  },
  'endorsement.input.name': {
    nb: '{role}: eller skriv navnet hvis du ikke finner personen',
    en: '{role}: or type the name if you cannot find them',
  },
  'endorsement.input.note': {
    nb: 'Kort melding til lederen (valgfritt)',
    en: 'A short note to the leader (optional)',
  },
  'endorsement.button.send': {
    nb: 'Send forespørselen',
    en: 'Send the request',
  },
  'endorsement.button.withdraw': {
    nb: 'Trekk tilbake: {role}',
    en: 'Withdraw: {role}',
  },
  'endorsement.button.replace': {
    nb: 'Bytt leder: {role}',
    en: 'Replace: {role}',
  },
  'endorsement.button.answer': {
    nb: 'Svar {name}',
    en: 'Answer {name}',
  },
  'endorsement.button.resend': {
    nb: 'Send på nytt til {name}',
    en: 'Send again to {name}',
  },
  'endorsement.error.no-person': {
    nb: 'Velg eller skriv inn minst én person.',
    en: 'Pick or type at least one person.',
  },
  'endorsement.error.self': {
    nb: 'Du kan ikke godkjenne din egen søknad. Velg lederen din.',
    en: 'You cannot approve your own application. Pick your leader.',
  },
  'endorsement.error.same-leader': {
    nb: 'Forespørselen venter allerede på denne personen. Velg en annen.',
    en: 'The request already waits on this person. Pick someone else.',
  },
  'endorsement.sent': {
    nb: 'Forespørselen er sendt til {names}.',
    en: 'The request has been sent to {names}.',
  },
  'endorsement.typed': {
    nb: 'Jeg fant ingen bruker for «{name}», så forespørselen venter på navnet. {name} kan ikke svare i chat før de har Midlerbot. Be dem installere Midlerbot, og trykk så «Bytt leder» og velg dem i listen.',
    en: 'I found no user for “{name}”, so the request waits on the name. {name} cannot answer in chat until they have Midlerbot. Ask them to install Midlerbot, then press “Replace the leader” and pick them from the list.',
  },
  'endorsement.unreachable.teams': {
    nb: 'Jeg får ikke sendt meldingen til {name}: de har ikke Midlerbot i Teams ennå. Be {name} åpne Apper i Teams, søke etter «Midlerbot» og velge Legg til. En Teams-administrator kan også forhåndsinstallere Midlerbot for alle gjennom en policy for appoppsett (eller slå på installasjon gjennom Microsoft Graph). Forespørselen står som ventende; trykk «Send på nytt» når de har appen.',
    en: 'I cannot message {name}: they do not have Midlerbot in Teams yet. Ask {name} to open Apps in Teams, search for “Midlerbot” and choose Add. A Teams admin can also pre-install Midlerbot for everyone through an app setup policy (or turn on installation through Microsoft Graph). The request stays pending; press “Send again” once they have the app.',
  },
  'endorsement.unreachable.slack': {
    nb: 'Jeg får ikke sendt meldingen til {name} i Slack. Be {name} åpne Midlerbot under Apper i Slack (eller be en administrator legge til appen). Forespørselen står som ventende; trykk «Send på nytt» når de har appen.',
    en: 'I cannot message {name} in Slack. Ask {name} to open Midlerbot under Apps in Slack (or ask an admin to add the app). The request stays pending; press “Send again” once they have the app.',
  },
  'endorsement.unreachable.console': {
    nb: 'Jeg får ikke sendt meldingen til {name} herfra. Forespørselen står som ventende.',
    en: 'I cannot message {name} from here. The request stays pending.',
  },
  'endorsement.resent': {
    nb: 'Forespørselen er sendt på nytt til {name}.',
    en: 'The request was sent again to {name}.',
  },
  'endorsement.withdrawn': {
    nb: 'Forespørselen til {name} er trukket tilbake.',
    en: 'The request to {name} has been withdrawn.',
  },
  'endorsement.replace.title': {
    nb: 'Bytt leder: {step}',
    en: 'Replace the leader: {step}',
  },
  'endorsement.replace.text': {
    nb: 'Forespørselen venter nå på {name}. Hvem skal få den i stedet?',
    en: 'The request now waits on {name}. Who should get it instead?',
  },
  'endorsement.replaced': {
    nb: 'Forespørselen er flyttet fra {old} til {name}.',
    en: 'The request has moved from {old} to {name}.',
  },
  'endorsement.answer.title': {
    nb: 'Svar til {name}',
    en: 'Answer to {name}',
  },
  'endorsement.input.answer': {
    nb: 'Ditt svar',
    en: 'Your answer',
  },
  'endorsement.button.send-answer': {
    nb: 'Send svaret',
    en: 'Send the answer',
  },
  'endorsement.error.answer-required': {
    nb: 'Skriv et svar før du sender.',
    en: 'Type an answer before sending.',
  },
  'endorsement.answered': {
    nb: 'Svaret er sendt til {name}.',
    en: 'Your answer has been sent to {name}.',
  },
  'endorsement.refused.deadline-passed': {
    nb: 'Fristen for utlysningen har gått ut, så det kan ikke bes om godkjenning lenger.',
    en: 'The call’s deadline has passed, so no approval can be asked for any more.',
  },
  'endorsement.refused.not-waiting': {
    nb: 'Denne forespørselen venter ikke lenger på noen.',
    en: 'This request no longer waits on anyone.',
  },
  'endorsement.refused.generic': {
    nb: 'Det gikk ikke nå: søknaden er endret i mellomtiden. Her er slik den står nå.',
    en: 'That did not work: the application changed in the meantime. Here is how it stands now.',
  },
  'endorsement.notice.approve': {
    nb: '✅ {name} har godkjent «{title}» ({step}).',
    en: '✅ {name} has approved “{title}” ({step}).',
  },
  'endorsement.notice.decline': {
    nb: '❌ {name} har avslått «{title}» ({step}): «{comment}». Søknaden er åpnet igjen som utkast: rediger den og be om godkjenning på nytt.',
    en: '❌ {name} has declined “{title}” ({step}): “{comment}”. The application is a draft again: edit it and ask again.',
  },
  'endorsement.notice.more-info': {
    nb: '❓ {name} ber om mer informasjon om «{title}» ({step}): «{question}»',
    en: '❓ {name} asks for more information about “{title}” ({step}): “{question}”',
  },
  'endorsement.notice.comment': {
    nb: 'Kommentar: «{comment}»',
    en: 'Comment: “{comment}”',
  },
  'endorsement.notice.answer': {
    nb: '{name} har svart på spørsmålet ditt om «{title}»: «{answer}»',
    en: '{name} has answered your question about “{title}”: “{answer}”',
  },
  'endorsement.leader.title': {
    nb: 'Godkjenning: {title}',
    en: 'Approval: {title}',
  },
  'endorsement.leader.asks': {
    nb: '{name} ber deg om: {step}',
    en: '{name} asks you for: {step}',
  },
  'endorsement.leader.fact.applicant': {
    nb: 'Søker',
    en: 'Applicant',
  },
  'endorsement.leader.fact.project': {
    nb: 'Prosjekt',
    en: 'Project',
  },
  'endorsement.leader.fact.call': {
    nb: 'Utlysning',
    en: 'Call',
  },
  'endorsement.leader.fact.category': {
    nb: 'Kategori',
    en: 'Category',
  },
  'endorsement.leader.fact.amount': {
    nb: 'Beløp det søkes om',
    en: 'Amount requested',
  },
  'endorsement.leader.fact.max': {
    nb: 'Høyeste mulige beløp',
    en: 'Largest possible amount',
  },
  'endorsement.leader.fact.own': {
    nb: 'Egenfinansiering',
    en: 'Own financing',
  },
  'endorsement.leader.fact.verdict': {
    nb: 'Vurdering av om de kan søke',
    en: 'Eligibility check',
  },
  'endorsement.leader.fact.verdict-none': {
    nb: 'Ikke sjekket i Midlerbot',
    en: 'Not checked in Midlerbot',
  },
  'endorsement.leader.fact.deadline': {
    nb: 'Søknadsfrist',
    en: 'Deadline',
  },
  'endorsement.leader.fact.internal': {
    nb: 'Helseforetakets interne frist',
    en: 'The trust’s internal deadline',
  },
  'endorsement.leader.fact.none': {
    nb: 'Ikke oppgitt',
    en: 'Not given',
  },
  'endorsement.leader.note': {
    nb: 'Melding fra søkeren: «{note}»',
    en: 'Note from the applicant: “{note}”',
  },
  'endorsement.leader.question': {
    nb: 'Du spurte: «{question}»',
    en: 'You asked: “{question}”',
  },
  'endorsement.leader.no-answer': {
    nb: 'Svaret kommer hit.',
    en: 'The answer will appear here.',
  },
  'endorsement.leader.answer': {
    nb: 'Svar fra {name}: «{answer}»',
    en: 'Answer from {name}: “{answer}”',
  },
  'endorsement.leader.input.comment': {
    nb: 'Kommentar (må fylles ut ved avslag og spørsmål)',
    en: 'Comment (needed to decline or to ask)',
  },
  'endorsement.leader.button.approve': {
    nb: 'Godkjenn',
    en: 'Approve',
  },
  'endorsement.leader.button.decline': {
    nb: 'Avslå',
    en: 'Decline',
  },
  'endorsement.leader.button.more-info': {
    nb: 'Be om mer informasjon',
    en: 'Ask for more information',
  },
  'endorsement.leader.error.comment-required': {
    nb: 'Skriv en kort begrunnelse når du avslår, så søkeren vet hva som må endres.',
    en: 'Add a short reason when you decline, so the applicant knows what to change.',
  },
  'endorsement.leader.error.question-required': {
    nb: 'Skriv hva du lurer på.',
    en: 'Type what you would like to know.',
  },
  'endorsement.leader.outcome.approve': {
    nb: '✅ Godkjent av {name} {date}',
    en: '✅ Approved by {name} {date}',
  },
  'endorsement.leader.outcome.decline': {
    nb: '❌ Avslått av {name} {date}',
    en: '❌ Declined by {name} {date}',
  },
  'endorsement.leader.outcome.more-info': {
    nb: '❓ {name} ba om mer informasjon {date}',
    en: '❓ {name} asked for more information {date}',
  },
  'endorsement.leader.voided': {
    nb: 'Godkjenningen din av «{title}» gjelder ikke lenger: {name} har endret søknaden. Blir du bedt igjen, får du en ny forespørsel.',
    en: 'Your approval of "{title}" no longer counts: {name} has changed the application. If you are asked again, you get a new request.',
  },
  'endorsement.leader.stale': {
    nb: 'Denne forespørselen gjelder ikke lenger: søkeren har trukket den tilbake, endret søknaden eller sendt den til en annen.',
    en: 'This request is no longer current: the applicant withdrew it, changed the application or sent it to someone else.',
  },
  'endorsement.leader.already': {
    nb: 'Avgjørelsen er allerede registrert.',
    en: 'The decision has already been recorded.',
  },
  'endorsement.leader.not-you': {
    nb: 'Bare {name} kan avgjøre denne forespørselen. Ingenting er endret.',
    en: 'Only {name} can decide on this request. Nothing has been changed.',
  },
  'endorsement.leader.not-you-decided': {
    nb: 'Denne forespørselen er allerede avgjort, og det var ikke du som ble spurt. Ingenting er endret.',
    en: 'This request has already been decided, and you were not the one asked. Nothing has been changed.',
  },
  'endorsement.leader.after-deadline': {
    nb: 'Fristen for utlysningen har gått ut, så avgjørelsen kan ikke registreres lenger. Ingenting er endret.',
    en: 'The call’s deadline has passed, so the decision can no longer be recorded. Nothing has been changed.',
  },
  'endorsement.leader.not-draft': {
    nb: 'Søknaden er ikke lenger et utkast ({status}), så avgjørelsen endrer ikke noe. Ingenting er endret.',
    en: 'The application is no longer a draft ({status}), so the decision changes nothing. Nothing has been changed.',
  },
  'endorsement.leader.gone': {
    nb: 'Søknaden finnes ikke lenger. Ingenting er endret.',
    en: 'The application no longer exists. Nothing has been changed.',
  },
  'endorsement.leader.recorded': {
    nb: 'Takk! {outcome}. {name} får beskjed nå.',
    en: 'Thank you! {outcome}. {name} is being told now.',
  },
  'endorsement.leader.new-answer': {
    nb: '{name} har svart på spørsmålet ditt om «{title}»: «{answer}». Kortet med knappene er oppdatert.',
    en: '{name} has answered your question about “{title}”: “{answer}”. The card with the buttons has been updated.',
  },
  'endorsement.pending.none': {
    nb: 'Ingenting venter på deg nå.',
    en: 'Nothing is waiting on you right now.',
  },
  'endorsement.pending.ranking': {
    nb: 'Disse søknadene til {call} har alle godkjenningene og venter på helseforetakets prioritering:',
    en: 'These applications to {call} have every approval and wait for the trust to rank them:',
  },
  'endorsement.pending.title': {
    nb: 'Dette venter på deg ({count})',
    en: 'Waiting on you ({count})',
  },
} as const satisfies CatalogPart;
