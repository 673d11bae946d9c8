// Routing and traces on real designs: longest-prefix match, return routes, non-transitive
// peering, and a trace that names what blocks. The walk's cheap mode must agree with its traced mode.
import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../src/model/design-index';
import { generateDesign } from '../../src/model/generate';
import type { Design } from '../../src/model/schema';
import { cidrOf } from '../../src/network/cidr';
import { buildNetwork } from '../../src/network/model';
import { routeParts } from '../../src/network/next-hop';
import { endpointSubnetsOf, flowPasses, judgeFlow, traceFlow } from '../../src/network/reachability';
import { analyze } from '../../src/rules/registry';
import { deriveRequirements } from '../../src/veeam/flows';
import { edit, example, table } from '../rules/helpers';

function netOf(d: Design) {
  return buildNetwork(indexDesign(d));
}

const toText = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** The two halves of a block, e.g. 11.0.1.0/24 → 11.0.1.0/25 and 11.0.1.128/25. */
function halves(block: string): [string, string] {
  const c = cidrOf(block)!;
  const half = (c.last - c.first + 1) / 2;
  return [`${toText(c.first)}/${c.prefix + 1}`, `${toText(c.first + half)}/${c.prefix + 1}`];
}

/** Every subnet of the other VPCs, as seen from VPC `vi`. */
const othersSubnets = (d: Design, vi: number) =>
  d.vpcs.filter((_, i) => i !== vi).flatMap((v) => v.subnets.map((s) => s.cidr));

describe('route lookup', () => {
  it('prefers the longest prefix and the local route inside the VPC', () => {
    const d = edit(example(1), (x) => {
      table(x, 'rt-worker').routes = [
        { destination: '0.0.0.0/0', gateway: 'nat' },
        { destination: '11.0.0.0/8', gateway: 'internet' },
        { destination: '11.0.1.0/24', peering: 'pcx-worker-repo' },
      ];
    });
    const net = netOf(d);
    const v = d.vpcs[1]!;
    const t = v.routeTables[0]!;
    const at = (c: string) => routeParts(net, v, t, cidrOf(c)!).map((p) => p.hop);
    expect(at('11.0.1.0/24')).toMatchObject([
      { kind: 'peering', route: { route: { peering: 'pcx-worker-repo' } } },
    ]);
    expect(at('11.0.2.0/24')).toMatchObject([{ kind: 'gateway', gateway: 'internet' }]);
    expect(at('8.8.8.8/32')).toMatchObject([{ kind: 'gateway', gateway: 'nat' }]);
    expect(at('10.0.9.0/24')).toMatchObject([{ kind: 'local' }]);
  });
  it('a subnet without an explicit table uses the main one', () => {
    const d = edit(example(1), (x) => delete x.vpcs[1]!.subnets[0]!.routeTable);
    const net = netOf(d);
    expect(net.tableOf(d.vpcs[1]!.subnets[0]!, d.vpcs[1]!)?.id).toBe('rt-worker');
  });
});

