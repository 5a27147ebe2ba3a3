import type { Person } from '../../src/domain/application.ts';

/** The people the tracker tests act as: the applicant, her leaders and chiefs, and outsiders. */
export const applicant: Person & { trust: string } = {
  platform: 'teams',
  userId: 'aad-kari',
  name: 'Kari Nordmann',
  trust: 'st-olavs-hospital',
};
export const nearestLeader: Person = { platform: 'teams', userId: 'aad-nils', name: 'Nils Leder' };
export const clinicLeader: Person = { platform: 'teams', userId: 'aad-klara', name: 'Klara Klinikk' };
export const clinicChief: Person = { platform: 'slack', userId: 'U0CHIEF', name: 'Sjur Sjef' };
export const qualityChief: Person = { platform: 'teams', userId: 'aad-kvalitet', name: 'Kvalitetssjef' };
export const stranger: Person = { platform: 'teams', userId: 'aad-other', name: 'Ola Annen' };
export const region: Person = { platform: 'console', userId: 'rhf-admin', name: 'HMN RHF' };
