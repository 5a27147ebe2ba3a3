import {
  type Activity,
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
  EmulatorValidation,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { MidlerError } from '../../src/domain/errors.ts';
import { GuardedAuthentication } from './connector-guard.ts';
import { PlainHttpCredentialFactory } from './plain-http-credentials.ts';

/** Bot Framework settings under the names botbuilder users know. */
export interface TeamsAuthSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppType?: string;
  MicrosoftAppTenantId?: string;
  /** Overrides for private clouds and for tests (local OpenID metadata, token issuer, login). */
  ToBotFromChannelOpenIdMetadataUrl?: string;
  ToBotFromChannelTokenIssuer?: string;
  ToChannelFromBotLoginUrl?: string;
  ToChannelFromBotOAuthScope?: string;
  /** Without an app id: serviceUrl origins accepted besides loopback (TEAMS_ALLOWED_SERVICE_URLS). */
  allowedServiceUrls?: readonly string[];
}

export interface TeamsAuth {
  readonly authentication: BotFrameworkAuthentication;
  /** False when no app id is configured: local development only. */
  readonly enabled: boolean;
  readonly appId: string;
}

const OVERRIDES = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
] as const;

/**
 * Builds botbuilder's authentication from settings. Refuses to run unauthenticated in production.
 * When any endpoint is overridden, botbuilder takes *every* endpoint from the options, so the ones
 * not overridden are filled with the public-cloud defaults.
 */
export function createTeamsAuth(
  settings: TeamsAuthSettings,
  production: boolean,
  outboundTimeoutMs = 10_000,
): TeamsAuth {
  const appId = settings.MicrosoftAppId?.trim() ?? '';
  if (!appId && production) {
    throw new MidlerError(
      'config.invalid',
      'MicrosoftAppId is required in production: Teams requests would be unauthenticated',
    );
  }
  const loginUrl = settings.ToChannelFromBotLoginUrl;
  if (loginUrl?.startsWith('http://') && production) {
    throw new MidlerError('config.invalid', 'ToChannelFromBotLoginUrl must use https in production');
  }
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: settings.MicrosoftAppPassword ?? '',
    MicrosoftAppType: settings.MicrosoftAppType ?? 'MultiTenant',
    MicrosoftAppTenantId: settings.MicrosoftAppTenantId ?? '',
  };
  if (OVERRIDES.some((k) => settings[k])) {
    Object.assign(options, {
      ToBotFromChannelOpenIdMetadataUrl:
        settings.ToBotFromChannelOpenIdMetadataUrl ??
        AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer:
        settings.ToBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: loginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope:
        settings.ToChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ValidateAuthority: true,
    });
  }
  // MSAL refuses authorities without https; a plain-http login URL (a local token endpoint in
  // tests) gets a minimal OAuth2 client-credentials client instead.
  const credentials: ServiceClientCredentialsFactory = loginUrl?.startsWith('http://')
    ? new PlainHttpCredentialFactory(appId, settings.MicrosoftAppPassword ?? '', outboundTimeoutMs)
    : new ConfigurationServiceClientCredentialFactory(options);
  return {
    // Every connector client it hands out has a deadline and the egress guard (connector-guard.ts).
    authentication: new GuardedAuthentication(
      new ConfigurationBotFrameworkAuthentication(options, credentials),
      outboundTimeoutMs,
    ),
    enabled: appId !== '',
    appId,
  };
}

export type AuthOutcome =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401 | 403 | 503; reason: string };

const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Authenticates one inbound request before anything is processed. botbuilder throws its own
 * AuthenticationError for most failures but lets jsonwebtoken's errors (bad signature, malformed
 * token) escape; both are credential failures (401). A token that is valid but not for this bot
 * (audience) or not for this activity (serviceUrl claim) is 403.
 */
export async function authenticateActivity(
  auth: TeamsAuth,
  activity: Activity,
  header: string,
): Promise<AuthOutcome> {
  // Teams never sends the Bot Framework Emulator's tokens; botbuilder would try the emulator's
  // metadata for them (and answer 500 when that fails). A credential this bot does not take: 401.
  if (header && EmulatorValidation.isTokenFromEmulator(header))
    return { ok: false, status: 401, reason: 'emulator tokens are not accepted' };
  try {
    return { ok: true, result: await auth.authentication.authenticateRequest(activity, header) };
  } catch (e) {
    if (e instanceof AuthenticationError) {
      if (e.statusCode >= 500) return { ok: false, status: 503, reason: 'openid metadata unavailable' };
      if (/Invalid AppId|ServiceUrl claim/i.test(e.message))
        return { ok: false, status: 403, reason: e.message };
      return { ok: false, status: 401, reason: e.message };
    }
    if (e instanceof Error && JWT_ERRORS.has(e.name)) return { ok: false, status: 401, reason: e.message };
    throw e;
  }
}
