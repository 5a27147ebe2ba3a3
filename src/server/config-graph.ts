import {
  DEFAULT_GRAPH_SCOPE,
  DEFAULT_GRAPH_URL,
  DEFAULT_LOGIN_URL,
  type GraphInstallSettings,
} from '../../adapters/teams/graph-install.ts';
import type { Env } from './config.ts';

/** How TEAMS_GRAPH_INSTALL and its companions are checked and read (docs/teams.md). */

/** TEAMS_GRAPH_INSTALL=true needs the catalog id, the bot's credentials and a tenant (docs/teams.md). */
export function graphInstallProblems(e: Env): string[] {
  if (!e.TEAMS_GRAPH_INSTALL) return [];
  const problems: string[] = [];
  if (!e.TEAMS_APP_CATALOG_ID) {
    problems.push(
      "TEAMS_APP_CATALOG_ID: is required when TEAMS_GRAPH_INSTALL=true (the app's id in your organisation's app catalog, GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>'; docs/teams.md)",
    );
  }
  if (!e.MicrosoftAppId || !e.MicrosoftAppPassword) {
    problems.push(
      'TEAMS_GRAPH_INSTALL: needs MicrosoftAppId and MicrosoftAppPassword (the app-only Microsoft Graph token is requested with them)',
    );
  }
  if (!e.TEAMS_GRAPH_TENANT_ID && !e.MicrosoftAppTenantId) {
    problems.push(
      'TEAMS_GRAPH_TENANT_ID: is required when TEAMS_GRAPH_INSTALL=true (the tenant the app is installed in), unless MicrosoftAppTenantId is set',
    );
  }
  if (e.NODE_ENV === 'production') {
    for (const [name, value] of [
      ['TEAMS_GRAPH_URL', e.TEAMS_GRAPH_URL],
      ['TEAMS_GRAPH_LOGIN_URL', e.TEAMS_GRAPH_LOGIN_URL],
    ] as const) {
      if (value && !value.startsWith('https://'))
        problems.push(`${name}: must be an https URL in production`);
    }
  }
  return problems;
}

/** The Graph install settings, once crossCheck has passed. */
export function graphInstallOf(e: Env): GraphInstallSettings | undefined {
  const tenantId = e.TEAMS_GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId;
  if (!e.TEAMS_GRAPH_INSTALL || !e.TEAMS_APP_CATALOG_ID || !tenantId) return undefined;
  const graphUrl = (e.TEAMS_GRAPH_URL ?? DEFAULT_GRAPH_URL).replace(/\/+$/, '');
  return {
    catalogAppId: e.TEAMS_APP_CATALOG_ID,
    tenantId,
    clientId: e.MicrosoftAppId ?? '',
    clientSecret: e.MicrosoftAppPassword ?? '',
    graphUrl,
    loginUrl: e.TEAMS_GRAPH_LOGIN_URL ?? DEFAULT_LOGIN_URL,
    // A national cloud's Graph (https://graph.microsoft.us/v1.0) has its own scope.
    scope: graphUrl.startsWith('https://') ? `${new URL(graphUrl).origin}/.default` : DEFAULT_GRAPH_SCOPE,
  };
}
