import {
  AppCredentials,
  type AuthenticatorResult,
  MicrosoftAppCredentials,
  PasswordServiceClientCredentialFactory,
  type ServiceClientCredentials,
} from 'botframework-connector';
import { callSignal } from '../../src/server/deadline.ts';

/**
 * OAuth2 client-credentials against a plain-http login URL (the local token endpoint of the tests).
 * MSAL, which botbuilder uses for real logins, refuses non-https authorities; this speaks the same
 * protocol (form POST to `{loginUrl}/oauth2/v2.0/token`) and is refused in production by auth.ts.
 */
class PlainHttpAppCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly password: string,
    loginUrl: string,
    scope: string,
    private readonly timeoutMs: number,
  ) {
    super(appId, undefined, scope);
    this.oAuthEndpoint = loginUrl.replace(/\/+$/, '');
    // botbuilder caches tokens process-wide by app id and scope; a token one login endpoint issued
    // is no token for another (each local endpoint is its own issuer).
    this.tokenCacheKey = `${this.tokenCacheKey}@${this.oAuthEndpoint}`;
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    const res = await fetch(`${this.oAuthEndpoint}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: this.password,
        scope,
      }),
      // OUTBOUND_TIMEOUT_SECONDS, and a reminder send's ambient deadline. In a turn, the connector
      // call it signs settles at its own deadline whatever this fetch does (deadline.ts).
      signal: callSignal(this.timeoutMs),
    });
    // With its status, so the retry policy reads it like a connector answer: a 5xx or 429 from the
    // token endpoint is unclear (retried, the turn left to Teams' redelivery), a 4xx is refused.
    if (!res.ok)
      // (No `response` on it: the connector client would read that as its own HTTP response.)
      throw Object.assign(new Error(`token endpoint answered ${res.status}`), { statusCode: res.status });
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('token endpoint sent no access_token');
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    // AppCredentials caches the token until 5 minutes before `expiresOn`.
    return { accessToken: body.access_token, expiresOn: new Date(Date.now() + seconds * 1000) };
  }
}

export class PlainHttpCredentialFactory extends PasswordServiceClientCredentialFactory {
  constructor(
    appId: string,
    password: string,
    private readonly timeoutMs: number,
  ) {
    super(appId, password);
  }

  override async createCredentials(
    appId: string,
    audience: string | undefined,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<ServiceClientCredentials> {
    if (await this.isAuthenticationDisabled()) return MicrosoftAppCredentials.Empty;
    if (!loginEndpoint.startsWith('http://')) {
      return super.createCredentials(appId, audience ?? '', loginEndpoint, validateAuthority);
    }
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new PlainHttpAppCredentials(
      appId,
      this.password ?? '',
      loginEndpoint,
      audience ?? 'https://api.botframework.com',
      this.timeoutMs,
    );
  }
}
