import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import appManifest from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { ACCENT, colorIcon, outlineIcon, pngInfo } from './icons.ts';

/**
 * Builds the Teams app package (manifest.json + icons in a zip) and checks it offline against the
 * official manifest JSON schema that @microsoft/app-manifest ships (build/json-schemas/teams/v1.30).
 * 1.30 is the newest generally available version (Microsoft 365 app manifest reference, August 2026)
 * and the newest that package ships; the template's $schema and manifestVersion must say the same.
 */

export const SCHEMA_VERSION = '1.30';
const here = dirname(new URL(import.meta.url).pathname);

export interface ManifestEnv {
  /** The bot's Microsoft App Id (Azure Bot registration). */
  MicrosoftAppId?: string;
  /** The Teams app id; defaults to the bot id, as one registration usually serves both. */
  TEAMS_APP_ID?: string;
  /** Where the bot is served, e.g. https://midlerbot.hemit.no. */
  PUBLIC_URL?: string;
  APP_VERSION?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fills the template's `${NAME}` placeholders; refuses to guess a missing or malformed value. */
export function renderManifest(env: ManifestEnv): Record<string, unknown> {
  const problems: string[] = [];
  const appId = env.MicrosoftAppId?.trim() ?? '';
  if (!GUID.test(appId)) problems.push('MicrosoftAppId must be the bot registration GUID');
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  if (!GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID must be a GUID');
  let publicUrl: URL | undefined;
  try {
    publicUrl = new URL(env.PUBLIC_URL ?? '');
    if (publicUrl.protocol !== 'https:') problems.push('PUBLIC_URL must use https');
  } catch {
    problems.push('PUBLIC_URL must be an absolute https URL');
  }
  if (problems.length > 0 || !publicUrl)
    throw new Error(`cannot build the Teams manifest: ${problems.join('; ')}`);
  const values: Record<string, string> = {
    MicrosoftAppId: appId,
    TEAMS_APP_ID: teamsAppId,
    PUBLIC_URL: publicUrl.origin,
    PUBLIC_HOST: publicUrl.host,
    APP_VERSION: env.APP_VERSION ?? '1.0.0',
    ACCENT_COLOR: ACCENT,
  };
  const template = readFileSync(join(here, 'manifest.template.json'), 'utf8');
  const filled = template.replace(/\$\{([A-Za-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
  const leftover = /\$\{[A-Za-z_]+\}/.exec(filled);
  if (leftover) throw new Error(`unfilled placeholder ${leftover[0]} in manifest.template.json`);
  return JSON.parse(filled) as Record<string, unknown>;
}

function officialSchema(name = 'MicrosoftTeams.schema.json'): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(root, 'build', 'json-schemas', 'teams', `v${SCHEMA_VERSION}`, name);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The manifest's strings in English (localizationInfo): Teams shows them to English clients. */
export const LANGUAGE_FILES = ['en.json'] as const;

function languageFile(name: string): string {
  return readFileSync(join(here, name), 'utf8');
}

type Validate = (m: unknown, s: unknown) => Promise<string[]>;
const validateAgainst = appManifest.ManifestUtil.validateManifestAgainstSchema as unknown as Validate;

/** Schema errors of a manifest object (empty when valid). */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  return validateAgainst(manifest, officialSchema());
}

/** Schema errors of a localization file, and keys it translates that the manifest does not have. */
export async function validateLanguageFile(
  strings: Record<string, unknown>,
  manifest: Record<string, unknown>,
): Promise<string[]> {
  // The official localization schema's key patterns do not compile as Unicode regular expressions,
  // which the schema validator insists on; its rules are read here instead: required keys, keys by
  // name or pattern, string values within each key's maxLength.
  const schema = officialSchema('MicrosoftTeams.Localization.schema.json') as {
    required: string[];
    properties: Record<string, { maxLength?: number }>;
    patternProperties: Record<string, { maxLength?: number }>;
  };
  const errors = schema.required.filter((k) => !(k in strings)).map((k) => `${k}: missing`);
  for (const [key, value] of Object.entries(strings)) {
    const rule =
      schema.properties[key] ??
      Object.entries(schema.patternProperties).find(([pattern]) => new RegExp(pattern).test(key))?.[1];
    if (!rule) errors.push(`${key}: not a key the localization schema allows`);
    else if (key !== '$schema' && typeof value !== 'string') errors.push(`${key}: not a string`);
    else if (rule.maxLength !== undefined && String(value).length > rule.maxLength)
      errors.push(`${key}: longer than ${rule.maxLength}`);
  }
  const commands = (manifest.bots as { commandLists: { commands: unknown[] }[] }[] | undefined)?.[0]
    ?.commandLists[0]?.commands.length;
  for (const key of Object.keys(strings)) {
    const n = /commands\[(\d+)\]/.exec(key)?.[1];
    if (n !== undefined && Number(n) >= (commands ?? 0))
      errors.push(`${key}: the manifest has no such command`);
  }
  return errors;
}

/** Everything wrong with a package zip: manifest schema, icon files, sizes and transparency. */
export async function checkPackage(zipBytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const problems: string[] = [];
  const names = Object.keys(zip.files).sort();
  const want = ['color.png', ...LANGUAGE_FILES, 'manifest.json', 'outline.png'].sort();
  if (names.join(',') !== want.join(',')) problems.push(`unexpected files: ${names.join(', ')}`);
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) return [...problems, 'manifest.json missing'];
  const manifest = JSON.parse(await manifestFile.async('string')) as Record<string, unknown>;
  problems.push(...(await validateManifest(manifest)).map((e) => `manifest.json ${e}`));
  const info = manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined;
  for (const { file } of info?.additionalLanguages ?? []) {
    const text = await zip.file(file)?.async('string');
    if (!text) problems.push(`${file}: named in localizationInfo, missing from the package`);
    else
      problems.push(...(await validateLanguageFile(JSON.parse(text), manifest)).map((e) => `${file} ${e}`));
  }
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  const expect = [
    { file: icons?.color, size: 192, label: 'colour icon' },
    { file: icons?.outline, size: 32, label: 'outline icon' },
  ];
  for (const { file, size, label } of expect) {
    const bytes = file ? await zip.file(file)?.async('nodebuffer') : undefined;
    const info = bytes ? pngInfo(bytes) : undefined;
    if (!info) problems.push(`${label}: ${file ?? '(none)'} is not a PNG in the package`);
    else if (info.width !== size || info.height !== size)
      problems.push(`${label}: ${info.width}x${info.height}, want ${size}x${size}`);
    else if (label === 'outline icon' && info.colorType !== 6)
      problems.push('outline icon must have an alpha channel');
  }
  return problems;
}

/** The upload-ready zip for Teams (Developer Portal or admin centre). */
export async function buildPackage(env: ManifestEnv): Promise<Buffer> {
  const manifest = renderManifest(env);
  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical between builds of the same input.
  const date = new Date('2024-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('color.png', colorIcon(), { date });
  zip.file('outline.png', outlineIcon(), { date });
  for (const name of LANGUAGE_FILES) zip.file(name, languageFile(name), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
