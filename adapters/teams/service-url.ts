import { type AuthenticateRequestResult, AuthenticationConstants } from 'botframework-connector';
import { checkServiceUrl } from '../../src/server/egress.ts';

/**
 * Whether the bot may answer an activity at its `serviceUrl` (docs/reliability.md, "No open relay"):
 * the reason to refuse it, or undefined. With an app id the address is the one the channel's token
 * names (botbuilder compares the claim; so does this, so no other token kind slips through); without
 * one, nobody proved where the activity came from, so only loopback or a listed origin is answered.
 * Link-local and metadata addresses never are.
 */
export function checkInbound(
  serviceUrl: string,
  auth: AuthenticateRequestResult,
  options: { authenticated: boolean; allowed: readonly string[] },
): string | undefined {
  const verdict = checkServiceUrl(serviceUrl, options);
  if (!verdict.ok) return verdict.reason;
  if (!options.authenticated) return undefined;
  const claimed = auth.claimsIdentity?.getClaimValue(AuthenticationConstants.ServiceUrlClaim);
  return claimed === serviceUrl ? undefined : 'serviceUrl is not the one in the token';
}
