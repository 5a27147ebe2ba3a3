import type { InvokeResponse } from 'botbuilder';
import type { Locale } from '../../src/domain/call.ts';
import { t } from '../../src/i18n/t.ts';
import type { TeamsActivity } from './activity-parse.ts';

/**
 * The answer to an invoke the bot does not act on (botbuilder's default is 501 with no body, which
 * Teams shows as an error). A card action it cannot read (an old or foreign card) gets the Universal
 * Actions message response saying so; any other invoke name an empty 200.
 */
export function invokeAnswerFor(activity: TeamsActivity, locale: Locale | undefined): InvokeResponse {
  if (activity.name === 'adaptiveCard/action') {
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: t(locale ?? 'nb', 'engine.unknown-action'),
      },
    };
  }
  return { status: 200, body: {} };
}
