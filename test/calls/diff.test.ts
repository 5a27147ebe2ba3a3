import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/main.ts';
import { diffCalls } from '../../src/domain/call-diff.ts';
import { CallFile } from '../../src/domain/call-schema.ts';
import { callsDir, mutatedCall, removeTempDirs, tempCallsDir, writeCall } from './support.ts';

afterAll(removeTempDirs);

const NEW_TEXT = join(import.meta.dirname, 'fixtures', 'innovasjonsmidler-2024.txt');

describe('midlerbot calls diff', () => {
  it('says what changed in a draft in an adviser’s terms', async () => {
    const dir = tempCallsDir();
    writeCall(
      dir,
      'innovasjon-2023',
      mutatedCall('innovasjon-2023', () => {}),
    );
    await runCli(['calls', 'draft', '--from', 'innovasjon-2023', '--text', NEW_TEXT, '--calls', dir]);
    const out = await runCli(['calls', 'diff', 'innovasjon-2023', 'innovasjon-2024', '--calls', dir]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(
      'Application deadline: moved from 20 October 2022 at 15:00 to 19 October 2023 at 12:00',
    );
    expect(out.stdout).toContain('Product innovation: cap raised from 750 000 kr to 800 000 kr');
    expect(out.stdout).toContain('Service innovation: award limit changed from 3 to 2');
    expect(out.stdout).toContain(
      'Rule changed: the call now says "Et prosjekt kan få kun to tildelinger av HMN Innovasjonsmidler"',
    );
    const nb = await runCli([
      'calls',
      'diff',
      'innovasjon-2023',
      'innovasjon-2024',
      '--calls',
      dir,
      '--locale',
      'nb',
    ]);
    expect(nb.stdout).toContain(
      'Søknadsfrist: flyttet fra 20. oktober 2022 kl. 15.00 til 19. oktober 2023 kl. 12.00',
    );
  });

  it('names a new priority area and a removed rule', () => {
    const old = CallFile.parse(parse(mutatedCall('innovasjon-2023', () => {})));
    const now = CallFile.parse(
      parse(
        mutatedCall('innovasjon-2023', (d) => {
          d.setIn(
            ['priorityAreas', 5],
            d.createNode({
              id: 'ai',
              label: { nb: 'Kunstig intelligens', en: 'Artificial intelligence' },
              level: 'prioritised',
              categories: ['service'],
              cite: { quote: 'Psykisk helse og rus' },
            }),
          );
          d.deleteIn(['notes', 4]);
          d.deleteIn(['rules', 15]);
        }),
      ),
    );
    expect(diffCalls(old, now).map((c) => c.text.en)).toEqual([
      'New priority area: Artificial intelligence',
      expect.stringMatching(/^Rule removed: Applicants are encouraged to contact Helseplattformen/),
    ]);
  });

  it('refuses a call it cannot find, changing nothing', async () => {
    const out = await runCli(['calls', 'diff', 'innovasjon-2023', 'innovasjon-2099', '--calls', callsDir]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('No such call or file: innovasjon-2099');
    expect((await runCli(['calls', 'diff', 'innovasjon-2023'])).exitCode).toBe(2);
  });
});
