import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { withDeadline } from '../../src/server/deadline.ts';
import { guardedAgents, isForbiddenHost } from '../../src/server/egress.ts';

/**
 * Every Bot Connector client the adapter uses (replies, updates, member look-ups, proactive sends)
 * comes from a ConnectorFactory; this wraps them so that each HTTP call:
 * - has a deadline (OUTBOUND_TIMEOUT_SECONDS) that also covers the token fetch signing it, and is
 *   cancelled when the deadline or the turn's own passes (docs/reliability.md);
 * - never reaches a link-local or metadata address, by URL or after DNS resolution;
 * - is not retried by the SDK: its pipeline retries 429/5xx with real timers and its own rules, so
 *   retries happen once, in our code, by the one retry policy (src/server/retry-policy.ts).
 */

interface PipelineRequest {
  url: string;
  method: string;
  abortSignal?: AbortSignal;
  agent?: unknown;
}
interface Pipeline {
  addPolicy(
    policy: {
      name: string;
      sendRequest(req: PipelineRequest, next: (r: PipelineRequest) => Promise<unknown>): Promise<unknown>;
    },
    options?: { phase?: string },
  ): void;
  removePolicy(options: { name: string }): unknown;
}

const POLICY = 'midlerbotOutboundDeadline';

/** Thrown before any request to a forbidden address; the senders report it as refused. */
export class ForbiddenServiceUrl extends Error {
  readonly statusCode = 403;
  constructor(url: string) {
    super(`refusing to contact ${new URL(url).host}: link-local or metadata address`);
    this.name = 'ForbiddenServiceUrl';
  }
}

function guardClient(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) throw new Error('botframework-connector changed: no pipeline on the ConnectorClient');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.removePolicy({ name: POLICY });
  pipeline.addPolicy(
    {
      name: POLICY,
      sendRequest(request, next) {
        const url = new URL(request.url);
        if (isForbiddenHost(url.hostname)) return Promise.reject(new ForbiddenServiceUrl(request.url));
        return withDeadline(timeoutMs, `teams ${request.method} ${url.pathname}`, (signal) => {
          request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, signal]) : signal;
          request.agent = url.protocol === 'https:' ? guardedAgents.https : guardedAgents.http;
          return next(request);
        });
      },
    },
    // Outermost: the deadline also covers the signing policy's token fetch.
    { phase: 'Serialize' },
  );
  return client;
}

class GuardedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (isForbiddenHost(new URL(serviceUrl).hostname)) throw new ForbiddenServiceUrl(serviceUrl);
    return guardClient(await this.inner.create(serviceUrl, audience), this.timeoutMs);
  }
}

/** botbuilder's authentication, with every connector factory it hands out guarded. */
export class GuardedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  private guard(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory
      ? { ...result, connectorFactory: new GuardedConnectorFactory(result.connectorFactory, this.timeoutMs) }
      : result;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.guard(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
    return this.guard(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new GuardedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.timeoutMs);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
