// Planted faults on both examples: remove any single route, endpoint, security-group rule or
// peering a flow needs → the specific rule fires naming the element to change; parts no flow
// needs can go without a finding; and "fix all" repairs everything fixable.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { fixAll } from '../../src/rules/fix';
import { validate } from '../../src/rules/registry';
import { edit, example, serious } from './helpers';

interface Fault {
  label: string;
  design: Design;
  /** The rule expected and an element it must name; undefined when nothing needs the part. */
  expect?: { rule: string; element: string };
  fixable: boolean;
}

// Archive-only parts (flow 4) are warnings; the appliance's way out is informational only.
function expectationFor(n: 1 | 2, kind: string, holder: string, detail: string): Fault['expect'] {
  const archive =
    n === 2 &&
    ((holder === 'rt-repo-std' && detail === '13.0.0.0/16') ||
      (holder === 'rt-repo-archive' && detail === '11.0.0.0/16') ||
      (holder === 'sg-s3-std' && detail === '13.0.0.0/16') ||
      (holder === 'sg-s3-archive' && detail === '11.0.0.0/16'));
  if (archive) return { rule: 'archive/repository-peering', element: holder };
  if (kind === 'route') {
    if (detail === '0.0.0.0/0') return undefined;
    // The appliance keeps a default route to NAT: without its peering route, NAT wins the longest match.
    return { rule: holder === 'rt-appliance' ? 'route/wrong-target' : 'route/missing', element: holder };
  }
  if (kind === 'ingress')
    return holder === 'sg-appliance' ? undefined : { rule: 'sg/ingress-443', element: holder };
  if (kind === 'egress')
    return holder === 'sg-worker' || holder === 'sg-appliance'
      ? { rule: 'sg/egress-443', element: holder }
      : undefined;
  return undefined;
}

function faults(n: 1 | 2): Fault[] {
  const base = example(n);
  const out: Fault[] = [];
  base.vpcs.forEach((v, vi) => {
    v.routeTables.forEach((t, ti) =>
      t.routes.forEach((r, ri) =>
        out.push({
          label: `route ${r.destination} of ${t.id}`,
          design: edit(base, (d) => d.vpcs[vi]!.routeTables[ti]!.routes.splice(ri, 1)),
          expect: expectationFor(n, 'route', t.id, r.destination),
          fixable: true,
        }),
      ),
    );
    v.securityGroups.forEach((g, gi) =>
      (['ingress', 'egress'] as const).forEach((dir) =>
        g[dir].forEach((r, ri) =>
          out.push({
            label: `${dir} ${r.cidr} of ${g.id}`,
            design: edit(base, (d) => d.vpcs[vi]!.securityGroups[gi]![dir].splice(ri, 1)),
            expect: expectationFor(n, dir, g.id, r.cidr ?? ''),
            fixable: true,
          }),
        ),
      ),
    );
    v.endpoints.forEach((e, ei) =>
      out.push({
        label: `endpoint ${e.id}`,
        design: edit(base, (d) => d.vpcs[vi]!.endpoints.splice(ei, 1)),
        // A repository naming a vanished S3 endpoint is a dangling reference; services are missing endpoints.
        expect:
          e.service === 's3'
            ? {
                rule: 'design/invalid-reference',
                element: base.repositories.find((r) => r.s3Endpoint === e.id)!.id,
              }
            : { rule: 'endpoint/missing', element: v.id },
        fixable: e.service !== 's3',
      }),
    );
  });
  base.peerings.forEach((p, pi) =>
    out.push({
      label: `peering ${p.id}`,
      design: edit(base, (d) => d.peerings.splice(pi, 1)),
      expect: {
        rule: 'design/invalid-reference',
        element: base.vpcs
          .flatMap((v) => v.routeTables)
          .find((t) => t.routes.some((r) => r.peering === p.id))!.id,
      },
      fixable: false,
    }),
  );
  return out;
}

describe.each([1, 2] as const)('example %i', (n) => {
  const cases = faults(n);
  it('has a fault for every route, rule, endpoint and peering', () => {
    expect(cases.length).toBeGreaterThan(n === 1 ? 15 : 25);
  });
  it.each(cases.map((c) => [c.label, c] as const))('without %s', (_label, c) => {
    const findings = validate(c.design);
    if (!c.expect) {
      expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
      return;
    }
    const hits = findings.filter((f) => f.rule === c.expect!.rule);
    expect(hits.length, JSON.stringify(findings.map((f) => f.rule))).toBeGreaterThan(0);
    expect(hits.flatMap((f) => f.elements)).toContain(c.expect.element);
    if (c.fixable) expect(serious(fixAll(c.design))).toEqual([]);
  });
});

describe('fix all', () => {
  it('repairs many planted faults at once in example 1', () => {
    const broken = edit(example(1), (d) => {
      d.vpcs[1]!.routeTables[0]!.routes = [];
      d.vpcs[2]!.routeTables[0]!.routes = [];
      d.vpcs[1]!.endpoints = d.vpcs[1]!.endpoints.filter((e) => e.service !== 'ssm' && e.service !== 'sqs');
      d.vpcs[1]!.dnsHostnames = false;
      d.vpcs[2]!.securityGroups[0]!.ingress = [];
      d.vpcs[1]!.securityGroups[1]!.egress = [];
      d.peerings[1]!.status = 'pending-acceptance';
      d.vpcs[1]!.subnets[0]!.mapPublicIpOnLaunch = true;
    });
    expect(validate(broken).filter((f) => f.severity === 'error').length).toBeGreaterThan(5);
    const fixed = fixAll(broken);
    expect(serious(fixed)).toEqual([]);
    // The fix adds only what is needed: one route each way per peering.
    expect(fixed.vpcs[1]!.routeTables[0]!.routes).toEqual([
      { destination: '11.0.0.0/16', peering: 'pcx-worker-repo' },
    ]);
  });
  it('leaves a valid design unchanged', () => {
    const e = example(2);
    expect(fixAll(e)).toBe(e);
  });
  it('merges a duplicate private-DNS endpoint into the kept one', () => {
    const d = edit(example(1), (x) =>
      x.vpcs[1]!.endpoints.push({ ...x.vpcs[1]!.endpoints[1]!, id: 'vpce-ssm-dup' }),
    );
    const fixed = fixAll(d);
    expect(fixed.vpcs[1]!.endpoints.map((e) => e.id)).not.toContain('vpce-ssm-dup');
    expect(serious(fixed)).toEqual([]);
  });
});
