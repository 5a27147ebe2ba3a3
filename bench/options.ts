export const SECTIONS = [
  'domain',
  'engine',
  'redis',
  'http',
  'compare',
  'memory',
  'questions',
  'burst',
] as const;
export type Section = (typeof SECTIONS)[number];

/** How big each section runs: `--quick` is for the smoke test, the default for recorded figures. */
export interface BenchOptions {
  quick: boolean;
  sections: Section[];
  /** Per timed row: stop early once this much wall time is spent (ms). */
  budgetMs: number;
  /** Domain operations per row. */
  domainN: number;
  /** Simulated users, each playing the whole scripted conversation once. */
  users: number;
  /** How many of them are in a turn at the same time. */
  concurrency: number;
  /** HTTP requests per row. */
  httpN: number;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  let sections: Section[] = [...SECTIONS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg.startsWith('--only=')
      ? arg.slice('--only='.length)
      : arg === '--only'
        ? argv[++i]
        : null;
    if (value === null) {
      if (arg !== '--quick')
        throw new Error(`unknown argument: ${arg} (use --quick, --only ${SECTIONS.join('|')})`);
      continue;
    }
    const wanted = (value ?? '').split(',').filter((s) => s !== '');
    const bad = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (wanted.length === 0 || bad.length > 0) {
      throw new Error(`--only takes ${SECTIONS.join('|')} (comma-separated), got: ${value ?? ''}`);
    }
    sections = SECTIONS.filter((s) => wanted.includes(s));
  }
  return quick
    ? { quick, sections, budgetMs: 1_500, domainN: 200, users: 10, concurrency: 5, httpN: 20 }
    : { quick, sections, budgetMs: 10_000, domainN: 5_000, users: 200, concurrency: 50, httpN: 300 };
}
