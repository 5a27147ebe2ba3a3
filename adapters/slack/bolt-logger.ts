import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt and the Web API client log through the host's pino logger, so redaction applies to them too. */
export function boltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let child = log.child({ component: 'slack' });
  const fmt = (msg: unknown[]) =>
    msg
      .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m)))
      .join(' ');
  return {
    debug: (...msg) => child.debug(fmt(msg)),
    info: (...msg) => child.info(fmt(msg)),
    warn: (...msg) => child.warn(fmt(msg)),
    error: (...msg) => {
      const err = msg.find((m) => m instanceof Error);
      child.error(err ? { err } : {}, fmt(msg));
    },
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (name) => {
      child = log.child({ component: name });
    },
  };
}
