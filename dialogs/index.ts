import type { Dialog } from '../src/bot/dialog.ts';
import { amountDialog } from './amount.ts';
import { applicationDialog } from './application.ts';
import { eligibilityDialog } from './eligibility.ts';
import { endorsementDialog } from './endorsement.ts';
import { helpDialog } from './help.ts';
import { languageDialog } from './language.ts';
import { leaderDialog } from './leader.ts';
import { prioritisationDialog } from './prioritisation.ts';
import { priorityDialog } from './priority.ts';
import { privacyDialog } from './privacy.ts';
import { progressDialog } from './progress.ts';
import { questionDialog } from './question.ts';
import { remindersDialog } from './reminders.ts';
import { statusDialog } from './status.ts';

/**
 * The dialog registry: a new dialog is one file in dialogs/ plus one line here (and its catalog
 * file in src/i18n/catalog/). Names must be unique; the engine routes `<name>.<action>` to it.
 */
export const dialogs: readonly Dialog[] = [
  helpDialog,
  languageDialog,
  eligibilityDialog,
  amountDialog,
  priorityDialog,
  applicationDialog,
  statusDialog,
  privacyDialog,
  remindersDialog,
  endorsementDialog,
  leaderDialog,
  prioritisationDialog,
  progressDialog,
  questionDialog,
];
