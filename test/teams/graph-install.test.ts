import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphInstaller, type GraphInstallSettings } from '../../adapters/teams/graph-install.ts';
import type { Sender, SendResult } from '../../src/bot/ports.ts';
import { endorsement } from '../../src/i18n/catalog/endorsement.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { HostConfig } from '../../src/server/host-config.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import type { HostSettings } from '../kit/host.ts';
import { stepOf } from '../kit/index.ts';
import { Kit } from '../kit/kit.ts';
import type { SurfaceStart } from '../kit/surface.ts';
import { TeamsSurface } from '../kit/teams-surface.ts';
import { type GraphFake, startGraphFake } from '../support/graph-fake.ts';
import { TENANT_ID } from '../support/teams-fixtures.ts';

/**
 * Reaching a leader who does not have the app (issue 18): with TEAMS_GRAPH_INSTALL the bot installs
 * Midlerbot for them through Microsoft Graph (a local fake over real HTTP) and posts the request
 * into the personal chat Graph names (the local Bot Connector captures it); without it nothing calls
 * Graph and the applicant is told what they and an admin can do.
 */

const CATALOG_APP = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
const SECRET = 'graph-client-secret-do-not-log';
const TITLE = 'Tryggere overganger';

/** The Teams surface with the Graph setting of the test (the kit's host takes it with its settings). */
class GraphTeamsSurface extends TeamsSurface {
  graph: GraphInstallSettings | undefined;
  override start(options: SurfaceStart): Promise<void> {
    const settings: HostSettings & Pick<HostConfig, 'teamsGraphInstall'> = {
      ...options.settings,
      ...(this.graph ? { teamsGraphInstall: this.graph } : {}),
    };
    return super.start({ ...options, settings });
  }
}

let graph: GraphFake;
const settingsFor = (fake: GraphFake): GraphInstallSettings => ({
  catalogAppId: CATALOG_APP,
  tenantId: TENANT_ID,
  clientId: '00000000-0000-4000-8000-00000000b075',
  clientSecret: SECRET,
  graphUrl: fake.graphUrl,
  loginUrl: fake.loginUrl,
});

const surface = new GraphTeamsSurface();
const kit = new Kit(surface, { at: '2022-10-10T08:00:00Z' });
const kari = kit.user('Kari Nordmann');
const nils = kit.user('Nils Leder', { installed: false });

beforeAll(async () => {
  graph = await startGraphFake();
  await surface.open();
});
afterAll(async () => {
  await surface.close();
  await graph.close();
});

/** Kari asks Nils (who never installed the app) to endorse her draft. */
async function ask() {
  const app = await kari.applies({ title: TITLE });
  await kari
    .says('be om godkjenning')
    .sees('Er søknaden klar til å vises til lederen?')
    .presses('Ja, søknaden er klar')
    .presses('Send forespørselen', { 'leader-endorse-nearest-leader': nils });
  return app;
}

describe('TEAMS_GRAPH_INSTALL on: a leader without the app', () => {
  beforeEach(async () => {
    graph.reset();
    // Graph names the personal chat; the fake gives Nils's, so the kit shows what reaches it.
    graph.addUser(nils.id, nils.identity.conversation);
    surface.graph = settingsFor(graph);
    await kit.begin();
  });
  afterEach(() => kit.end());

  it('gets the app installed through Graph, and the request card in the new personal chat', async () => {
    const app = await ask();
    await kari.sees('Forespørselen er sendt til Nils Leder');

    // The token: client credentials for the tenant, the Graph default scope; the secret only there.
    const [tokenRequest, ...moreTokens] = graph.tokenRequests();
    expect(moreTokens).toEqual([]);
    expect(tokenRequest?.path).toBe(`/${TENANT_ID}/oauth2/v2.0/token`);
    expect(tokenRequest?.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: '00000000-0000-4000-8000-00000000b075',
      client_secret: SECRET,
      scope: 'https://graph.microsoft.com/.default',
    });

    // The install: POST with the catalog app bound, a bearer token the token endpoint issued.
    const calls = graph.graphRequests();
    const install = calls.find((r) => r.method === 'POST');
    expect(install?.path).toBe(`/v1.0/users/${nils.id}/teamwork/installedApps`);
    expect(install?.body).toEqual({
      'teamsApp@odata.bind': `${graph.graphUrl}/appCatalogs/teamsApps/${CATALOG_APP}`,
    });
    expect(install?.authorization).toMatch(/^Bearer graph-token-\d+$/);
    expect(graph.installed()).toEqual([{ user: nils.id, app: CATALOG_APP }]);
    // Then the installation (filtered by the catalog app) and its chat.
    expect(calls.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`)).toEqual([
      `POST /v1.0/users/${nils.id}/teamwork/installedApps`,
      `GET /v1.0/users/${nils.id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${CATALOG_APP}'`,
      expect.stringMatching(
        new RegExp(`^GET /v1\\.0/users/${nils.id}/teamwork/installedApps/inst-\\d+/chat$`),
      ),
    ]);

    // The card reached the Bot Connector in the chat Graph named, and that chat is now Nils's.
    await nils.receives(`Godkjenning: ${TITLE}`, 'Kari Nordmann ber deg om: Godkjenning fra nærmeste leder');
    const posted = surface.capture.posted().filter((c) => c.conversationId === nils.identity.conversation);
    expect(posted.length).toBeGreaterThan(0);
    const ref = await kit.store.getPersonalRef('teams', nils.id);
    expect(ref).toMatchObject({ conversationId: nils.identity.conversation, kind: 'personal' });
    expect(ref?.data).toMatchObject({ serviceUrl: surface.capture.serviceUrl });

    // Nils decides on that card like any other leader.
    await nils.presses('Godkjenn').sees('Godkjent av Nils Leder');
    expect(stepOf(await kit.reload(app.id), 'endorse-nearest-leader')).toMatchObject({ state: 'done' });
  });

  it('Graph refuses (the permission is missing): the applicant gets the usual message, the request waits', async () => {
    graph.refuse(403, 'Forbidden');
    const app = await ask();
    await kari.sees('Jeg får ikke sendt meldingen til Nils Leder: de har ikke Midlerbot i Teams ennå');
    expect(graph.graphRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(graph.installed()).toEqual([]);
    expect(await kit.store.getPersonalRef('teams', nils.id)).toBeNull();
    expect(stepOf(await kit.reload(app.id), 'endorse-nearest-leader')?.state).toBe('waiting');
  });
});

