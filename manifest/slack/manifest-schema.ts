import { z } from 'zod';

/**
 * The Slack app manifest fields this app uses (docs.slack.dev/reference/app-manifest), checked offline.
 * Strict where a typo would silently break the app (scope and event names, URLs), lenient nowhere else
 * because we write every field ourselves.
 */

/** Bot scopes Slack knows that an app like this could ask for; anything else is a typo. */
export const KNOWN_BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:join',
  'channels:read',
  'chat:write',
  'chat:write.customize',
  'chat:write.public',
  'commands',
  'groups:history',
  'groups:read',
  'im:history',
  'im:read',
  'im:write',
  'mpim:history',
  'mpim:read',
  'mpim:write',
  'reactions:write',
  'team:read',
  'users.profile:read',
  'users:read',
  'users:read.email',
] as const;

/** The scope each bot event needs (app_home_opened needs none). */
export const EVENT_SCOPES: Record<string, string | null> = {
  app_home_opened: null,
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.mpim': 'mpim:history',
  member_joined_channel: 'channels:read',
};

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

export const SlackManifest = z
  .object({
    _metadata: z.object({ major_version: z.literal(2), minor_version: z.number().int().min(0) }).strict(),
    display_information: z
      .object({
        name: z.string().min(1).max(35),
        description: z.string().min(1).max(140),
        background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
        long_description: z.string().min(175).max(4000),
      })
      .strict(),
    features: z
      .object({
        app_home: z
          .object({
            home_tab_enabled: z.boolean(),
            messages_tab_enabled: z.boolean(),
            messages_tab_read_only_enabled: z.boolean(),
          })
          .strict(),
        bot_user: z.object({ display_name: z.string().min(1).max(80), always_online: z.boolean() }).strict(),
        slash_commands: z
          .array(
            z
              .object({
                command: z.string().regex(/^\/[a-zæøå0-9_-]{1,31}$/),
                url: httpsUrl,
                description: z.string().min(1).max(2000),
                usage_hint: z.string().max(1000).optional(),
                should_escape: z.boolean(),
              })
              .strict(),
          )
          .max(50),
      })
      .strict(),
    oauth_config: z
      .object({
        scopes: z
          .object({
            bot: z
              .array(z.enum(KNOWN_BOT_SCOPES))
              .min(1)
              .refine((s) => new Set(s).size === s.length, 'scopes must be unique'),
          })
          .strict(),
      })
      .strict(),
    settings: z
      .object({
        event_subscriptions: z
          .object({
            request_url: httpsUrl,
            bot_events: z.array(z.string().refine((e) => e in EVENT_SCOPES, 'unknown bot event')).min(1),
          })
          .strict(),
        interactivity: z.object({ is_enabled: z.boolean(), request_url: httpsUrl }).strict(),
        org_deploy_enabled: z.boolean(),
        socket_mode_enabled: z.boolean(),
        token_rotation_enabled: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const scopes = new Set<string>(m.oauth_config.scopes.bot);
    for (const event of m.settings.event_subscriptions.bot_events) {
      const needed = EVENT_SCOPES[event];
      if (needed && !scopes.has(needed)) {
        ctx.addIssue({
          code: 'custom',
          path: ['oauth_config', 'scopes', 'bot'],
          message: `${event} needs ${needed}`,
        });
      }
    }
    if (m.features.slash_commands.length > 0 && !scopes.has('commands')) {
      ctx.addIssue({
        code: 'custom',
        path: ['oauth_config', 'scopes', 'bot'],
        message: 'slash commands need the commands scope',
      });
    }
  });
export type SlackManifest = z.infer<typeof SlackManifest>;
