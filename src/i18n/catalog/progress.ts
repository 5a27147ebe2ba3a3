import type { CatalogPart } from '../message.ts';

export const progress = {
  'progress.button.check': { nb: 'Sjekk om du kan søke', en: 'Check if you can apply' },
  'progress.button.done': { nb: 'Ferdig: {step}', en: 'Done: {step}' },
  'progress.button.submit': { nb: 'Søknaden er levert', en: 'I have submitted it' },
  'progress.button.award': { nb: 'Registrer tildelingen', en: 'Record the award' },
  'progress.button.withdraw': { nb: 'Trekk søknaden', en: 'Withdraw the application' },
  'progress.button.awarded': { nb: 'Tildelt', en: 'Awarded' },
  'progress.button.not-awarded': { nb: 'Ikke tildelt', en: 'Not awarded' },
  'progress.button.confirm-submit': { nb: 'Ja, den er levert', en: 'Yes, it is submitted' },
  'progress.button.confirm-withdraw': { nb: 'Ja, trekk søknaden', en: 'Yes, withdraw it' },
  'progress.button.cancel': { nb: 'Nei, tilbake', en: 'No, go back' },
  'progress.submit.title': { nb: 'Er søknaden levert?', en: 'Is the application submitted?' },
  'progress.submit.text': {
    nb: 'Bekreft at «{title}» er levert: {step}. Midlerbot leverer ikke søknaden for deg, den registrerer bare at du har gjort det. Fristen er {due}.',
    en: 'Confirm that "{title}" is submitted: {step}. Midlerbot does not submit it for you; it only records that you have. The deadline is {due}.',
  },
  'progress.withdraw.title': { nb: 'Trekke søknaden?', en: 'Withdraw the application?' },
  'progress.withdraw.text': {
    nb: '«{title}» blir trukket, og ingen blir bedt om noe mer. Ledere som venter på å godkjenne den, får beskjed. Dette kan ikke angres.',
    en: '"{title}" will be withdrawn and nobody will be asked for anything more. Leaders who are waiting to endorse it are told. This cannot be undone.',
  },
  'progress.award.title': { nb: 'Tildeling: {title}', en: 'Award: {title}' },
  'progress.award.text': {
    nb: 'Når tildelingen er kunngjort, registrer utfallet her. Ved tildeling minner Midlerbot deg på rapportene.',
    en: 'Once the award is announced, record the outcome here. If it is awarded, Midlerbot reminds you of the reports.',
  },
  'progress.award.comment': { nb: 'Kommentar (valgfritt)', en: 'Comment (optional)' },
  'progress.done.step': { nb: 'Registrert: {step}.', en: 'Recorded: {step}.' },
  'progress.done.submitted': {
    nb: 'Registrert at «{title}» er levert. Neste steg er tildelingen.',
    en: 'Recorded that "{title}" is submitted. The award comes next.',
  },
  'progress.done.awarded': {
    nb: 'Gratulerer! «{title}» er registrert som tildelt. Du får påminnelser om rapportene.',
    en: 'Congratulations! "{title}" is recorded as awarded. You will be reminded of the reports.',
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
    nb: 'Fristen har gått ut, så søknaden kan ikke registreres som levert.',
    en: 'The deadline has passed, so the application cannot be recorded as submitted.',
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
