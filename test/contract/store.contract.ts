import { describe } from 'vitest';
import { applicationContract } from './applications.contract.ts';
import type { StoreFactory } from './harness.ts';
import { privacyContract } from './privacy.contract.ts';
import { reminderContract } from './reminders.contract.ts';
import { stateContract } from './state.contract.ts';
import { turnContract } from './turns.contract.ts';

export type { StoreFactory, StoreHarness } from './harness.ts';

/**
 * The one behaviour every Store implementation must have (STYLE 9). Each implementation's test file
 * calls this with a factory that returns a fresh, empty store.
 */
export function storeContract(name: string, make: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    stateContract(make);
    applicationContract(make);
    reminderContract(make);
    privacyContract(make);
    turnContract(make);
  });
}
