import type { CatalogPart } from '../message.ts';

/** Reminders posted into channels and personal nudges (src/scheduler), and the reminders dialog. */
export const reminders = {
  'reminders.channel.title': { nb: '{label} – {call}', en: '{label} – {call}' },
  'reminders.when': { nb: 'Når', en: 'When' },
  'reminders.call': { nb: 'Utlysning', en: 'Call' },
  'reminders.trust': { nb: 'Helseforetak', en: 'Health trust' },
  'reminders.application': { nb: 'Søknad', en: 'Application' },
  'reminders.todo.deadline': {
    nb: 'Sjekk om dere kan søke, og start søknaden i god tid. Husk at lederne skal godkjenne før fristen.',
    en: 'Check whether you can apply and start the application in good time. Remember that the leaders must endorse before the deadline.',
  },
  'reminders.todo.internal-deadline': {
    nb: 'Helseforetakets interne frist kommer før den regionale: få søknaden forankret og prioritert innen da.',
    en: "The trust's internal deadline comes before the regional one: get the application anchored and prioritised by then.",
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
  'reminders.applicant.title': { nb: 'Påminnelse: {application}', en: 'Reminder: {application}' },
  'reminders.applicant.text': {
    nb: 'Dette mangler fortsatt før {label} {when}:',
    en: 'This is still missing before the {label} {when}:',
  },
  'reminders.step.waiting': { nb: 'venter på {name}', en: 'waiting for {name}' },
  'reminders.step.waiting-since': {
    nb: 'venter på {name} siden {date}',
    en: 'waiting for {name} since {date}',
  },
  'reminders.leader.title': { nb: 'Venter på deg: {application}', en: 'Waiting for you: {application}' },
  'reminders.leader.waited': {
    nb: '{applicant} ba deg {date} om dette: {step}. Fristen er {when}.',
    en: '{applicant} asked you on {date} for this: {step}. The deadline is {when}.',
  },
  'reminders.leader.deadline-near': {
    nb: '{applicant} venter fortsatt på deg: {step}. {label} er {when}.',
    en: '{applicant} is still waiting for you: {step}. The {label} is {when}.',
  },
  'reminders.report.title': { nb: '{label}: {application}', en: '{label}: {application}' },
  'reminders.report.text': {
    nb: 'Prosjektet ditt har fått midler fra {call}. Fristen for dette er {when}.',
    en: 'Your project was funded by {call}. The deadline for this is {when}.',
  },
  'reminders.button.eligibility': { nb: 'Kan jeg søke?', en: 'Can I apply?' },
  'reminders.button.application': { nb: 'Start en søknad', en: 'Start an application' },
  'reminders.button.status': { nb: 'Min status', en: 'My status' },
  'reminders.button.help': { nb: 'Hjelp', en: 'Help' },
} as const satisfies CatalogPart;
