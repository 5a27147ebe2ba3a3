import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSlackManifest, TEMPLATE_PATH } from '../../manifest/slack/build.ts';

const template = readFileSync(TEMPLATE_PATH, 'utf8');
const URL_ = 'https://midlerbot.hemit.no';

function problems(text: string, url = URL_): string[] {
  const result = buildSlackManifest(text, url);
  return result.ok ? [] : result.problems;
}

describe('Slack app manifest', () => {
  it('points commands, events and interactivity at {PUBLIC_URL}/slack/events with the least scopes', () => {
    const result = buildSlackManifest(template, `${URL_}/`);
    if (!result.ok) throw new Error(result.problems.join('; '));
    const m = result.manifest;
    expect(m.features.slash_commands.map((c) => [c.command, c.url])).toEqual([
      ['/midler', `${URL_}/slack/events`],
    ]);
    expect(m.settings.event_subscriptions.request_url).toBe(`${URL_}/slack/events`);
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: `${URL_}/slack/events` });
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
    expect(m.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
      'im:write',
      'users:read',
    ]);
    expect(m.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(parse(result.yaml)).toEqual(m);
  });

  it('refuses a plain-http URL, an unknown scope, an event without its scope and an unknown event', () => {
    expect(problems(template, 'http://midlerbot.hemit.no')).toEqual([
      'PUBLIC_URL must be https (Slack only calls https URLs)',
    ]);
    expect(problems(template.replace('- users:read', '- users:reed')).join()).toMatch(
      /oauth_config\.scopes\.bot\.5/,
    );
    expect(problems(template.replace('      - im:history\n', ''))).toEqual([
      'oauth_config.scopes.bot: message.im needs im:history',
    ]);
    expect(problems(template.replace('- message.im', '- message.everything')).join()).toMatch(
      /unknown bot event/,
    );
    expect(
      problems(
        template.replace('request_url: "{{PUBLIC_URL}}/slack/events"', 'request_url: "ftp://x/slack/events"'),
      ).join(),
    ).toMatch(/https/);
  });

  it('documents why each scope is needed in docs/slack.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/slack.md'), 'utf8');
    const result = buildSlackManifest(template, URL_);
    if (!result.ok) throw new Error(result.problems.join('; '));
    for (const scope of result.manifest.oauth_config.scopes.bot)
      expect(doc).toMatch(new RegExp(`^\\| \`${scope.replace('.', '\\.')}\` +\\| \\S`, 'm'));
  });

  it('npm run manifest:slack writes the filled-in manifest', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slack-manifest-')), 'manifest.yaml');
    execFileSync(process.execPath, ['--import', 'tsx', 'manifest/slack/build.ts', `--out=${out}`], {
      env: { ...process.env, PUBLIC_URL: URL_ },
      stdio: 'pipe',
    });
    const written = parse(readFileSync(out, 'utf8')) as {
      settings: { event_subscriptions: { request_url: string } };
    };
    expect(written.settings.event_subscriptions.request_url).toBe(`${URL_}/slack/events`);
  });
});
