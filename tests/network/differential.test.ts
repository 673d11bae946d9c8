// Differential test: the engine and a brute-force reference judge (reference-judge.ts) must reach
// the same verdict on every required flow of thousands of randomly damaged designs (both examples
// and generated ones), and every flow that does not reach must carry a finding that names it.
// fast-check shrinks any disagreement to a minimal list of mutations; the ones it found are kept
// below as regression cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../src/model/generate';
import type { Design } from '../../src/model/schema';
import { analyze } from '../../src/rules/registry';
import { edit, example } from '../rules/helpers';
import { sameRegionHub } from '../rules/tgw-variants';
import { block, referenceReaches } from './reference-judge';

interface Mutation {
  op: number;
  a: number;
  b: number;
  c: number;
}

const text = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** Addresses a mutation picks from: every block of the design, their halves, and a few others. */
function blockPool(d: Design): string[] {
  const pool = new Set(['0.0.0.0/0', '10.0.0.0/8', '11.0.0.0/8', 'nonsense', '10.0.0.300/33']);
  for (const v of d.vpcs)
    for (const c of [v.cidr, ...v.secondaryCidrs, ...v.subnets.map((s) => s.cidr)]) {
      const b = block(c);
      if (!b) continue;
      pool.add(c);
      const half = (b.last - b.first + 1) / 2;
      if (b.prefix < 32) {
        pool.add(`${text(b.first)}/${b.prefix + 1}`);
        pool.add(`${text(b.first + half)}/${b.prefix + 1}`);
      }
      if (b.prefix > 8) pool.add(`${text(b.first - (b.first % 2 ** (40 - b.prefix)))}/${b.prefix - 8}`);
    }
  return [...pool];
}

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;

/** One change a user could make while drawing; indexes wrap around whatever the design holds. */
function mutate(d: Design, { op, a, b, c }: Mutation): void {
  const tables = d.vpcs.flatMap((v) => v.routeTables);
  const groups = d.vpcs.flatMap((v) => v.securityGroups);
  const endpoints = d.vpcs.flatMap((v) => v.endpoints);
  const subnets = d.vpcs.flatMap((v) => v.subnets);
  const pool = blockPool(d);
  const target = (n: number) =>
    n % 4 === 0
      ? { gateway: 'nat' as const }
      : n % 4 === 1
        ? { gateway: 'internet' as const }
        : { peering: pick(d.peerings, n)?.id ?? 'pcx-none' };
  switch (op) {
    case 0: {
      const t = pick(tables, a);
      if (t?.routes.length) t.routes.splice(b % t.routes.length, 1);
      break;
    }
    case 1:
      pick(tables, a)?.routes.push({ destination: pick(pool, b)!, ...target(c) });
      break;
    case 2: {
      const t = pick(tables, a);
      const r = t && pick(t.routes, b);
      if (t && r) t.routes[t.routes.indexOf(r)] = { destination: r.destination, ...target(c) };
      break;
    }
    case 3: {
      const r = pick(pick(tables, a)?.routes ?? [], b);
      if (r) r.destination = pick(pool, c)!;
      break;
    }
    case 4: {
      const p = pick(d.peerings, a);
      if (p) p.status = p.status === 'active' ? 'pending-acceptance' : 'active';
      break;
    }
    case 5:
      if (d.peerings.length) d.peerings.splice(a % d.peerings.length, 1);
      break;
    case 6: {
      const p = pick(d.peerings, a);
      const v = pick(d.vpcs, b);
      if (p && v) p[c % 2 ? 'requester' : 'accepter'] = v.id;
      break;
    }
    case 7: {
      // Re-address a VPC onto another VPC's block, its subnets (and the appliance) moved along.
      const v = pick(d.vpcs, a);
      const onto = pick(d.vpcs, b);
      const from = block(v?.cidr);
      const to = block(onto?.cidr);
      if (!v || !onto || !from || !to || from.prefix !== to.prefix) break;
      const shift = (s: string) => {
        const x = block(s);
        return x ? `${text(x.first - from.first + to.first)}/${x.prefix}` : s;
      };
      v.cidr = onto.cidr;
      for (const s of v.subnets) s.cidr = shift(s.cidr);
      if (d.appliance?.vpc === v.id) d.appliance.ip = shift(`${d.appliance.ip}/32`).replace('/32', '');
      break;
    }
    case 8: {
      const g = pick(groups, a);
      const rules = g && (c % 2 ? g.ingress : g.egress);
      if (rules?.length) rules.splice(b % rules.length, 1);
      break;
    }
    case 9: {
      const g = pick(groups, a);
      if (!g) break;
      const port = [443, 80, 0][b % 3]!;
      const rule =
        c % 3 === 0
          ? { protocol: 'tcp' as const, fromPort: port, toPort: port, securityGroup: pick(groups, c)!.id }
          : {
              protocol: (c % 3 === 1 ? 'tcp' : '-1') as 'tcp' | '-1',
              fromPort: port,
              toPort: port,
              cidr: pick(pool, c)!,
            };
      (b % 2 ? g.ingress : g.egress).push(rule);
      break;
    }
    case 10: {
      const e = pick(endpoints, a);
      if (e) e.subnets = b % 2 ? [] : e.subnets.slice(1);
      break;
    }
    case 11: {
      const e = pick(endpoints, a);
      if (e) e.securityGroups = [];
      break;
    }
    case 12: {
      const v = pick(
        d.vpcs.filter((x) => x.endpoints.length),
        a,
      );
      if (v) v.endpoints.splice(b % v.endpoints.length, 1);
      break;
    }
    case 13: {
      const s = pick(subnets, a);
      if (s) s.routeTable = [undefined, 'rt-none', pick(tables, c)?.id][b % 3];
      break;
    }
    case 14: {
      const t = pick(tables, a);
      if (t) t.main = !t.main;
      break;
    }
    case 15: {
      const s = pick(subnets, a);
      if (s) s.cidr = pick(pool, b)!;
      break;
    }
    case 16: {
      const x = block(pick(pool, a));
      if (d.appliance && x) d.appliance.ip = text(x.first + (b % Math.min(256, x.last - x.first + 1)));
      break;
    }
    case 17:
      pick(d.vpcs, a)?.secondaryCidrs.push(pick(pool, b)!);
      break;
    case 18: {
      const e = pick(endpoints, a);
      const s = pick(subnets, b);
      if (e && s) e.subnets.push(s.id);
      break;
    }
    default:
      mutateTgw(d, { op, a, b, c }, pool, tables, subnets);
  }
}

