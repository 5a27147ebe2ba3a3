import type { CatalogPart } from '../message.ts';

export const language = {
  'language.changed': {
    nb: 'Greit, jeg snakker norsk (bokmål) med deg fra nå. Skriv «english» for å bytte.',
    en: 'OK, I will speak English with you from now on. Type "norsk" to switch back.',
  },
} as const satisfies CatalogPart;
