import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import type { HostConfig } from '../../src/server/host-config.ts';
import { type HostOptions, type TeamsHost, useTeamsHost } from '../kit/host.ts';
import { BOT_APP_ID } from './teams-fixtures.ts';

export const APP_PASSWORD = 'Sup3r-Secret-App-Passw0rd';

/**
 * The host configured with an app id the way an operator does it (environment variables under
 * botbuilder's names): inbound tokens checked against `issuer`, outbound tokens fetched at the
 * capture's login URL. `env` adds or overrides variables.
 */
export function authenticatedConfig(
  issuer: LocalIssuer,
  capture: { loginUrl: string },
  env: Record<string, string> = {},
): HostConfig {
  return loadConfig({
    NODE_ENV: 'test',
    MicrosoftAppId: BOT_APP_ID,
    MicrosoftAppPassword: APP_PASSWORD,
    ToBotFromChannelOpenIdMetadataUrl: issuer.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: issuer.issuer,
    ToChannelFromBotLoginUrl: capture.loginUrl,
    REMINDERS_ENABLED: 'false',
    ...env,
  });
}

/**
 * A file's host with an app id (authenticatedConfig, `env` added): a local issuer started first for
 * its inbound tokens, then the host at `at` with the Bot Connector (and its login) captured.
 */
export function useAuthenticatedTeamsHost(
  env: Record<string, string>,
  options: { at: string; config?: Partial<HostConfig>; log?: Logger },
): TeamsHost & { readonly issuer: LocalIssuer } {
  let issuer: LocalIssuer | undefined;
  beforeAll(async () => {
    issuer = await startLocalIssuer();
  });
  afterAll(() => issuer?.close());
  const host = useTeamsHost((capture): HostOptions => {
    if (!issuer) throw new Error('the issuer starts first');
    return {
      at: options.at,
      config: { ...authenticatedConfig(issuer, capture, env), port: 0, ...options.config },
      ...(options.log ? { log: options.log } : {}),
    };
  });
  return Object.create(host, {
    issuer: {
      get: () => {
        if (!issuer) throw new Error('the issuer starts in beforeAll; read it inside a test');
        return issuer;
      },
    },
  });
}

/**
 * A local stand-in for the Bot Framework's token service on the inbound side: OpenID metadata and a
 * JWKS with a locally generated RSA key, and a signer for channel tokens shaped like Teams sends.
 */
export interface LocalIssuer {
  readonly issuer: string;
  readonly openIdMetadataUrl: string;
  /** Signs a channel token; `claims` override the defaults (aud, serviceurl, exp...). */
  sign(claims: {
    aud?: string;
    iss?: string;
    serviceurl?: string;
    expiresInSeconds?: number;
    issuedAgoSeconds?: number;
  }): Promise<string>;
  /** Signs with a key that is not in the JWKS (same kid), for a forged-signature test. */
  signWithForeignKey(claims: { aud: string; serviceurl: string }): Promise<string>;
  close(): Promise<void>;
}

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export async function startLocalIssuer(options: { issuer?: string } = {}): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${randomUUID()}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  let base = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer: issuer,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuer ?? 'https://api.botframework.com';

  async function signWith(key: SigningKey, claims: Parameters<LocalIssuer['sign']>[0]): Promise<string> {
    const now = Math.floor(Date.now() / 1000) - (claims.issuedAgoSeconds ?? 0);
    return new SignJWT({ serviceurl: claims.serviceurl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? '')
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
      .sign(key);
  }

  return {
    issuer,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    sign: (claims) => signWith(privateKey, claims),
    signWithForeignKey: (claims) => signWith(foreign.privateKey, claims),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