/** Transit Gateway changes (ops 19–27), for designs that have TGWs. */
function mutateTgw(
  d: Design,
  { op, a, b, c }: Mutation,
  pool: readonly string[],
  tables: Design['vpcs'][number]['routeTables'],
  subnets: Design['vpcs'][number]['subnets'],
): void {
  const tgwTables = d.transitGateways.flatMap((t) => t.routeTables);
  const attachments = d.transitGatewayAttachments;
  switch (op) {
    case 19: {
      const t = pick(tgwTables, a);
      if (t?.routes.length) t.routes.splice(b % t.routes.length, 1);
      break;
    }
    case 20: {
      const t = pick(tgwTables, a);
      const r = t && pick(t.routes, b);
      if (t && r)
        t.routes[t.routes.indexOf(r)] =
          c % 2
            ? { destination: r.destination, blackhole: true }
            : { destination: r.destination, attachment: pick(attachments, c)!.id };
      break;
    }
    case 21: {
      const x = pick(attachments, a);
      if (x) x.propagations = b % 3 === 0 ? [] : b % 3 === 1 ? undefined : [pick(tgwTables, c)!.id];
      break;
    }
    case 22: {
      const x = pick(attachments, a);
      if (x && b % 2) delete x.routeTable;
      else if (x) x.routeTable = pick(tgwTables, c)!.id;
      break;
    }
    case 23: {
      const x = pick(attachments, a);
      if (x && b % 2 && x.subnets.length) x.subnets.splice(c % x.subnets.length, 1);
      else if (x) x.subnets.push(pick(subnets, c)!.id);
      break;
    }
    case 24: {
      const t = pick(d.transitGateways, a);
      const x = pick(attachments, b);
      if (t && c % 2) t.sharedWith = [];
      else if (x) x.status = 'pending-acceptance';
      break;
    }
    case 25: {
      const t = pick(tgwTables, a);
      const x = pick(attachments, c);
      if (t && x)
        t.routes.push({
          destination: pick(pool, b)!,
          ...(c % 5 === 0 ? { blackhole: true } : { attachment: x.id }),
        });
      break;
    }
    case 26: {
      const t = pick(tables, a);
      const tgw = pick(d.transitGateways, c);
      if (t && tgw) t.routes.push({ destination: pick(pool, b)!, transitGateway: tgw.id });
      break;
    }
    case 27: {
      // Security group referencing across a TGW: the TGW's option, an attachment's, or a rule of an
      // endpoint's group that names a group of another VPC where it named a block.
      const t = pick(d.transitGateways, a);
      const x = pick(attachments, b);
      const groups = d.vpcs.flatMap((v) => v.securityGroups.map((g) => ({ g, vpc: v.id })));
      const held = new Set(d.vpcs.flatMap((v) => v.endpoints.flatMap((e) => e.securityGroups)));
      const mine = pick(
        groups.filter((e) => held.has(e.g.id)),
        a,
      );
      const rules = mine && (b % 4 ? mine.g.ingress : mine.g.egress);
      const r = rules && pick(rules, c);
      const other =
        mine &&
        pick(
          groups.filter((e) => e.vpc !== mine.vpc),
          b,
        );
      if (c % 3 === 0 && t) t.securityGroupReferencing = !t.securityGroupReferencing;
      else if (c % 3 === 1 && x) x.securityGroupReferencing = x.securityGroupReferencing === false;
      else if (rules && r && other)
        rules[rules.indexOf(r)] = { ...r, cidr: undefined, securityGroup: other.g.id };
      break;
    }
  }
}

