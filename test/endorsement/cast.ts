import type { Kit, Persona } from '../kit/index.ts';

/**
 * The people of the endorsement scenarios: Kari applies, Nils is her nearest leader, Klara the
 * clinic leader, and Ola someone the application is not about.
 */
export function endorsementCast(kit: Kit): Record<'kari' | 'nils' | 'klara' | 'ola', Persona> {
  return {
    kari: kit.user('Kari Nordmann'),
    nils: kit.user('Nils Leder'),
    klara: kit.user('Klara Klinikk'),
    ola: kit.user('Ola Annen'),
  };
}
