import type { CatalogPart } from '../message.ts';

export const progress = {
  'progress.button.check': {
    nb: 'Sjekk om du kan søke',
    en: 'Check if you can apply',
  },
  'progress.button.done': {
    nb: 'Ferdig: {step}',
    en: 'Done: {step}',
  },
  'progress.button.submit': {
    nb: 'Søknaden er levert',
    en: 'I have submitted it',
  },
  'progress.button.award': {
    nb: 'Registrer tildelingen',
    en: 'Record the award',
  },
  'progress.button.edit': {
    nb: 'Endre søknaden',
    en: 'Edit the application',
  },
  'progress.button.save': {
    nb: 'Lagre endringene',
    en: 'Save the changes',
  },
  'progress.button.calculate': {
    nb: 'Regn ut høyeste beløp',
    en: 'Work out the largest amount',
  },
  'progress.edit.title': {
    nb: 'Endre: {title}',
    en: 'Edit: {title}',
  },
  'progress.edit.text': {
    nb: 'Endre tittelen, beløpet du søker om og egenfinansieringen. Lederne ser dette når de godkjenner.',
    en: 'Change the title, the amount you ask for and the own financing. The leaders see these when they approve.',
  },
  'progress.edit.text-no-own': {
    nb: 'Endre tittelen og beløpet du søker om. Lederne ser dette når de godkjenner.',
    en: 'Change the title and the amount you ask for. The leaders see these when they approve.',
  },
  'progress.edit.no-amount-rule': {
    nb: 'Utlysningen setter ikke noe beløp og krever ingen egenfinansiering; helseforetaket prioriterer søknadene. Beløpet kan stå tomt.',
    en: 'The call sets no amount and requires no own financing; the trust ranks the applications. The amount may be left empty.',
  },
  'progress.edit.requested-optional': {
    nb: 'Beløp du søker om (kr, valgfritt)',
    en: 'Amount you ask for (NOK, optional)',
  },
  'progress.edit.limits': {
    nb: 'Utlysningen: høyst {cap}, og minst {percent} % av budsjettet som egenfinansiering.',
    en: 'The call: at most {cap}, and at least {percent} % of the budget as own financing.',
  },
  'progress.edit.resets': {
    nb: 'Godkjenninger som er gitt eller bedt om, gjaldt søknaden slik den var. Lagrer du en endring, må du be om dem på nytt.',
    en: 'Approvals given or asked for were for the application as it was. If you save a change, you ask for them again.',
  },
  'progress.edit.requested': {
    nb: 'Beløp du søker om (kr)',
    en: 'Amount you ask for (NOK)',
  },
  'progress.edit.own': {
    nb: 'Egenfinansiering (kr)',
    en: 'Own financing (NOK)',
  },
  'progress.edit.unreadable': {
    nb: 'Jeg klarte ikke å lese «{input}» som et beløp. Skriv for eksempel 400 000.',
    en: 'I could not read "{input}" as an amount. Type for example 400 000.',
  },
  'progress.edit.too-much': {
    nb: 'Med {own} i egenfinansiering kan du søke om høyst {max}: egenfinansieringen må være minst {percent} % av budsjettet.',
    en: 'With {own} of own financing you can ask for at most {max}: own financing must be at least {percent} % of the budget.',
  },
  'progress.edit.over-cap': {
    nb: 'Utlysningen gir høyst {max} i denne kategorien.',
    en: 'The call gives at most {max} in this category.',
  },
  'progress.edit.positive': {
    nb: 'Beløpet du søker om må være over 0 kr.',
    en: 'The amount you ask for must be more than NOK 0.',
  },
  'progress.edit.negative': {
    nb: '«{input}» er negativt. Skriv et beløp på 0 eller mer, for eksempel 400 000.',
    en: '"{input}" is negative. Type an amount of 0 or more, for example 400 000.',
  },
  'progress.edit.whole-kroner': {
    nb: '«{input}» er ikke hele kroner. Skriv for eksempel 300 000.',
    en: '"{input}" is not whole kroner. Type for example 300 000.',
  },
  'progress.edit.bad-title': {
    nb: 'Tittelen må være mellom 3 og 200 tegn.',
    en: 'The title must be between 3 and 200 characters.',
  },
  'progress.edit.saved': {
    nb: 'Søknaden er oppdatert.',
    en: 'The application is updated.',
  },
  'progress.edit.saved-reset': {
    nb: 'Søknaden er oppdatert. Be om godkjenning på nytt: lederne godkjente den slik den var.',
    en: 'The application is updated. Ask for approval again: the leaders approved it as it was.',
  },
  'progress.edit.unchanged': {
    nb: 'Ingenting er endret.',
    en: 'Nothing has changed.',
  },
  'progress.refused.prioritised': {
    nb: 'Helseforetaket har allerede prioritert søknaden, så den kan ikke endres her. Ta kontakt med kvalitetssjefen.',
    en: 'The trust has already prioritised the application, so it cannot be changed here. Contact the trust’s quality and patient safety lead.',
  },
  'progress.button.withdraw': {
    nb: 'Trekk søknaden',
    en: 'Withdraw the application',
  },
  'progress.button.awarded': {
    nb: 'Tildelt',
    en: 'Awarded',
  },
  'progress.button.not-awarded': {
    nb: 'Ikke tildelt',
    en: 'Not awarded',
  },
  'progress.button.confirm-submit': {
    nb: 'Ja, den er levert',
    en: 'Yes, it is submitted',
  },
  'progress.button.confirm-withdraw': {
    nb: 'Ja, trekk søknaden',
    en: 'Yes, withdraw it',
  },
  'progress.button.cancel': {
    nb: 'Nei, tilbake',
    en: 'No, go back',
  },
  'progress.submit.late-text': {
    nb: 'Søknadsfristen har gått ut. Leverte du «{title}» i søknadsportalen før fristen, kan du registrere det her: {step}. Skriv hvilken dag du leverte (senest fristdagen).',
    en: 'The deadline has passed. If you submitted "{title}" in the application portal before the deadline, you can record it here: {step}. Enter the day you submitted it (the deadline day at the latest).',
  },
  'progress.submit.when': {
    nb: 'Dagen søknaden ble levert',
    en: 'The day it was submitted',
  },
  'progress.submit.bad-day': {
    nb: 'Skriv dagen søknaden ble levert, som ÅÅÅÅ-MM-DD, senest fristdagen. Etter fristen kan ingen søknad leveres.',
    en: 'Enter the day it was submitted, as YYYY-MM-DD, on the deadline day at the latest. No application can be submitted after the deadline.',
  },
  'progress.submit.title': {
    nb: 'Er søknaden levert?',
    en: 'Is the application submitted?',
  },
  'progress.submit.text': {
    nb: 'Bekreft at «{title}» er levert: {step}. Midlerbot leverer ikke søknaden for deg, den registrerer bare at du har gjort det. Fristen er {due}.',
    en: 'Confirm that "{title}" is submitted: {step}. Midlerbot does not submit it for you; it only records that you have. The deadline is {due}.',
  },
  'progress.withdraw.title': {
    nb: 'Trekke søknaden?',
    en: 'Withdraw the application?',
  },
  'progress.withdraw.text': {
    nb: '«{title}» blir trukket, og ingen blir bedt om noe mer. Ledere som venter på å godkjenne den, får beskjed. Dette kan ikke angres.',
    en: '"{title}" will be withdrawn and nobody will be asked for anything more. Leaders who are waiting to approve it are told. This cannot be undone.',
  },
  'progress.not-awarded.title': {
    nb: 'Ikke tildelt?',
    en: 'Not awarded?',
  },
  'progress.not-awarded.text': {
    nb: '«{title}» blir registrert som ikke tildelt. Rapportstegene faller bort, og det kan ikke endres her etterpå.',
    en: '"{title}" will be recorded as not awarded. The report steps are dropped, and it cannot be changed here afterwards.',
  },
  'progress.button.confirm-not-awarded': {
    nb: 'Ja, ikke tildelt',
    en: 'Yes, not awarded',
  },
  'progress.award.title': {
    nb: 'Tildeling: {title}',
    en: 'Award: {title}',
  },
  'progress.award.text': {
    nb: 'Når tildelingen er kunngjort, registrer utfallet her. Ved tildeling minner Midlerbot deg på rapportene.',
    en: 'Once the award is announced, record the outcome here. If it is awarded, Midlerbot reminds you of the reports.',
  },
  'progress.award.comment': {
    nb: 'Kommentar (valgfritt)',
    en: 'Comment (optional)',
  },
  'progress.done.step': {
    nb: 'Registrert: {step}.',
    en: 'Recorded: {step}.',
  },
  'progress.done.submitted': {
    nb: 'Registrert at «{title}» er levert. Neste steg er tildelingen.',
    en: 'Recorded that "{title}" is submitted. The award comes next.',
  },
  'progress.done.awarded': {
    nb: 'Gratulerer! «{title}» er registrert som tildelt. Du får påminnelser om rapportene.',
    en: 'Congratulations! "{title}" is recorded as awarded. You will be reminded of the reports.',
  },
  'progress.done.awarded-no-reports': {
    nb: 'Gratulerer! «{title}» er registrert som tildelt.',
    en: 'Congratulations! "{title}" is recorded as awarded.',
  },
  'progress.done.not-awarded': {
    nb: '«{title}» er registrert som ikke tildelt. Ingen rapporter trengs.',
    en: '"{title}" is recorded as not awarded. No reports are needed.',
  },
  'progress.done.withdrawn': {
    nb: '«{title}» er trukket.',
    en: '"{title}" has been withdrawn.',
  },
  'progress.done.checked-passed': {
    nb: 'Sjekken er lagret på søknaden «{title}».',
    en: 'The check is saved on the application "{title}".',
  },
  'progress.done.checked-failed': {
    nb: 'Svarene er lagret på søknaden «{title}», men steget «{step}» er ikke fullført før sjekken viser at du kan søke.',
    en: 'The answers are saved on the application "{title}", but the step "{step}" is not done until the check shows that you can apply.',
  },
  'progress.refused.requires': {
    nb: 'Dette kan ikke registreres ennå. Først: {steps}.',
    en: 'This cannot be recorded yet. First: {steps}.',
  },
  'progress.refused.deadline': {
    nb: 'Fristen har gått ut, så søknaden kan ikke endres eller leveres lenger.',
    en: 'The deadline has passed, so the application can no longer be changed or submitted.',
  },
  'progress.refused.already': {
    nb: 'Dette er allerede registrert. Her er søknaden slik den står nå.',
    en: 'This is already recorded. Here is the application as it stands.',
  },
  'progress.refused.status': {
    nb: 'Det går ikke nå: søknaden har status {status}.',
    en: 'Not possible now: the application is {status}.',
  },
  'progress.refused.check-required': {
    nb: 'Steget blir fullført når sjekken viser at du kan søke.',
    en: 'The step is done when the check shows that you can apply.',
  },
  'progress.refused.category': {
    nb: 'Sjekken gjaldt en annen kategori enn søknaden, så søknaden er ikke endret.',
    en: 'The check was for another category than the application, so the application is unchanged.',
  },
  'progress.not-yours': {
    nb: 'Bare søkeren kan endre denne søknaden.',
    en: 'Only the applicant can change this application.',
  },
  'progress.refused.generic': {
    nb: 'Det gikk ikke. Søknaden er ikke endret.',
    en: 'That did not work. The application is unchanged.',
  },
} as const satisfies CatalogPart;
