import { afterEach, describe, expect, inject, it } from 'vitest';
import { slashText } from '../../adapters/slack/inbound.ts';
import { type PlatformHost, startPlatformHost, subscribeTeamsChannel } from '../scheduler/platform-host.ts';
import { postSlack, slashCommand } from '../support/slack-fixtures.ts';
import { channelMessage, postActivity, CHANNEL as TEAMS_CHANNEL } from '../support/teams-fixtures.ts';

/**
 * The development clock (issue 16): a typed `/at` moves the host's clock and sends the reminders that
 * fell due, through the real adapters; where the clock is not movable (production) it is just text.
 */
let h: PlatformHost | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(movableClock: boolean): Promise<PlatformHost> {
  h = await startPlatformHost(inject('redisUrl'), '2022-10-04T08:00:00Z', {
    movableClock,
    // The host's own planner and loop; their timer never fires within a test, `/at` runs them.
    reminders: { enabled: true, loop: { intervalMs: 3_600_000 } },
  });
  return h;
}

function posted(host: PlatformHost): string[] {
  return host.teams.posted().map((p) => JSON.stringify(p.body));
}

describe('/at, the development clock', () => {
  it('in Teams moves the clock, and the channel reminder that fell due arrives', async () => {
    const host = await start(true);
    await subscribeTeamsChannel(host, 'innovasjon-2023');
    host.teams.reset();

    const res = await postActivity(host.port, channelMessage(host.teams.serviceUrl, '/at 2022-10-18 09:00'));
    expect(res.status).toBe(200);
    expect(host.app.clock.now().toISOString()).toMatch(/^2022-10-18T07:00:0/);
    const out = posted(host);
    expect(out.some((b) => /Klokka er nå tirsdag 18\. oktober 2022 kl\. 09\.00 \(Oslo-tid\)/.test(b))).toBe(
      true,
    );
    expect(out.some((b) => /Påminnelser og purringer som har forfalt: 1 sendt/.test(b))).toBe(true);
    // The reminder itself went to the subscribed channel, about the call's deadline.
    const reminder = host.teams.posted().find((p) => /Innovasjonsmidler 2023/.test(JSON.stringify(p.body)));
    expect(reminder?.conversationId).toBe(TEAMS_CHANNEL);

    // Bad input gets the usage and changes nothing.
    await postActivity(host.port, channelMessage(host.teams.serviceUrl, '/at next week'));
    expect(posted(host).at(-1)).toMatch(/Skriv et tidspunkt i Oslo-tid/);
    expect(host.app.clock.now().toISOString()).toMatch(/^2022-10-18T07:00:0/);
    // A date as the bot's own questions ask for one (dd.mm.yyyy) moves it too.
    await postActivity(host.port, channelMessage(host.teams.serviceUrl, '/at 19.10.2022 12.30'));
    expect(host.app.clock.now().toISOString()).toMatch(/^2022-10-19T10:30:0/);
    await postActivity(host.port, channelMessage(host.teams.serviceUrl, '/at 31.02.2023'));
    expect(posted(host).at(-1)).toMatch(/Skriv et tidspunkt i Oslo-tid/);
  });

  it('in Slack is `/midler at …`', async () => {
    expect(slashText('at 2023-08-25 09:00')).toBe('/at 2023-08-25 09:00');
    const host = await start(true);
    const res = await postSlack(host.port, slashCommand('at 2023-08-25 09:00'), host.clock.now() / 1000);
    expect(res.status).toBe(200);
    await host.slackAdapter.idle();
    expect(host.app.clock.now().toISOString()).toMatch(/^2023-08-25T07:00:0/);
    const said = host.slack.calls.map((c) => JSON.stringify(c.args)).join('\n');
    expect(said).toMatch(/Klokka er nå fredag 25\. august 2023 kl\. 09\.00/);
  });

  it('is only text where the clock cannot move (production): the clock stays', async () => {
    const host = await start(false);
    await postActivity(host.port, channelMessage(host.teams.serviceUrl, '/at 2023-08-25 09:00'));
    expect(host.app.clock.now().toISOString()).toMatch(/^2022-10-04T08:00:0/);
    expect(posted(host).join('\n')).not.toMatch(/Klokka er nå/);
  });
});
