import type { Catalog } from '../domain/catalog.ts';
import { calendarDaysBetween, firstInstantOf, formatLocal, OSLO } from '../domain/timeline.ts';
import type { HostClock } from './host-clock.ts';
import type { HostResponse, Route } from './http-types.ts';

export interface HomePageDeps {
  catalog: () => Catalog;
  clock: HostClock;
  production: boolean;
}

const html = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** One call as the page lists it: its deadline relative to the host's clock. */
function callLine(call: Catalog['calls'][number], now: Date): string {
  const opens = firstInstantOf(call, 'published');
  const deadline = firstInstantOf(call, 'deadline');
  let state = 'no deadline in the call data';
  if (deadline) {
    const days = calendarDaysBetween(now, deadline);
    if (opens && now < opens) state = `not yet published (from ${formatLocal(opens)})`;
    else if (now < deadline)
      state = `open: deadline ${formatLocal(deadline)}, ${days} day${days === 1 ? '' : 's'} left`;
    else state = `closed: the deadline ${formatLocal(deadline)} has passed`;
  }
  return `<li><strong>${html(call.title.nb)}</strong> <code>${html(call.id)}</code> — ${html(state)}</li>`;
}

function developmentPage(deps: HomePageDeps): string {
  const now = deps.clock.now();
  const clockNote = deps.clock.simulated()
    ? 'set by MIDLERBOT_NOW or <code>/at</code>; it runs on from there'
    : 'the system clock';
  const calls = deps.catalog().calls.map((c) => callLine(c, now));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Midlerbot</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f2f2f2;padding:0 .25rem;border-radius:3px}h1{margin-bottom:0}.lead{color:#555;margin-top:.25rem}</style>
</head><body>
<h1>Midlerbot</h1>
<p class="lead">A chat assistant for Helse Midt-Norge's internal funding calls, in Microsoft Teams and Slack:
can I apply, how much, who must endorse, what is next and when.</p>
<h2>Clock</h2>
<p id="clock"><strong>${html(formatLocal(now))}</strong> ${OSLO} (${clockNote}).
${deps.clock.movable ? 'Type <code>/at 2023-08-25 09:00</code> in a chat (Slack: <code>/midler at …</code>) to move it; reminders that fall due are sent.' : ''}</p>
<h2>Calls loaded</h2>
<ul id="calls">${calls.join('\n') || '<li>none</li>'}</ul>
<h2>Talk to it</h2>
<ul>
<li><strong>In a browser, as in Teams</strong>: <code>npm run playground</code> opens Microsoft's Agents Playground
against this bot (personas: applicant, leader, clinic chief, quality chief; <code>npm run playground -- --as leader</code>).</li>
<li><strong>In the terminal</strong>: <code>npm run chat</code> (<code>--as NAME</code>, <code>--at 2022-10-04T10:00</code>).</li>
<li><strong>Microsoft Teams</strong>: docs/teams.md. <strong>Slack</strong>: docs/slack.md.</li>
</ul>
<p>Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>.</p>
</body></html>
`;
}

/**
 * GET /: in development a page that tells a newcomer what runs here and how to talk to it; in
 * production only the name and where its health is (nothing about the set-up to strangers).
 */
export function homeRoutes(deps: HomePageDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/',
      handler: async (): Promise<HostResponse> =>
        deps.production
          ? {
              status: 200,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
              body: 'Midlerbot. Health: /healthz\n',
            }
          : {
              status: 200,
              headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
              body: developmentPage(deps),
            },
    },
  ];
}
