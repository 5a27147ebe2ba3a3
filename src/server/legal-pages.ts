import type { Route } from './http-types.ts';

/**
 * GET /privacy and GET /terms: the pages the Teams manifest links to (developer.privacyUrl and
 * termsOfUseUrl). Short and true for this deployment: the store and the dialog lifetime come from
 * the running configuration; the rest follows README "What is stored, where, and for how long".
 * Norwegian first, English below.
 */

export interface LegalPageSettings {
  store: 'redis' | 'memory';
  redisPrefix?: string;
  /** Lifetime of conversation (dialog) state after the last turn. */
  dialogTtlSeconds: number;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function duration(seconds: number, lang: 'nb' | 'en'): string {
  const hours = seconds / 3600;
  if (Number.isInteger(hours / 24) && hours >= 48)
    return lang === 'nb' ? `${hours / 24} døgn` : `${hours / 24} days`;
  if (Number.isInteger(hours)) return lang === 'nb' ? `${hours} timer` : `${hours} hours`;
  const minutes = Math.round(seconds / 60);
  return lang === 'nb' ? `${minutes} minutter` : `${minutes} minutes`;
}

function where(s: LegalPageSettings, lang: 'nb' | 'en'): string {
  const prefix = escapeHtml(s.redisPrefix ?? 'midlerbot:');
  if (s.store === 'memory') {
    return lang === 'nb'
      ? 'Denne installasjonen lagrer alt i minnet til tjenesten: ingenting skrives til disk, og alt forsvinner når tjenesten startes på nytt.'
      : 'This installation keeps everything in the service’s memory: nothing is written to disk, and everything is gone when the service restarts.';
  }
  return lang === 'nb'
    ? `I Redis-databasen tjenesten kjører med, under nøkkelprefikset <code>${prefix}</code>.`
    : `In the Redis database the service runs with, under the key prefix <code>${prefix}</code>.`;
}

function page(title: string, nb: string, en: string): string {
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}table{border-collapse:collapse}</style>
</head>
<body>
<main>
<section lang="nb">
${nb}
</section>
<hr>
<section lang="en">
${en}
</section>
</main>
</body>
</html>
`;
}

function privacySection(s: LegalPageSettings, lang: 'nb' | 'en'): string {
  const ttl = duration(s.dialogTtlSeconds, lang);
  if (lang === 'nb') {
    return `<h1>Midlerbot – personvern</h1>
<p>Midlerbot hjelper ansatte i helseforetakene i Midt-Norge med Helse Midt-Norges interne utlysninger, i Microsoft Teams og Slack.</p>
<h2>Hva som lagres</h2>
<p>Bare det boten trenger: plattform-id-en din (Teams eller Slack) og visningsnavnet ditt, helseforetaket ditt, språkvalget ditt, og det du skriver inn i søknader (tittel, svar, beløp, kommentarer). Boten spør aldri om helseopplysninger om pasienter – ikke skriv inn slike.</p>
<h2>Hvor</h2>
<p>${where(s, 'nb')} Meldingene går også gjennom Microsoft Teams eller Slack, som behandler dem etter sine egne vilkår.</p>
<h2>Hvor lenge</h2>
<table>
<tr><th>Hva</th><th>Hvor lenge</th></tr>
<tr><td>Hvor du er i en samtale (dialogtilstand)</td><td>${ttl} etter siste melding</td></tr>
<tr><td>Søknader og endringsloggen deres</td><td>Til søkeren sletter dataene sine</td></tr>
<tr><td>Profil (språk, helseforetak, påminnelser av/på) og adresser for påminnelser</td><td>Til de slettes, eller boten fjernes fra samtalen</td></tr>
<tr><td>Kanalabonnementer og påminnelseskøen</td><td>Til abonnementet avsluttes / påminnelsen er sendt; id-er for sendte påminnelser i 120 dager</td></tr>
<tr><td>Markører mot dobbeltbehandling og tellere for trafikkbegrensning</td><td>Minutter til dager</td></tr>
</table>
<h2>Slett mine data</h2>
<p>Skriv «slett mine data» til boten. Etter at du har bekreftet, slettes søknadene dine, samtaletilstanden, adressene for påminnelser og profilen din, og i andre søknaders endringslogg erstattes du med en anonym markør. Boten forteller hva som ble slettet.</p>`;
  }
  return `<h1>Midlerbot – privacy</h1>
<p>Midlerbot helps employees of the health trusts in Central Norway with Helse Midt-Norge’s internal funding calls, in Microsoft Teams and Slack.</p>
<h2>What is stored</h2>
<p>Only what the bot needs: your platform id (Teams or Slack) and display name, your trust, your language choice, and what you type into applications (title, answers, amounts, comments). The bot never asks for health information about patients – do not enter any.</p>
<h2>Where</h2>
<p>${where(s, 'en')} Messages also pass through Microsoft Teams or Slack, which handle them under their own terms.</p>
<h2>For how long</h2>
<table>
<tr><th>What</th><th>How long</th></tr>
<tr><td>Where you are in a conversation (dialog state)</td><td>${ttl} after the last message</td></tr>
<tr><td>Applications and their audit trail</td><td>Until the applicant deletes their data</td></tr>
<tr><td>Profile (language, trust, nudges on/off) and addresses for reminders</td><td>Until deleted, or the bot is removed from the conversation</td></tr>
<tr><td>Channel subscriptions and the reminder queue</td><td>Until unsubscribed / delivered; ids of delivered reminders for 120 days</td></tr>
<tr><td>De-duplication markers and rate-limit counters</td><td>Minutes to days</td></tr>
</table>
<h2>Delete my data</h2>
<p>Write “delete my data” to the bot. Once you confirm, your applications, conversation state, reminder addresses and profile are deleted, and in other applications’ audit trails you are replaced by an anonymous marker. The bot tells you what was deleted.</p>`;
}

const TERMS_NB = `<h1>Midlerbot – vilkår for bruk</h1>
<ul>
<li>Midlerbot er et internt hjelpemiddel for ansatte i helseforetakene i Midt-Norge som vil søke Helse Midt-Norges interne utlysninger.</li>
<li>Svarene (om du kan søke, hvor mye du kan søke om, frister og neste steg) er veiledning ut fra utlysningsteksten, som boten siterer. Det er utlysningen og de som behandler søknadene, som avgjør.</li>
<li>Ikke skriv inn helseopplysninger om pasienter eller andre sensitive personopplysninger.</li>
<li>En anbefaling i chat kan bare gis av lederen som er navngitt i søknaden, og teller én gang.</li>
<li>Fristene i utlysningen gjelder også om boten eller en påminnelse ikke er tilgjengelig.</li>
<li>Hva som lagres, hvor og hvor lenge: se <a href="/privacy">personvern</a>.</li>
</ul>`;

const TERMS_EN = `<h1>Midlerbot – terms of use</h1>
<ul>
<li>Midlerbot is an internal aid for employees of the health trusts in Central Norway who want to apply for Helse Midt-Norge’s internal funding calls.</li>
<li>Its answers (whether you can apply, how much you can ask for, deadlines and next steps) are guidance based on the call text, which the bot quotes. The call and the people who assess the applications decide.</li>
<li>Do not enter health information about patients or other sensitive personal data.</li>
<li>An endorsement in chat can only be given by the leader named in the application, and counts once.</li>
<li>The call’s deadlines apply even when the bot or a reminder is unavailable.</li>
<li>What is stored, where and for how long: see <a href="/privacy">privacy</a>.</li>
</ul>`;

const html = (body: string) => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  body,
});

export function legalRoutes(settings: LegalPageSettings): Route[] {
  const privacy = page(
    'Midlerbot – personvern / privacy',
    privacySection(settings, 'nb'),
    privacySection(settings, 'en'),
  );
  const terms = page('Midlerbot – vilkår for bruk / terms of use', TERMS_NB, TERMS_EN);
  return [
    { method: 'GET', path: '/privacy', handler: async () => html(privacy) },
    { method: 'GET', path: '/terms', handler: async () => html(terms) },
  ];
}
