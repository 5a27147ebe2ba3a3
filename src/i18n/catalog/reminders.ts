import type { CatalogPart } from '../message.ts';

/** Reminders posted into channels and personal nudges (src/scheduler), and the reminders dialog. */
export const reminders = {
  'reminders.channel.title': {
    nb: '{label} – {call}',
    en: '{label} – {call}',
  },
  'reminders.when': {
    nb: 'Når',
    en: 'When',
  },
  'reminders.announce.title': {
    nb: 'Ny utlysning: {call}',
    en: 'New call: {call}',
  },
  'reminders.announce.text': {
    nb: 'En ny utlysning i en serie denne kanalen følger, er lagt inn. Kanalen får påminnelser om den også.',
    en: 'A new call of a series this channel follows is out. The channel gets its reminders too.',
  },
  'reminders.announce.deadline': {
    nb: 'Søknadsfrist',
    en: 'Deadline',
  },
  'reminders.announce.changes': {
    nb: 'Endret fra forrige utlysning:',
    en: 'Changed from the last call:',
  },
  'reminders.call': {
    nb: 'Utlysning',
    en: 'Call',
  },
  'reminders.trust': {
    nb: 'Helseforetak',
    en: 'Health trust',
  },
  'reminders.application': {
    nb: 'Søknad',
    en: 'Application',
  },
  'reminders.todo.deadline': {
    nb: 'Sjekk om dere kan søke, og start søknaden i god tid. Husk at lederne skal godkjenne før fristen.',
    en: 'Check whether you can apply and start the application in good time. Remember that the leaders must approve before the deadline.',
  },
  'reminders.todo.internal-deadline': {
    nb: 'Helseforetakets interne frist kommer før den regionale: få søknaden forankret og prioritert innen da.',
    en: "The trust's internal deadline comes before the regional one: get the application signed off and ranked by then.",
  },
  'reminders.todo.award': {
    nb: 'Tildelingen kunngjøres. Se status for søknadene dine.',
    en: 'Awards are announced. See the status of your applications.',
  },
  'reminders.todo.status-report': {
    nb: 'Prosjekter som har fått midler, skal rapportere status i søknadsportalen.',
    en: 'Funded projects must report their status in the application portal.',
  },
  'reminders.todo.final-report': {
    nb: 'Prosjekter som har fått midler, skal levere sluttrapport.',
    en: 'Funded projects must submit a final report.',
  },
  'reminders.todo.project-end': {
    nb: 'Prosjektene skal være avsluttet innen denne datoen.',
    en: 'The projects must be finished by this date.',
  },
  'reminders.applicant.title': {
    nb: 'Påminnelse: {application}',
    en: 'Reminder: {application}',
  },
  'reminders.applicant.text': {
    nb: 'Dette mangler fortsatt før {label} {when}:',
    en: 'This is still missing before the {label} {when}:',
  },
  'reminders.step.waiting': {
    nb: 'venter på {name}',
    en: 'waiting for {name}',
  },
  'reminders.step.waiting-since': {
    nb: 'venter på {name} siden {date}',
    en: 'waiting for {name} since {date}',
  },
  'reminders.step.not-endorsed': {
    nb: '{name} har ikke anbefalt ennå, og kan ikke få meldinger fra meg: ta kontakt selv, eller bytt leder',
    en: '{name} has not approved yet and cannot get messages from me: contact them yourself, or replace the leader',
  },
  'reminders.leader.title': {
    nb: 'Venter på deg: {application}',
    en: 'Waiting for you: {application}',
  },
  'reminders.leader.waited': {
    nb: '{applicant} ba deg {date} om dette: {step}. Fristen er {when}.',
    en: '{applicant} asked you on {date} for this: {step}. The deadline is {when}.',
  },
  'reminders.leader.deadline-near': {
    nb: '{applicant} venter fortsatt på deg: {step}. {label} er {when}.',
    en: '{applicant} is still waiting for you: {step}. The {label} is {when}.',
  },
  'reminders.report.title': {
    nb: '{label}: {application}',
    en: '{label}: {application}',
  },
  'reminders.report.text': {
    nb: 'Prosjektet ditt har fått midler fra {call}. Fristen for dette er {when}.',
    en: 'Your project was funded by {call}. The deadline for this is {when}.',
  },
  'reminders.button.eligibility': {
    nb: 'Kan jeg søke?',
    en: 'Can I apply?',
  },
  'reminders.button.application': {
    nb: 'Start en søknad',
    en: 'Start an application',
  },
  'reminders.button.status': {
    nb: 'Min status',
    en: 'My status',
  },
  'reminders.button.pending': {
    nb: 'Hva venter på meg?',
    en: 'What is waiting for me?',
  },
  'reminders.button.help': {
    nb: 'Hjelp',
    en: 'Help',
  },
  'reminders.triggers.nudges-off': {
    nb: 'slå av påminnelser|påminnelser av|ingen påminnelser til meg',
    en: 'nudges off|turn off nudges|stop nudging me',
  },
  'reminders.triggers.nudges-on': {
    nb: 'slå på påminnelser|påminnelser på',
    en: 'nudges on|turn on nudges',
  },
  'reminders.dialog.title': {
    nb: 'Påminnelser i denne kanalen',
    en: 'Reminders in this channel',
  },
  'reminders.dialog.none': {
    nb: 'Kanalen følger ingen utlysninger ennå. Velg utlysninger, så poster jeg frister og rapportdatoer her.',
    en: 'This channel follows no calls yet. Choose calls and I will post deadlines and reporting dates here.',
  },
  'reminders.dialog.calls': {
    nb: 'Utlysninger',
    en: 'Calls',
  },
  'reminders.dialog.schedule': {
    nb: 'Tidsplan',
    en: 'Schedule',
  },
  'reminders.dialog.schedule-value': {
    nb: '{days} dager før, kl. {time}',
    en: '{days} days before, at {time}',
  },
  'reminders.dialog.state': {
    nb: 'Status',
    en: 'Status',
  },
  'reminders.dialog.trust': {
    nb: 'Helseforetak',
    en: 'Health trust',
  },
  'reminders.dialog.trust-title': {
    nb: 'Kanalens helseforetak',
    en: 'The channel’s health trust',
  },
  'reminders.dialog.trust-text': {
    nb: 'Velg helseforetaket kanalen hører til. Har foretaket en intern frist, får kanalen påminnelser om den også. Nå:',
    en: 'Choose the health trust this channel belongs to. If the trust has an internal deadline, the channel is reminded of it too. Now:',
  },
  'reminders.button.trust': {
    nb: 'Velg helseforetak',
    en: 'Choose the health trust',
  },
  'reminders.dialog.trust-none': {
    nb: 'Ingen (hele regionen)',
    en: 'None (the whole region)',
  },
  'reminders.dialog.active': {
    nb: 'Aktiv',
    en: 'Active',
  },
  'reminders.dialog.paused': {
    nb: 'På pause',
    en: 'Paused',
  },
  'reminders.dialog.next': {
    nb: 'Neste påminnelser:',
    en: 'Next reminders:',
  },
  'reminders.dialog.next-none': {
    nb: 'Ingen flere påminnelser er planlagt.',
    en: 'No more reminders are planned.',
  },
  'reminders.dialog.next-line': {
    nb: '{when} – {label} ({call})',
    en: '{when} – {label} ({call})',
  },
  'reminders.dialog.choose-title': {
    nb: 'Hvilke utlysninger skal kanalen følge?',
    en: 'Which calls should the channel follow?',
  },
  'reminders.dialog.schedule-title': {
    nb: 'Når skal påminnelsene komme?',
    en: 'When should the reminders come?',
  },
  'reminders.dialog.days-label': {
    nb: 'Dager før hver dato (f.eks. 14, 7, 2, 0)',
    en: 'Days before each date (e.g. 14, 7, 2, 0)',
  },
  'reminders.dialog.time-label': {
    nb: 'Klokkeslett (norsk tid)',
    en: 'Time of day (Norwegian time)',
  },
  'reminders.dialog.days-invalid': {
    nb: 'Skriv hele dager mellom 0 og 365, skilt med komma.',
    en: 'Write whole days between 0 and 365, separated by commas.',
  },
  'reminders.dialog.time-invalid': {
    nb: 'Skriv klokkeslettet som TT:MM, f.eks. 09:00.',
    en: 'Write the time as HH:MM, e.g. 09:00.',
  },
  'reminders.dialog.calls-invalid': {
    nb: 'Velg minst én utlysning.',
    en: 'Choose at least one call.',
  },
  'reminders.dialog.not-allowed': {
    nb: 'Bare påminnelsesadministratorene kan endre påminnelsene i denne kanalen.',
    en: "Only the reminder administrators can change this channel's reminders.",
  },
  'reminders.dialog.unsubscribed': {
    nb: 'Ferdig: kanalen får ingen flere påminnelser.',
    en: 'Done: this channel gets no more reminders.',
  },
  'reminders.dialog.nudges-on': {
    nb: 'Personlige påminnelser er på: jeg minner deg om egne steg før frister.',
    en: 'Personal nudges are on: I remind you of your own steps before deadlines.',
  },
  'reminders.dialog.nudges-off': {
    nb: 'Personlige påminnelser er av. Skriv «slå på påminnelser» for å få dem igjen.',
    en: 'Personal nudges are off. Write "nudges on" to get them again.',
  },
  'reminders.dialog.channel-only': {
    nb: 'Kanalpåminnelser settes opp i en kanal: skriv «påminnelser» der.',
    en: 'Channel reminders are set up in a channel: write "reminders" there.',
  },
  'reminders.button.choose': {
    nb: 'Velg utlysninger',
    en: 'Choose calls',
  },
  'reminders.button.schedule': {
    nb: 'Endre tidsplan',
    en: 'Change schedule',
  },
  'reminders.button.pause': {
    nb: 'Sett på pause',
    en: 'Pause',
  },
  'reminders.button.resume': {
    nb: 'Start igjen',
    en: 'Resume',
  },
  'reminders.button.unsubscribe': {
    nb: 'Avslutt påminnelser',
    en: 'Unsubscribe',
  },
  'reminders.button.unfollow': {
    nb: 'Ikke meld nye utlysninger',
    en: 'Do not announce new calls',
  },
  'reminders.button.follow': {
    nb: 'Meld nye utlysninger',
    en: 'Announce new calls',
  },
  'reminders.button.save': {
    nb: 'Lagre',
    en: 'Save',
  },
  'reminders.button.nudges-off': {
    nb: 'Slå av mine påminnelser',
    en: 'Turn my nudges off',
  },
  'reminders.button.nudges-on': {
    nb: 'Slå på mine påminnelser',
    en: 'Turn my nudges on',
  },
} as const satisfies CatalogPart;
