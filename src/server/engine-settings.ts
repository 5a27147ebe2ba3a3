import type { EngineConfig } from '../bot/engine.ts';
import type { Catalog } from '../domain/catalog.ts';
import { MidlerError } from '../domain/errors.ts';
import type { HostConfig } from './app.ts';

type SettingsConfig = Pick<
  HostConfig,
  'dialogTtlSeconds' | 'trustQualityChiefs' | 'showPriorityRank' | 'reminders'
>;

/** The engine's part of the configuration, the same for the HTTP host and the console chat. */
export function engineConfigOf(config: SettingsConfig): Pick<EngineConfig, 'dialogTtlSeconds' | 'settings'> {
  return {
    ...(config.dialogTtlSeconds ? { dialogTtlSeconds: config.dialogTtlSeconds } : {}),
    settings: {
      ...(config.trustQualityChiefs ? { trustQualityChiefs: config.trustQualityChiefs } : {}),
      ...(config.showPriorityRank !== undefined ? { showPriorityRank: config.showPriorityRank } : {}),
      ...(config.reminders?.admins ? { reminderAdmins: config.reminders.admins } : {}),
      ...(config.dialogTtlSeconds ? { dialogLifetimeSeconds: config.dialogTtlSeconds } : {}),
    },
  };
}

/**
 * TRUST_QUALITY_CHIEFS against the loaded calls. A trust id no call knows is a typo that would leave
 * that trust's applications waiting for ever: start-up stops and names it. Trusts of a call with a
 * prioritisation step and no chief are returned, for a warning (their applicants still get the award
 * recorded: the region's decision settles the prioritisation, see docs/tracker.md).
 */
export function checkQualityChiefs(
  chiefs: HostConfig['trustQualityChiefs'],
  catalog: Catalog,
): { withoutChief: string[] } {
  const trusts = new Set(catalog.calls.flatMap((c) => c.trusts.map((t) => t.id)));
  const unknown = Object.keys(chiefs ?? {}).filter((id) => !trusts.has(id));
  if (unknown.length > 0) {
    throw new MidlerError(
      'config.invalid',
      `TRUST_QUALITY_CHIEFS: unknown trust id ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${[...trusts].join(', ')})`,
    );
  }
  const prioritising = catalog.calls.filter((c) => c.steps.some((s) => s.kind === 'prioritisation'));
  const withoutChief = [
    ...new Set(prioritising.flatMap((c) => c.trusts.map((t) => t.id)).filter((id) => !chiefs?.[id])),
  ];
  return { withoutChief };
}
