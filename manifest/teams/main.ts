import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPackage, checkPackage, SCHEMA_VERSION } from './build.ts';

/** `npm run manifest:teams`: builds manifest/teams/build/midlerbot-teams.zip from the environment and checks it. */
const out = join(dirname(new URL(import.meta.url).pathname), 'build', 'midlerbot-teams.zip');
try {
  const zip = await buildPackage(process.env);
  const problems = await checkPackage(zip);
  if (problems.length > 0) {
    console.error(`Teams package is invalid:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Teams package OK (schema v${SCHEMA_VERSION}, checked offline): ${out}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
