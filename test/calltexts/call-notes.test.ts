import { it } from 'vitest';
import { callOf, INNOVATION, PATIENT_SAFETY } from '../kit/applications.ts';
import { endorsedApplication, inBothLocales } from './both-locales.ts';

/**
 * Issue 15, "never shown": what the call texts say beside the steps is on the application card with
 * its quote (a rejected incomplete application and a checklist before submitting, the trust's
 * internal anchoring deadline, the institution, eSøknad; the portal and its form, collaboration,
 * geographic spread, who decides, reporting), and the guidance and contact are on the card and in help.
 */

const WORDS = {
  nb: {
    status: 'status',
    help: 'hjelp',
    checklist: 'Sjekk før du leverer',
    template: '☐ Skriv søknaden etter malen for kategorien',
    anchoring: '☐ Forankring hos klinikksjef',
    position: '☐ Prosjektleder må være ansatt i minst 20 % stilling',
    institution: 'en tildeling betales ut til institusjonen, øremerket prosjektet',
    esoknad: 'Bli kjent med søknadssystemet i god tid',
    form: 'søknadsportalen (Opprett søknadsskjema)',
    decides:
      'Fagdirektør i Helse Midt-Norge RHF bestemmer endelig tildeling; det regionale fagdirektørmøtet blir orientert',
    reporting: 'elektronisk i søknadsportalen. HMN RHF sender varsel og instruks',
    guidance: 'Søknadsveiledning finnes på utlysningens nettside.',
    contact: 'Ved spørsmål, ta kontakt med kontaktpersonene',
  },
  en: {
    status: 'status',
    help: 'help',
    checklist: 'Check before you submit',
    template: "☐ Write the application using the category's template",
    anchoring: '☐ ',
    position: '☐ The project leader must be employed at least 20 %',
    institution: 'an award is paid to the institution, earmarked for the project',
    esoknad: 'Get to know the system well before the deadline',
    form: '("Opprett søknadsskjema")',
    decides:
      'The medical director of Helse Midt-Norge RHF decides the final award; the regional meeting of medical directors is informed',
    reporting: 'electronically in the application portal. HMN RHF sends a notice and instructions',
    guidance: "Guidance for applicants is on the call's web page.",
    contact: "For questions, contact the people named in the call on Helse Midt-Norge's web pages.",
  },
} as const;

inBothLocales(
  'what the call says, on the card and in help (%s)',
  WORDS,
  '2022-10-10T08:00:00Z',
  ({ kit, w, locale }) => {
    it.each([
      {
        name: 'innovation: rejection of incomplete applications with a checklist, internal deadline, institution, eSøknad, guidance',
        call: INNOVATION,
        title: 'Smart seng',
        shown: [
          w.checklist,
          w.template,
          w.anchoring,
          w.position,
          '> en ufullstendig søknad, eller en søknad som ikke overholder formatkrav, vil bli avvist',
          '> det enkelte helseforetak kan ha sin egen interne søknadsfrist for forankring',
          w.institution,
          '> Søknaden skal fremmes gjennom søkerinstitusjonen',
          w.esoknad,
          w.guidance,
        ],
        hidden: [],
      },
      {
        name: 'patient safety: the portal and its form, collaboration, spread, who decides, reporting, contact',
        call: PATIENT_SAFETY,
        title: 'Trygg utskrivning',
        shown: [
          w.form,
          '> Samarbeid lokalt og regionalt vektlegges i vurderingen av alle prosjektsøknader',
          '> Det vil tilstrebes god geografisk spredning forutsatt at kvaliteten på prosjektene er god',
          w.decides,
          w.reporting,
          w.contact,
          '> Kvalitetssjef eller tilsvarende, eventuelt fagdirektør i det enkelte helseforetaket, skal prioritere søknadene',
          '> Tildeling kunngjøres innen 16. desember 2022',
        ],
        hidden: [w.checklist],
      },
    ])('$name', async ({ call, title, shown, hidden }) => {
      const kari = kit.user('Kari Nordmann', { locale });
      await kari.applies({ call: callOf(call), title });
      await kari
        .says(w.status)
        .sees(...shown)
        .notSees(...hidden);
    });

    it('after submission the card keeps who decides and reporting, not what to do before submitting', async () => {
      const kari = kit.user('Kari Nordmann', { locale });
      await endorsedApplication(kit, kari, 'submitted');
      await kari
        .says(w.status)
        .sees(w.decides, w.reporting)
        .notSees('> Samarbeid lokalt og regionalt vektlegges', w.form);
    });

    it('the category and priority-area cards say what the text says of categories and areas', async () => {
      const kari = kit.user('Kari Nordmann', { locale });
      await kari
        .says(locale === 'nb' ? 'kan jeg søke' : 'can I apply')
        .presses(/Innovasjonsmidler 2023|Innovation funding 2023/)
        .sees(
          '> Kategoriene har ulike maler for prosjektbeskrivelse og vil vurderes ut i fra ulike kriterier',
        );
      const ola = kit.user('Ola Nordmann', { locale });
      await ola
        .says(locale === 'nb' ? 'satsingsområder' : 'priority areas')
        .presses(/Pasientsikkerhetsmidler|Patient safety/)
        .presses(/Pasientsikkerhetsprosjekt|Patient safety project/)
        .sees('> I årets utlysning vil Helse Midt-Norge RHF prioritere prosjekter innen følgende to områder');
    });

    it('help names each call with its guidance and contact', async () => {
      const kari = kit.user('Kari Nordmann', { locale });
      await kari.says(w.help).sees(w.guidance, w.contact);
    });
  },
);
