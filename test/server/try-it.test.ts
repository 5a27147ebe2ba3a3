import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCard } from '../../adapters/teams/adaptive-card.ts';
import { directoryChoices, loadDirectory, withDirectoryNames } from '../../adapters/teams/directory.ts';
import {
  type PlaygroundConfig,
  personaConfig,
  personaIds,
  uiPortOf,
} from '../../scripts/playground-personas.ts';
import { tryItStart } from '../../src/domain/try-it-date.ts';
import { realCatalog } from '../kit/index.ts';

const config = parse(readFileSync('.m365agentsplayground.yml', 'utf8')) as PlaygroundConfig;

describe('trying the bot out (issue 16)', () => {
  it('starts the clock at 10:00 Oslo on the first day both seed calls are open, a week or more before a deadline', () => {
    // Patient safety is published 4 Oct 2022; innovation closes 20 Oct 2022 15:00.
    expect(tryItStart(realCatalog().calls)?.toISOString()).toBe('2022-10-04T08:00:00.000Z');
    const [innovation] = realCatalog().calls;
    expect(tryItStart(innovation ? [innovation] : [])?.toISOString()).toBe('2022-08-29T08:00:00.000Z');
    expect(tryItStart([])).toBeUndefined();
  });

  it('has the walk-through people in the playground file, each one the current user of their own session', () => {
    expect(personaIds(config)).toEqual([
      'applicant',
      'leader',
      'clinic-chief',
      'quality-chief',
      'colleague',
      'adviser',
    ]);
    const leader = personaConfig(config, 'leader');
    expect(leader.currentUser.name).toBe('Nils Leder');
    expect(leader.users.map((u) => u.id)).toEqual([
      'applicant',
      'clinic-chief',
      'quality-chief',
      'colleague',
      'adviser',
    ]);
    // The playground's schema wants exactly five users and unique chat ids.
    expect(leader.users).toHaveLength(5);
    expect(leader.personalChat.id).not.toBe(config.personalChat.id);
    expect(uiPortOf(config, 'applicant')).toBe(56150);
    expect(uiPortOf(config, 'leader')).toBe(56151);
    expect(() => personaConfig(config, 'boss')).toThrow(/no person "boss"/);
  });

  it('lists the directory in a person input where the people picker is missing, and names who was picked', () => {
    const directory = loadDirectory('.m365agentsplayground.yml');
    const kari = directory.find((p) => p.name === 'Kari Nordmann')?.aadObjectId ?? '';
    const nils = directory.find((p) => p.name === 'Nils Leder')?.aadObjectId ?? '';
    const choices = directoryChoices(directory, kari);
    expect(choices.map((c) => c.value)).not.toContain(kari);
    expect(choices).toContainEqual({ title: 'Nils Leder (nils.leder@stolav.example)', value: nils });
    const [card] = renderCard(
      {
        kind: 'card',
        title: 'Godkjenning',
        blocks: [],
        inputs: [{ kind: 'person', id: 'leader-x', label: 'Leder' }],
      },
      28_000,
      { people: choices },
    );
    expect(JSON.stringify(card)).toContain('"type":"Input.ChoiceSet"');
    expect(JSON.stringify(card)).not.toContain('Data.Query');
    // Without a directory, the organisation-wide picker as before.
    const [plain] = renderCard({
      kind: 'card',
      title: 'x',
      blocks: [],
      inputs: [{ kind: 'person', id: 'p', label: 'L' }],
    });
    expect(JSON.stringify(plain)).toContain('Data.Query');

    const inbound = {
      platform: 'teams' as const,
      at: new Date('2022-10-04T08:00:00Z'),
      conversation: { id: 'c', kind: 'personal' as const },
      user: { id: kari, name: 'Kari Nordmann' },
      action: { id: 'endorsement.send', data: {}, inputs: { 'leader-x': nils, note: 'Nils Leder' } },
    };
    expect(withDirectoryNames(inbound, directory).action?.people).toEqual({ [nils]: { name: 'Nils Leder' } });
    expect(withDirectoryNames(inbound, undefined)).toBe(inbound);
  });

  it('refuses a directory file that lists nobody, naming the setting', () => {
    expect(() => loadDirectory('package.json')).toThrow(/TEAMS_PEOPLE_FILE: package.json lists no people/);
    expect(() => loadDirectory('no-such-file.yml')).toThrow(/TEAMS_PEOPLE_FILE: cannot read/);
  });
});
