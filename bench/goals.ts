// Goals the benches check: each bench reports its measured figure beside the goal it serves, and
// `npm run bench` prints them all together at the end, so one run shows every goal side by side.
import { loadavg } from 'node:os';

export interface GoalRow {
  row: string;
  measured: string;
  goal: string;
  met: boolean;
}

const rows: GoalRow[] = [];

// The machine is shared: the load average beside the figures says how busy it was while they
// were taken (ratios within one run hold up better than absolute times).
const loadAverage = () => loadavg()[0]!.toFixed(1);
const loadAtStart = loadAverage();

export function reportGoal(row: GoalRow): void {
  rows.push(row);
  console.log(`goal: ${row.row}: ${row.measured} (goal ${row.goal}) ${row.met ? 'met' : 'NOT MET'}`);
}

export function goalSummary(): string {
  if (rows.length === 0) return '';
  const lines = [
    `Load average (1 min): ${loadAtStart} when the benches started, ${loadAverage()} at the end.`,
    '',
    '| goal | measured | target | met |',
    '|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.row} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}