describe('TEAMS_GRAPH_INSTALL off (the default)', () => {
  beforeEach(async () => {
    graph.reset();
    graph.addUser(nils.id, nils.identity.conversation);
    surface.graph = undefined;
    await kit.begin();
  });
  afterEach(() => kit.end());

  it('calls no Graph; the applicant is told how the leader gets the app and what an admin can do', async () => {
    const app = await ask();
    await kari.sees(
      'Jeg får ikke sendt meldingen til Nils Leder: de har ikke Midlerbot i Teams ennå',
      'Be Nils Leder åpne Apper i Teams',
      'forhåndsinstallere Midlerbot for alle gjennom en policy for appoppsett',
    );
    expect(graph.requests).toEqual([]);
    expect(surface.capture.posted().filter((c) => c.conversationId === nils.identity.conversation)).toEqual(
      [],
    );
    expect(stepOf(await kit.reload(app.id), 'endorse-nearest-leader')?.state).toBe('waiting');
  });

  it('says the same in English', () => {
    const { en } = endorsement['endorsement.unreachable.teams'];
    expect(en).toContain('Ask {name} to open Apps in Teams');
    expect(en).toContain(
      'A Teams admin can also pre-install Midlerbot for everyone through an app setup policy',
    );
  });
});

/** The installer on its own: an inner sender that reaches whoever has a stored personal chat. */
describe('the Graph installer around a sender', () => {
  const lines: string[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write: (chunk, _e, cb) => {
        lines.push(String(chunk));
        cb();
      },
    }),
  });
  const USER = '22222222-2222-4222-8222-222222222222';
  const message = { kind: 'text' as const, text: 'please endorse' };

  async function setUp(settings: Partial<GraphInstallSettings> = {}) {
    graph.reset();
    lines.length = 0;
    const store = createMemoryStore();
    const sent: string[] = [];
    const inner: Sender = {
      platform: 'teams',
      async sendToUser(userId): Promise<SendResult> {
        const ref = await store.getPersonalRef('teams', userId);
        if (!ref) return { ok: false, reason: 'not-installed' };
        sent.push(ref.conversationId);
        return { ok: true, messageRef: '1:1' };
      },
      sendToConversation: async () => ({ ok: false, reason: 'gone' }),
      update: async () => ({ ok: false, reason: 'gone' }),
    };
    const installer = createGraphInstaller({
      settings: { ...settingsFor(graph), ...settings },
      store,
      clock: () => new Date('2022-10-10T08:00:00Z'),
      sleep: async () => {},
      log,
      timeoutMs: 2_000,
    });
    // Any activity of the tenant shows where its Bot Connector is.
    installer.observe({
      platform: 'teams',
      key: 'teams:a:kari-dm',
      conversationId: 'a:kari-dm',
      kind: 'personal',
      userId: 'kari',
      data: {
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        bot: { id: '28:bot', name: 'Midlerbot' },
        conversation: { id: 'a:kari-dm', tenantId: TENANT_ID },
      },
      updatedAt: '2022-10-10T08:00:00Z',
    });
    return { store, sent, sender: installer.wrap(inner) };
  }

  it('takes 409 (already installed) as installed and posts to the chat Graph names', async () => {
    const { sender, sent } = await setUp();
    graph.addUser(USER, '19:nils_bot@unq.gbl.spaces');
    graph.preinstall(USER, CATALOG_APP);
    expect(await sender.sendToUser(USER, message)).toEqual({ ok: true, messageRef: '1:1' });
    expect(sent).toEqual(['19:nils_bot@unq.gbl.spaces']);
    expect(lines.join('')).toContain('already installed');
  });

  it('logs a 403 with what to grant, and never the token or the secret', async () => {
    const { sender, sent } = await setUp();
    graph.addUser(USER, '19:nils_bot@unq.gbl.spaces');
    graph.refuse(403, 'Forbidden');
    expect(await sender.sendToUser(USER, message)).toEqual({ ok: false, reason: 'not-installed' });
    expect(sent).toEqual([]);
    const logged = lines.join('');
    expect(logged).toContain('"status":403');
    expect(logged).toContain('TeamsAppInstallation.ReadWriteSelfForUser.All');
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toMatch(/graph-token-\d+/);
  });

  it('an unknown user (404) and an unreachable Graph both fall back to not-installed', async () => {
    const first = await setUp();
    expect(await first.sender.sendToUser(USER, message)).toEqual({ ok: false, reason: 'not-installed' });
    expect(lines.join('')).toContain('"status":404');

    const second = await setUp({ graphUrl: 'http://127.0.0.1:9/v1.0' });
    graph.addUser(USER, '19:nils_bot@unq.gbl.spaces');
    expect(await second.sender.sendToUser(USER, message)).toEqual({ ok: false, reason: 'not-installed' });
    expect(lines.join('')).toContain('"code":"network"');
  });

  it('leaves alone a user whose stored chat the connector refused, and ids that are not AAD object ids', async () => {
    const { sender, store } = await setUp();
    graph.addUser(USER, '19:nils_bot@unq.gbl.spaces');
    await store.putConversationRef({
      platform: 'teams',
      key: 'teams:a:nils-dm',
      conversationId: 'a:nils-dm',
      kind: 'personal',
      userId: USER,
      data: {},
      updatedAt: '2022-10-10T08:00:00Z',
    });
    const refusing: Sender = {
      platform: 'teams',
      sendToUser: async () => ({ ok: false, reason: 'not-installed' }),
      sendToConversation: async () => ({ ok: false, reason: 'gone' }),
      update: async () => ({ ok: false, reason: 'gone' }),
    };
    const installer = createGraphInstaller({
      settings: settingsFor(graph),
      store,
      clock: () => new Date('2022-10-10T08:00:00Z'),
      sleep: async () => {},
      log,
      timeoutMs: 2_000,
    });
    expect(await installer.wrap(refusing).sendToUser(USER, message)).toMatchObject({ ok: false });
    expect(await sender.sendToUser('29:not-an-aad-id', message)).toMatchObject({ ok: false });
    expect(graph.requests).toEqual([]);
  });
});