const mutation = fc.record({ op: fc.nat(18), a: fc.nat(999), b: fc.nat(999), c: fc.nat(999) });
const tgwMutation = fc.record({ op: fc.nat(27), a: fc.nat(999), b: fc.nat(999), c: fc.nat(999) });

const totals = { designs: 0, flows: 0, reached: 0 };

/** Judges one design both ways and checks every flow; returns a description of the first disagreement. */
function disagreement(d: Design): string | undefined {
  const { flows, findings } = analyze(d);
  totals.designs++;
  for (const f of flows) {
    if (f.flow.kind === 'archive-peering') continue;
    totals.flows++;
    const expected = referenceReaches(d, f.flow);
    if (f.ok) totals.reached++;
    if (f.ok !== expected)
      return `${f.flow.id}: engine ${f.ok ? 'reaches' : 'does not reach'}, reference ${expected ? 'reaches' : 'does not'}`;
    if (f.ok) continue;
    const named = findings.filter((x) => x.flow?.includes(f.flow.description));
    const partial = f.traces.some((t) => t.trace.ok);
    if (!named.some((x) => x.severity === 'error' || (partial && x.rule === 'reach/partial')))
      return `${f.flow.id} does not reach, but no error finding names it`;
  }
  return undefined;
}

function property(base: () => Design, runs: number, seed: number, ops = mutation) {
  const start = base();
  fc.assert(
    fc.property(fc.array(ops, { minLength: 1, maxLength: 4 }), (mutations) => {
      const d = edit(start, (x) => mutations.forEach((m) => mutate(x, m)));
      const problem = disagreement(d);
      if (problem) throw new Error(`${problem}\nmutations: ${JSON.stringify(mutations)}`);
    }),
    { numRuns: runs, seed },
  );
}

// What fast-check found while the engine was being written, shrunk; each failed once. All three
// were flows blocked by a route to a peering of other VPCs: the verdicts agreed, but only the
// route's own finding was reported, and it named no flow.
const REGRESSIONS: [string, () => Design, Mutation[]][] = [
  [
    'example 1, peering moved and VPC re-addressed',
    () => example(1),
    [
      { op: 6, a: 0, b: 0, c: 0 },
      { op: 7, a: 0, b: 184, c: 0 },
      { op: 0, a: 0, b: 339, c: 0 },
    ],
  ],
  [
    'example 2, default route to another VPCs’ peering',
    () => example(2),
    [
      { op: 1, a: 3, b: 0, c: 723 },
      { op: 0, a: 663, b: 0, c: 0 },
    ],
  ],
  [
    'generated design (seed 0), route retargeted',
    () => generateDesign({ vpcs: 4, seed: 0, regions: 2 }),
    [
      { op: 2, a: 30, b: 0, c: 431 },
      { op: 0, a: 0, b: 0, c: 0 },
    ],
  ],
];

describe('engine and reference judge agree on every required flow', () => {
  it.each(REGRESSIONS)('regression: %s', (_, base, mutations) => {
    const d = edit(base(), (x) => mutations.forEach((m) => mutate(x, m)));
    expect(disagreement(d)).toBeUndefined();
    expect(analyze(d).flows.some((f) => !f.ok)).toBe(true);
  });

  it('on 1,500 random mutations of example 1', () => property(() => example(1), 1500, 101));
  it('on 1,500 random mutations of example 2', () => property(() => example(2), 1500, 202));
  it('on 1,000 random mutations of example 3 (Transit Gateway hub)', () =>
    property(() => example(3), 1000, 303, tgwMutation));
  it('on 1,000 random mutations of example 3 rebuilt on one TGW in one region', () =>
    property(sameRegionHub, 1000, 304, tgwMutation));
  it('on 300 random mutations of generated designs', () =>
    fc.assert(
      fc.property(fc.nat(50), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        const d = edit(generateDesign({ vpcs: 4 + (seed % 4), seed, regions: 2 }), (x) =>
          mutations.forEach((m) => mutate(x, m)),
        );
        const problem = disagreement(d);
        if (problem) throw new Error(`${problem}\nseed ${seed}, mutations: ${JSON.stringify(mutations)}`);
      }),
      { numRuns: 300, seed: 303 },
    ));

  it('judged enough flows both ways to mean something', () => {
    console.log(
      `differential: ${totals.designs} designs, ${totals.flows} flows compared (${totals.reached} reach, ${totals.flows - totals.reached} do not)`,
    );
    expect(totals.designs).toBeGreaterThan(3000);
    expect(totals.reached).toBeGreaterThan(5000);
    expect(totals.flows - totals.reached).toBeGreaterThan(2000);
  });
});
