import { describe, expect, it } from 'vitest';
import { createTeamsAuth, type TeamsAuth } from '../../adapters/teams/auth.ts';

type Identity = Parameters<TeamsAuth['authentication']['createConnectorFactory']>[0];

/** botbuilder's ClaimsIdentity as it reads one (botbuilder itself stays inside adapters/teams). */
function identity(claims: { type: string; value: string }[], isAuthenticated: boolean): Identity {
  const getClaimValue = (type: string) => claims.find((c) => c.type === type)?.value ?? null;
  return { claims, isAuthenticated, getClaimValue } as unknown as Identity;
}

/** One connector client per identity, service URL and audience, reused by every turn and send. */
describe('connector clients are reused across turns', () => {
  const auth = () => createTeamsAuth({}, false, 5_000).authentication;
  const anonymous = () => identity([], false);
  const bot = (appId: string) =>
    identity(
      [
        { type: 'aud', value: appId },
        { type: 'ver', value: '1.0' },
      ],
      true,
    );

  it('two turns of one identity on one service URL share a client; another URL or identity gets its own', async () => {
    const a = auth();
    const first = await a.createConnectorFactory(anonymous()).create('http://127.0.0.1:3978/');
    const again = await a.createConnectorFactory(anonymous()).create('http://127.0.0.1:3978/');
    expect(again).toBe(first);
    const otherUrl = await a.createConnectorFactory(anonymous()).create('http://127.0.0.1:3979/');
    expect(otherUrl).not.toBe(first);
    const otherBot = await a.createConnectorFactory(bot('app-2')).create('http://127.0.0.1:3978/');
    expect(otherBot).not.toBe(first);
    // Another host (another configuration) never sees this one's clients.
    expect(await auth().createConnectorFactory(anonymous()).create('http://127.0.0.1:3978/')).not.toBe(first);
  });

  it('a forbidden address is refused before any client is made or kept', async () => {
    const a = auth();
    await expect(a.createConnectorFactory(anonymous()).create('http://169.254.169.254/')).rejects.toThrow(
      /metadata/,
    );
  });

  it('the user-token client is reused per identity', async () => {
    const a = auth();
    expect(await a.createUserTokenClient(bot('app-1'))).toBe(await a.createUserTokenClient(bot('app-1')));
    expect(await a.createUserTokenClient(bot('app-1'))).not.toBe(await a.createUserTokenClient(bot('app-2')));
  });
});
