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

/**
 * Connector clients reused across turns. botbuilder builds a new client (credentials, an Azure HTTP
 * pipeline) for every turn and every proactive send, which showed as ~13 % of a Teams turn's CPU
 * (docs/performance.md); a client holds no per-turn state, so one per identity, service URL and
 * audience is enough. Bounded: a dev host talking to many loopback test servers stays small.
 */
class ClientCache<T> {
  private readonly clients = new Map<string, Promise<T>>();
  constructor(private readonly limit = 64) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.clients.get(key);
    if (known) return known;
    const made = make();
    // A failed creation (credentials unreachable) is not kept: the next turn tries again.
    made.catch(() => this.clients.delete(key));
    this.clients.set(key, made);
    if (this.clients.size > this.limit) {
      const oldest = this.clients.keys().next().value;
      if (oldest !== undefined) this.clients.delete(oldest);
    }
    return made;
  }
}

/** Who the clients act for: the bot id the token was for (or the calling app), as botbuilder reads it. */
function identityKey(identity: ClaimsIdentity | undefined): string {
  const claims = identity?.claims ?? [];
  const value = (type: string) => claims.find((c) => c.type === type)?.value ?? '';
  return [value('aud'), value('appid'), value('azp'), value('ver')].join('|');
}

class GuardedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
    private readonly cache: ClientCache<ConnectorClient>,
    private readonly identity: string,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (isForbiddenHost(new URL(serviceUrl).hostname)) throw new ForbiddenServiceUrl(serviceUrl);
    const key = `${this.identity}\n${serviceUrl}\n${audience ?? ''}`;
    return this.cache.get(key, async () =>
      guardClient(await this.inner.create(serviceUrl, audience), this.timeoutMs),
    );
  }
}

/** botbuilder's authentication, with every connector factory it hands out guarded. */
export class GuardedAuthentication extends BotFrameworkAuthentication {
  private readonly clients = new ClientCache<ConnectorClient>();
  /** The user-token client is built per turn too (CloudAdapter asks for one on every activity). */
  private readonly tokenClients = new ClientCache<UserTokenClient>(16);

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  private guard(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory
      ? {
          ...result,
          connectorFactory: new GuardedConnectorFactory(
            result.connectorFactory,
            this.timeoutMs,
            this.clients,
            identityKey(result.claimsIdentity),
          ),
        }
      : result;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.guard(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
    return this.guard(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new GuardedConnectorFactory(
      this.inner.createConnectorFactory(claimsIdentity),
      this.timeoutMs,
      this.clients,
      identityKey(claimsIdentity),
    );
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(identityKey(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
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
