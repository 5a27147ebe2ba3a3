import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsCoverage, coverageOf, literalsIn } from '../../src/calls/coverage.ts';
import { runCli } from '../../src/cli/main.ts';
import { callOf } from '../kit/applications.ts';
import { root } from './support.ts';

/**
 * Issue 15: `midlerbot calls check` says, per call, which rules and notes no dialog can show — shown
 * means a dialog or card builder refers to it (a literal in dialogs/ or src/bot, or a call part the
 * dialogs render with its quote) or the question search indexes it.
 */

const call = callOf;
const dialogs = () => literalsIn([join(root, 'dialogs'), join(root, 'src/bot')]);

describe('the coverage of what the calls say', () => {
  it('reports a note that neither a dialog nor the search refers to, and not one they do', () => {
    const inno = call('innovasjon-2023');
    const bare = coverageOf(inno, new Set(), new Set());
    expect(bare.notShown).toContain('note:complete-application');
    expect(bare.notShown).toContain('rule:complete-application');
    // A rule an eligibility question asks about is rendered with its quote by the check.
    expect(bare.notShown).not.toContain('rule:employed-20-percent');
    const scanned = coverageOf(inno, dialogs(), new Set());
    for (const id of [
      'note:complete-application',
      'rule:complete-application',
      'note:institution',
      'note:helseplattformen',
    ])
      expect(scanned.byDialogs).toContain(id);
    const searched = coverageOf(inno, new Set(), new Set(['note:complete-application']));
    expect(searched.bySearchOnly).toEqual(['note:complete-application']);
  });

  it('patient safety: the notes on the application card are shown by a dialog', () => {
    const [cov] = callsCoverage([call('pasientsikkerhet-2023-2024')]);
    for (const id of [
      'note:collaboration',
      'note:geographic-spread',
      'note:reporting',
      'note:award',
      'note:submission',
    ])
      expect(cov?.byDialogs).toContain(id);
    expect(cov?.notShown).toEqual([]);
  });

  it('calls check prints a coverage line per call, none left; --json lists what is not shown', async () => {
    const out = await runCli(['calls', 'check']);
    expect(out.exitCode).toBe(0);
    const lines = out.stdout.split('\n').filter((l) => l.trim().startsWith('coverage:'));
    expect(lines).toHaveLength(2);
    for (const l of lines)
      expect(l).toMatch(/(\d+)\/\1 rules and notes shown · \d+ by dialogs · .* · none left$/);
    const json = JSON.parse((await runCli(['calls', 'check', '--json'])).stdout);
    for (const c of json.calls) expect(c.coverage.notShown).toEqual([]);
  });
});
