import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPackage, checkPackage, renderManifest, validateManifest } from '../../manifest/teams/build.ts';
import { pngInfo } from '../../manifest/teams/icons.ts';
import { BOT_APP_ID } from '../support/teams-fixtures.ts';

const env = { MicrosoftAppId: BOT_APP_ID, PUBLIC_URL: 'https://midlerbot.example.no', APP_VERSION: '1.2.3' };

describe('Teams app package', () => {
  it('builds a zip that passes the official v1.19 schema offline, with valid icons', async () => {
    const zip = await buildPackage(env);
    expect(await checkPackage(zip)).toEqual([]);
    const files = await JSZip.loadAsync(zip);
    const manifest = JSON.parse((await files.file('manifest.json')?.async('string')) ?? '{}');
    expect(manifest.manifestVersion).toBe('1.19');
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
