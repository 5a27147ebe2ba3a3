/** The conversation test kit: one way to play a conversation on any surface (docs/testing.md). */
export * from './applications.ts';
export {
  configuredApp,
  type FileHost,
  type Host,
  linesLog,
  type MovableClock,
  movableClock,
  realCatalog,
  redisStore,
  type SlackFileHost,
  type SlackHost,
  startHost,
  startSlackHost,
  type TeamsHost,
  useSlackHost,
  useTeamsHost,
} from './host.ts';
export { type Kit, type KitOptions, type KitSettings, PLATFORMS, useKit } from './kit.ts';
export { Flow, Persona, type PersonaOptions, type Turn } from './persona.ts';
export * from './shown.ts';
export type { Answer, Identity, SurfaceName } from './surface.ts';
