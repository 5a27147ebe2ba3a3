import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks before a line is written. Secrets reach log calls in three shapes: request
 * headers, config objects (env names) and SDK errors; the paths cover the first two, `scrub` the third.
 */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'req.headers.authorization',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'client_secret',
  '*.client_secret',
  'secret',
  '*.secret',
  'signingSecret',
  '*.signingSecret',
  'botToken',
  '*.botToken',
  'appPassword',
  '*.appPassword',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'SLACK_SIGNING_SECRET',
  '*.SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  '*.SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  '*.SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  '*.SLACK_CLIENT_SECRET',
  'METRICS_TOKEN',
  '*.METRICS_TOKEN',
  'REDIS_URL',
  '*.REDIS_URL',
  'redisUrl',
  '*.redisUrl',
];

const SECRET_PATTERNS: RegExp[] = [
  // JWTs (Bot Framework tokens): three base64url parts, the first starting with `eyJ`.
  /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g,
  // Slack tokens.
  /xox[abposr]-[A-Za-z0-9-]{6,}/g,
  /xapp-[A-Za-z0-9-]{6,}/g,
  // Bearer/Basic credentials written into free text.
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // Passwords inside connection strings: redis://user:pass@host.
  /(\w+:\/\/[^:/\s]*:)[^@\s]+@/g,
];

/** Removes token-shaped substrings from free text (error messages, stack traces). */
export function scrub(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === 'string' && match.includes('://') ? `${prefix}[redacted]@` : '[redacted]',
    );
  }
  return out;
}

function errSerializer(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    // SDK errors carry the request they failed on, Authorization header included: keep only basics.
    if (key === 'request' || key === 'response' || key === 'config') continue;
    out[key] = typeof value === 'string' ? scrub(value) : value;
  }
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Human-readable output (pino-pretty); off in production. */
  pretty?: boolean;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: DestinationStream;
}

/** The process logger: JSON lines, secrets redacted by path and by pattern. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const base = {
    level: options.level ?? 'info',
    base: { app: 'midlerbot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: errSerializer, error: errSerializer },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
        method.apply(
          this,
          (args as unknown[]).map((a) => (typeof a === 'string' ? scrub(a) : a)),
        );
      },
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } },
    });
  }
  return pino(base);
}
