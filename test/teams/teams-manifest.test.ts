import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildPackage,
  checkPackage,
  renderManifest,
  SCHEMA_VERSION,
  validateManifest,
} from '../../manifest/teams/build.ts';
import { pngInfo } from '../../manifest/teams/icons.ts';
import { BOT_APP_ID } from '../support/teams-fixtures.ts';

const env = { MicrosoftAppId: BOT_APP_ID, PUBLIC_URL: 'https://midlerbot.example.no', APP_VERSION: '1.2.3' };

describe('Teams app package', () => {
  it('builds a zip that passes the official v1.30 schema offline, with valid icons', async () => {
    const zip = await buildPackage(env);
    expect(await checkPackage(zip)).toEqual([]);
    const files = await JSZip.loadAsync(zip);
    const manifest = JSON.parse((await files.file('manifest.json')?.async('string')) ?? '{}');
    expect(SCHEMA_VERSION).toBe('1.30');
    expect(manifest.manifestVersion).toBe(SCHEMA_VERSION);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    );
    expect(manifest.developer.privacyUrl).toBe('https://midlerbot.example.no/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://midlerbot.example.no/terms');
    expect(manifest.id).toBe(BOT_APP_ID);
    expect(manifest.validDomains).toEqual(['midlerbot.example.no']);
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(BOT_APP_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'help',
      'check',
      'amount',
      'status',
      'reminders',
    ]);
  });

  it('uses the newest manifest schema that @microsoft/app-manifest ships', () => {
    // A dependency update that brings a newer schema fails here on purpose: check that the version is
    // generally available for bots (Microsoft 365 app manifest reference), then move the template.
    const root = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
    const versions = readdirSync(join(root, 'build', 'json-schemas', 'teams'))
      .map((d) => /^v1\.(\d+)$/.exec(d)?.[1])
      .filter((minor): minor is string => minor !== undefined)
      .map(Number);
    expect(`1.${Math.max(...versions)}`).toBe(SCHEMA_VERSION);
  });

  it('draws the outline icon white on transparent only', async () => {
    const files = await JSZip.loadAsync(await buildPackage(env));
    const outline = (await files.file('outline.png')?.async('nodebuffer')) ?? Buffer.alloc(0);
    expect(pngInfo(outline)).toEqual({ width: 32, height: 32, colorType: 6 });
    const { inflateSync } = await import('node:zlib');
    const idat = outline.subarray(outline.indexOf('IDAT') + 4, outline.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    const colours = new Set<string>();
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const o = y * 129 + 1 + x * 4;
        colours.add(Array.from(raw.subarray(o, o + 4)).join(','));
      }
    }
    expect([...colours].sort()).toEqual(['0,0,0,0', '255,255,255,255']);
  });

  it('the schema check catches a broken manifest', async () => {
    const manifest = renderManifest(env);
    expect(await validateManifest(manifest)).toEqual([]);
    const broken = {
      ...manifest,
      accentColor: undefined,
      bots: [{ botId: BOT_APP_ID, scopes: ['everyone'] }],
    };
    const errors = await validateManifest(JSON.parse(JSON.stringify(broken)));
    expect(errors.join('\n')).toMatch(/accentColor/);
    expect(errors.join('\n')).toMatch(/scopes/);
  });

  it('refuses to build without a bot id GUID or an https public URL', () => {
    expect(() => renderManifest({ PUBLIC_URL: 'https://x.example' })).toThrow(/MicrosoftAppId/);
    expect(() => renderManifest({ MicrosoftAppId: BOT_APP_ID, PUBLIC_URL: 'http://x.example' })).toThrow(
      /https/,
    );
  });
});
