import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadQuestionSets } from '../src/calls/knowledge.ts';
import { loadCatalog } from '../src/calls/load.ts';
import { burstRows } from './burst-bench.ts';
import { compareRows } from './compare-bench.ts';
import { domainRows } from './domain-bench.ts';
import { engineRows } from './engine-bench.ts';
import { httpRows } from './http-bench.ts';
import { memoryRows } from './memory-bench.ts';
import { type BenchOptions, parseArgs, type Section } from './options.ts';
import { questionRows } from './question-set.ts';
import { redisRows } from './redis-bench.ts';
import { formatTable, type SectionResult } from './stats.ts';

/**
 * `npm run bench [-- --quick] [-- --only domain|engine|redis|http|compare|memory|questions|burst]`: prints latency and throughput
 * tables. Figures, never assertions: what they mean is in docs/performance.md.
 */

/** Whatever happens, the process ends: a hung section must not keep CI waiting. */
const HARD_LIMIT_MS = { quick: 150_000, full: 600_000 };

async function runSection(section: Section, options: BenchOptions): Promise<SectionResult> {
  const callsDir = fileURLToPath(new URL('../calls', import.meta.url));
  const catalog = loadCatalog(callsDir);
  switch (section) {
    case 'domain':
      return { rows: await domainRows(catalog, options), notes: [] };
    case 'engine':
      return { rows: await engineRows(catalog, options), notes: [] };
    case 'redis':
      return redisRows(catalog, options);
    case 'http':
      return httpRows(catalog, options);
    case 'compare':
      return compareRows(options);
    case 'memory':
      return memoryRows(catalog, options);
    case 'questions':
      return questionRows(catalog, loadQuestionSets(callsDir, catalog.calls), options);
    case 'burst':
      return burstRows(catalog, options);
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const limit = options.quick ? HARD_LIMIT_MS.quick : HARD_LIMIT_MS.full;
  const guard = setTimeout(() => {
    console.error(`bench: gave up after ${limit / 1000} s`);
    process.exit(2);
  }, limit);
  guard.unref();

  console.log(
    `midlerbot bench ${options.quick ? '(quick) ' : ''}— node ${process.version}, ${cpus().length} CPU(s), ${new Date().toISOString()}`,
  );
  let failed = false;
  for (const section of options.sections) {
    console.log(`\n## ${section}\n`);
    try {
      const { rows, notes } = await runSection(section, options);
      if (rows.length > 0) console.log(formatTable(rows));
      for (const note of notes) console.log(note);
    } catch (error) {
      failed = true;
      console.error(
        `bench: section ${section} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
  }
  clearTimeout(guard);
  return failed ? 1 : 0;
}

process.exitCode = await main();