describe('traces', () => {
  it('a passing flow has every hop of the Reachability Analyzer story', () => {
    const s3 = analyze(example(1)).flows.find((f) => f.flow.kind === 'worker-repository')!;
    expect(s3.ok).toBe(true);
    expect(s3.traces[0]!.trace.hops.map((h) => h.kind)).toEqual([
      'source',
      'route-table',
      'route',
      'peering',
      'destination-route-table',
      'return-route',
      'sg-egress',
      'sg-ingress',
      'destination',
    ]);
    expect(JSON.parse(JSON.stringify(s3)).traces).toHaveLength(1);
  });
  it('a blocked flow names every blocking element, forward and return', () => {
    const d = edit(example(1), (x) => {
      table(x, 'rt-worker').routes = [];
      table(x, 'rt-repo').routes = [];
    });
    const s3 = analyze(d).flows.find((f) => f.flow.kind === 'worker-repository')!;
    const trace = s3.traces[0]!.trace;
    expect(trace.ok).toBe(false);
    expect(trace.blocking).toEqual(expect.arrayContaining(['rt-worker', 'rt-repo']));
    expect(trace.hops.find((h) => h.kind === 'return-route')).toMatchObject({
      verdict: 'fail',
      reason: 'no-route',
    });
  });
  it('the cheap mode agrees with the traced mode on every flow of many broken designs', () => {
    const designs: Design[] = [example(1), example(2), generateDesign({ vpcs: 40, seed: 5 })];
    for (const base of [example(1), example(2)])
      for (let vi = 0; vi < base.vpcs.length; vi++)
        for (const mutate of [
          (d: Design) => (d.vpcs[vi]!.routeTables[0]!.routes = d.vpcs[vi]!.routeTables[0]!.routes.slice(1)),
          (d: Design) => (d.vpcs[vi]!.securityGroups[0]!.ingress = []),
          (d: Design) => (d.vpcs[vi]!.securityGroups.at(-1)!.egress = []),
          (d: Design) => d.peerings.forEach((p) => (p.status = 'pending-acceptance')),
          (d: Design) =>
            (d.vpcs[vi]!.routeTables[0]!.routes = [{ destination: '0.0.0.0/0', gateway: 'nat' }]),
          // Narrower routes: half of every other subnet to a gateway, or both halves over the
          // table's first peering instead of its wider routes.
          (d: Design) =>
            d.vpcs[vi]!.routeTables[0]!.routes.push(
              ...othersSubnets(d, vi).map((c) => ({ destination: halves(c)[0], gateway: 'nat' as const })),
            ),
          (d: Design) => {
            const t = d.vpcs[vi]!.routeTables[0]!;
            const peering = t.routes.find((r) => r.peering)?.peering;
            if (peering)
              t.routes = othersSubnets(d, vi).flatMap((c) =>
                halves(c).map((h) => ({ destination: h, peering })),
              );
          },
        ])
          designs.push(edit(base, mutate));
    let compared = 0;
    for (const d of designs) {
      const index = indexDesign(d);
      const net = buildNetwork(index);
      for (const p of deriveRequirements(index, net).flows)
        for (const s of p.endpoint.subnets) {
          const subnet = index.subnets.get(s)!.element;
          const target = { endpoint: p.endpoint, vpc: p.endpointVpc, subnet };
          const trace = traceFlow(net, p.source, target);
          expect(judgeFlow(net, p.source, target), p.flow.id).toBe(trace.ok);
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(300);
  });
});

describe('whole-flow verdict', () => {
  it('a flow passes exactly when it has endpoint subnets in its VPC and each one passes', () => {
    const designs: Design[] = [];
    for (const base of [example(1), example(2)])
      for (let vi = 0; vi < base.vpcs.length; vi++)
        for (const mutate of [
          (d: Design) => (d.vpcs[vi]!.securityGroups[0]!.ingress = []),
          (d: Design) => (d.vpcs[vi]!.securityGroups.at(-1)!.egress = []),
          (d: Design) => (d.vpcs[vi]!.routeTables[0]!.routes = []),
          (d: Design) => (d.vpcs[vi]!.subnets[0]!.cidr = '10.0.0.300/33'),
          (d: Design) => d.vpcs[vi]!.endpoints.forEach((e) => (e.securityGroups = [])),
        ])
          designs.push(edit(base, mutate));
    let passing = 0;
    let failing = 0;
    for (const d of designs) {
      const net = buildNetwork(indexDesign(d));
      for (const p of deriveRequirements(net.index, net).flows) {
        const subnets = endpointSubnetsOf(net, p.endpoint, p.endpointVpc);
        const each = subnets.map((subnet) =>
          judgeFlow(net, p.source, { endpoint: p.endpoint, vpc: p.endpointVpc, subnet }),
        );
        const whole = flowPasses(net, p.source, p.endpoint, p.endpointVpc);
        expect(whole, p.flow.id).toBe(each.length > 0 && each.every((v) => v));
        if (whole) passing++;
        else failing++;
      }
    }
    expect(passing).toBeGreaterThan(50);
    expect(failing).toBeGreaterThan(20);
  });
});
