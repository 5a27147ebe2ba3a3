import type { CatalogPart } from '../message.ts';
import { amount } from './amount.ts';
import { application } from './application.ts';
import { clock } from './clock.ts';
import { common } from './common.ts';
import { eligibility } from './eligibility.ts';
import { endorsement } from './endorsement.ts';
import { engine } from './engine.ts';
import { help } from './help.ts';
import { language } from './language.ts';
import { prioritisation } from './prioritisation.ts';
import { priority } from './priority.ts';
import { privacy } from './privacy.ts';
import { progress } from './progress.ts';
import { question } from './question.ts';
import { reminders } from './reminders.ts';
import { routing } from './routing.ts';
import { status } from './status.ts';

/**
 * Every catalog part, one per feature. A new feature adds its file and one line here; keys must be
 * unique across parts (test/bot/i18n.test.ts checks it, because a spread would silently override).
 */
export const parts = {
  common,
  engine,
  routing,
  help,
  language,
  eligibility,
  amount,
  priority,
  application,
  status,
  privacy,
  reminders,
  endorsement,
  prioritisation,
  progress,
  question,
  clock,
} as const satisfies Record<string, CatalogPart>;

export const messages = {
  ...common,
  ...engine,
  ...routing,
  ...help,
  ...language,
  ...eligibility,
  ...amount,
  ...priority,
  ...application,
  ...status,
  ...privacy,
  ...reminders,
  ...endorsement,
  ...prioritisation,
  ...progress,
  ...question,
  ...clock,
} as const;
