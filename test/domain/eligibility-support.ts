import { join } from 'node:path';
import { loadCallFile } from '../../src/calls/load.ts';
import type { Call } from '../../src/domain/call.ts';
import type { Answers } from '../../src/domain/eligibility.ts';

const calls = join(import.meta.dirname, '../../calls');

/** The real call files, loaded and checked the way the bot loads them. */
export const innovation: Call = loadCallFile(join(calls, 'innovasjon-2023.yaml'));
export const patientSafety: Call = loadCallFile(join(calls, 'pasientsikkerhet-2023-2024.yaml'));
export const realCalls: Record<string, Call> = {
  [innovation.id]: innovation,
  [patientSafety.id]: patientSafety,
};

/** Answers that pass every question of the innovation call (extra answers are ignored). */
export const innovationOk: Answers = {
  trust: 'st-olavs-hospital',
  'position-share': 50,
  'transfer-origin': 'yes',
  'prior-awards': 0,
  'prior-transfer-awards': 0,
  'own-financing': 'yes',
  'clinic-chief-anchoring': 'yes',
  'large-equipment': 'no',
  'project-end-date': '2023-12-31',
};

/** Answers that pass every question of the patient safety call. */
export const patientSafetyOk: Answers = {
  trust: 'hemit',
  'leader-and-owner-employed': 'yes',
  aims: ['reduce-injuries', 'safety-culture'],
  'nearest-leader-approval': 'yes',
  'clinic-leader-approval': 'yes',
  'project-end-date': '2024-10-01',
  'operations-costs': 'no',
  'medical-equipment': 'part-of-improvement',
};

/** The innovation call with internal deadlines set for two trusts (the real file gives none). */
export const innovationWithInternalDeadlines: Call = {
  ...innovation,
  trusts: innovation.trusts.map((t) =>
    t.id === 'st-olavs-hospital'
      ? { ...t, internalDeadline: '2022-10-06T12:00' }
      : t.id === 'hemit'
        ? { ...t, internalDeadline: '2022-10-13' }
        : t,
  ),
};
