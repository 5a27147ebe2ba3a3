import type { BotConnectorCapture } from '../../test/support/bot-connector-capture.ts';
import type { TestRedis } from '../../test/support/redis-server.ts';

/** What every case gets: a Redis of its own run (cases use their own key prefix) and a local connector. */
export interface FaultEnv {
  redis: TestRedis;
  connector: BotConnectorCapture;
  /** A fresh key prefix for one case. */
  prefix(name: string): string;
}

/** One row of the printed table. */
export interface FaultRow {
  case: string;
  pass: boolean;
  /** The figures, short: "60/60 delivered, 0 lost, 1 duplicate". */
  figures: string;
  seconds: number;
}

export type FaultCase = (env: FaultEnv) => Promise<Omit<FaultRow, 'seconds'>[]>;