describe('configuration', () => {
  const base = { NODE_ENV: 'production', REDIS_URL: 'redis://localhost:6379' };
  const teams = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: TENANT_ID };

  it('is off by default', () => {
    expect(loadConfig({ ...base, ...teams }).teamsGraphInstall).toBeUndefined();
  });

  it('says what is missing when it is on without the catalog id or credentials', () => {
    let message = '';
    try {
      loadConfig({
        ...base,
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        TEAMS_GRAPH_INSTALL: 'true',
      });
    } catch (e) {
      message = e instanceof Error ? e.message : '';
    }
    expect(message).toContain('TEAMS_APP_CATALOG_ID: is required when TEAMS_GRAPH_INSTALL=true');
    expect(message).toContain('TEAMS_GRAPH_INSTALL: needs MicrosoftAppId and MicrosoftAppPassword');
    expect(message).toContain('TEAMS_GRAPH_TENANT_ID: is required when TEAMS_GRAPH_INSTALL=true');
  });

  it('reads the settings, with the public Graph and login defaults, and redacts the secret', async () => {
    const config = loadConfig({
      ...base,
      ...teams,
      TEAMS_GRAPH_INSTALL: 'true',
      TEAMS_APP_CATALOG_ID: CATALOG_APP,
    });
    expect(config.teamsGraphInstall).toEqual({
      catalogAppId: CATALOG_APP,
      tenantId: TENANT_ID,
      clientId: 'app',
      clientSecret: 'pw',
      graphUrl: 'https://graph.microsoft.com/v1.0',
      loginUrl: 'https://login.microsoftonline.com',
      scope: 'https://graph.microsoft.com/.default',
    });
    const { redactConfig } = await import('../../src/server/config.ts');
    expect(redactConfig(config).teamsGraphInstall?.clientSecret).toBe('[set]');
  });
});
