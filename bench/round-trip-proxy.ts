import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A loopback TCP relay between the bot's Redis client and redis-server that counts round trips as
 * the wire sees them: a round trip starts when the client sends after it has received something (or
 * for the first time). Commands written together (a pipeline, or several sent before any reply, as
 * `Promise.all` does) are one round trip; a command sent only after a reply arrived is another.
 * Counting on the wire, not in the client, measures what the Store really does without touching it.
 */
export interface RoundTripProxy {
  readonly port: number;
  /** Round trips since the last reset. */
  readonly roundTrips: number;
  /** Client-to-server writes (chunks) since the last reset, for context. */
  readonly writes: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startRoundTripProxy(target: { host: string; port: number }): Promise<RoundTripProxy> {
  let roundTrips = 0;
  let writes = 0;
  let lastDirection: 'up' | 'down' | 'none' = 'none';
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      if (lastDirection !== 'up') roundTrips++;
      lastDirection = 'up';
      writes++;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      lastDirection = 'down';
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    get roundTrips() {
      return roundTrips;
    },
    get writes() {
      return writes;
    },
    reset() {
      roundTrips = 0;
      writes = 0;
      lastDirection = 'none';
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
