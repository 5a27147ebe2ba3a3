import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The bench's Teams baseline (`npm run bench -- --only compare`): the bot a team would write first
 * with botbuilder alone — CloudAdapter, no app id, an echo handler — on a bare node:http server. It
 * lives here because every botbuilder import stays inside adapters/teams.
 */
export interface EchoBot {
  port: number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

export async function startEchoBot(port = 0): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = createServer((req, res) => {
    bodyOf(req).then(
      (body) => {
        // botbuilder's process() wants an express-like response: a few methods over node's.
        const shim = {
          socket: res.socket,
          status: (code: number) => {
            res.statusCode = code;
          },
          header: (name: string, value: unknown) => res.setHeader(name, String(value)),
          send: (payload?: unknown) => {
            if (payload !== undefined) {
              res.setHeader('content-type', 'application/json');
              res.write(JSON.stringify(payload));
            }
          },
          end: () => res.end(),
        };
        return adapter.process({ body, headers: req.headers, method: req.method ?? 'POST' }, shim, (ctx) =>
          bot.run(ctx),
        );
      },
      () => {
        res.statusCode = 400;
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
