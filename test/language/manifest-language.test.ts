import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildPackage,
  checkPackage,
  renderManifest,
  validateLanguageFile,
} from '../../manifest/teams/build.ts';

const env = {
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  PUBLIC_URL: 'https://midlerbot.example.no',
};

describe('the Teams app in English', () => {
  it('ships an English localization file that the package check accepts', async () => {
    const zip = await buildPackage(env);
    expect(await checkPackage(zip)).toEqual([]);
    const files = await JSZip.loadAsync(zip);
    const manifest = JSON.parse(await files.file('manifest.json')!.async('string'));
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nb-no',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    const en = JSON.parse(await files.file('en.json')!.async('string'));
    expect(en['description.short']).toMatch(/Can I apply/);
    // Every command the manifest lists has its English description.
    const commands = manifest.bots[0].commandLists[0].commands as unknown[];
    for (const i of commands.keys())
      expect(en[`bots[0].commandLists[0].commands[${i}].description`]).toEqual(expect.any(String));
  });

  it('names what is wrong with a localization file', async () => {
    const manifest = renderManifest(env);
    const problems = await validateLanguageFile(
      {
        'name.short': 'M',
        'description.full': 'x',
        'bots[0].commandLists[0].commands[9].title': 'x',
        nonsense: 'x',
      },
      manifest,
    );
    expect(problems.sort()).toEqual(
      [
        'description.short: missing',
        'bots[0].commandLists[0].commands[9].title: the manifest has no such command',
        'nonsense: not a key the localization schema allows',
      ].sort(),
    );
  });
});
