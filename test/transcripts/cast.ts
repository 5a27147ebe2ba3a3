import type { Call } from '../../src/domain/call.ts';
import { callOf, PATIENT_SAFETY } from '../kit/applications.ts';

/** The people of the lifecycle and editing transcripts (AAD object ids), and the call they apply to. */
export const KARI = '11111111-1111-4111-8111-111111111111';
export const NILS = '22222222-2222-4222-8222-222222222222';
export const KLARA = '33333333-3333-4333-8333-333333333333';
export const OLA = '44444444-4444-4444-8444-444444444444';
export const CHIEF = '55555555-5555-4555-8555-555555555555';
export const patientSafety = (): Call => callOf(PATIENT_SAFETY);
