import { describe, expect, it } from 'vitest';
import type { Application } from '../../src/domain/application.ts';
import { renderReminder } from '../../src/scheduler/render-reminder.ts';
import { applicant, INNO, PS, planFor, psDraft, subscription } from '../reminders/support.ts';
import { textOf } from '../scheduler/support.ts';
import { render } from '../support/transcript.ts';

/**
 * Issue 15, item 5: the innovation text says the projects are carried out in 2023 and an award is
 * for one year; a channel reminder must not say they must be finished by 31 December 2023.
 */

const steps = (state: 'done' | 'not-started', ...ids: string[]) => ids.map((id) => ({ id, state }));

describe('the innovation project year in channel reminders', () => {
  for (const locale of ['nb', 'en'] as const) {
    it(`${locale}: the project-year reminder says what the text says, not a finish-by date`, () => {
      const planned = planFor(INNO, '2023-12-01T00:00:00Z', {
        subscriptions: [subscription('teams:19:x', [INNO], { locale })],
      }).filter((r) => r.payload.milestone === 'project-end');
      expect(planned.length).toBeGreaterThan(0);
      const text = textOf(renderReminder(planned[0]!.payload, new Date('2023-12-17T08:00:00Z')));
      if (locale === 'nb') {
        expect(text).toContain(
          'Prosjektene skal gjennomføres i 2023, og det tildelte beløpet er for ett år.',
        );
        expect(text).not.toContain('avsluttet innen');
      } else {
        expect(text).toContain(
          'The projects are carried out in 2023, and the amount awarded is for one year.',
        );
        expect(text).not.toContain('finished by');
      }
    });
  }
});

/**
 * Issue 15, "never shown": the personal reminders say what the call text says of what they remind
 * of — how reporting is done (patient safety), and that the trust may set an earlier internal
 * deadline for the sign-off while it is open (innovation) — with the quote.
 */
const innovationDraft: Application = {
  ...psDraft('inno1'),
  callId: INNO,
  category: 'product',
  applicant,
  steps: [
    ...steps('done', 'eligibility', 'category', 'draft'),
    ...steps('not-started', 'anchoring', 'submission', 'award'),
  ],
};

describe('what the call says, in the personal reminders', () => {
  for (const locale of ['nb', 'en'] as const) {
    it(`${locale}: a report reminder says reporting is electronic in the portal after the RHF's instructions`, () => {
      const [report] = planFor(PS, '2023-01-10T00:00:00Z', {
        applications: [psDraft('app1', { status: 'awarded' })],
      }).filter((r) => r.kind === 'report-reminder');
      expect(report).toBeDefined();
      const text = render(renderReminder(report!.payload, new Date('2023-08-18T07:00:00Z'), locale));
      expect(text).toContain(
        locale === 'nb'
          ? 'elektronisk i søknadsportalen. HMN RHF sender varsel og instruks.'
          : 'electronically in the application portal. HMN RHF sends a notice and instructions.',
      );
      expect(text).toContain(
        '> Rapportering av status skal skje innen 1. september 2023 og etter avslutning',
      );
    });

    it(`${locale}: a nudge while the sign-off is open warns of the trust's internal deadline`, () => {
      const nudges = planFor(INNO, '2022-10-01T00:00:00Z', { applications: [innovationDraft] }).filter(
        (r) => r.kind === 'applicant-nudge',
      );
      expect(nudges.length).toBeGreaterThan(0);
      const text = render(renderReminder(nudges[0]!.payload, new Date('2022-10-06T07:00:00Z'), locale));
      expect(text).toContain(
        locale === 'nb'
          ? 'Det enkelte helseforetak kan ha sin egen interne frist for forankring'
          : 'Each trust may have its own internal deadline',
      );
      expect(text).toContain(
        '> det enkelte helseforetak kan ha sin egen interne søknadsfrist for forankring',
      );
      const signedOff = {
        ...innovationDraft,
        steps: innovationDraft.steps.map((s) =>
          s.id === 'anchoring' ? { ...s, state: 'done' as const } : s,
        ),
      };
      const later = planFor(INNO, '2022-10-01T00:00:00Z', { applications: [signedOff] }).filter(
        (r) => r.kind === 'applicant-nudge',
      );
      for (const n of later)
        expect(render(renderReminder(n.payload, new Date('2022-10-06T07:00:00Z'), locale))).not.toContain(
          'interne søknadsfrist',
        );
    });
  }
});
