// "Create peering" and "create the repository's S3 endpoint": the fixes that let Fix all go from
// drawn boxes to a working design.
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/model/command';
import type { Design } from '../../src/model/schema';
import { fixAllWithReport } from '../../src/rules/fix';
import { createPeeringFix, peeringIdFor } from '../../src/rules/missing-links';
import { edit, example, serious, vpc, withRule } from './helpers';

/** Example 2 as a user draws it: accounts, VPCs, subnets, the appliance, the worker configuration,
 * the repositories and the operation, and nothing that connects them (no peering, no route, no
 * endpoint, no security-group rule but the workers' HTTPS out). */
function boxesOnly(): Design {
  return edit(example(2), (d) => {
    d.peerings = [];
    for (const v of d.vpcs) {
      v.routeTables = [{ id: `rt-${v.id}`, name: 'main', main: true, routes: [] }];
      v.endpoints = [];
      v.securityGroups = v.securityGroups
        .filter((g) => g.id === 'sg-worker')
        .map((g) => ({
          ...g,
          ingress: [],
          egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }],
        }));
      for (const s of v.subnets) delete s.routeTable;
    }
    d.appliance!.securityGroups = [];
    for (const r of d.repositories) delete r.s3Endpoint;
  });
}

const pairs = (d: Design) => d.peerings.map((p) => [p.requester, p.accepter].sort().join(' ↔ ')).sort();

describe('Fix all from drawn boxes', () => {
  it('the drawn design has errors that only new peerings and endpoints can fix', () => {
    const d = boxesOnly();
    const missing = withRule(d, 'repository/no-endpoint');
    expect(missing.map((f) => f.elements[0]).sort()).toEqual(['repo-archive', 'repo-std']);
    for (const f of missing) expect(f.fix?.title).toMatch(/Create an S3 interface endpoint in VPC/);
  });

  it('reaches 0 errors and 0 warnings in one Fix all, creating the peerings Example 2 has', () => {
    const report = fixAllWithReport(boxesOnly());
    expect(serious(report.design)).toEqual([]);
    expect(pairs(report.design)).toEqual(pairs(example(2)));
    for (const p of report.design.peerings) expect(p.status).toBe('active');
    // Every repository now names an S3 interface endpoint of its own region.
    for (const r of report.design.repositories) {
      const holder = report.design.vpcs.find((v) => v.endpoints.some((e) => e.id === r.s3Endpoint));
      expect(holder?.region).toBe(r.region);
    }
  });
});

describe('Create peering', () => {
  const noPeering = () =>
    edit(example(2), (d) => {
      d.peerings = d.peerings.filter((p) => p.id !== 'pcx-worker-std');
      for (const v of d.vpcs)
        for (const t of v.routeTables) t.routes = t.routes.filter((r) => r.peering !== 'pcx-worker-std');
    });

  it('is the fix of route/missing where no peering joins the VPCs, with the routes both ways', () => {
    const d = noPeering();
    const finding = withRule(d, 'route/missing').find((f) => f.fix?.title.startsWith('Create peering'));
    expect(finding, 'a route/missing finding offering Create peering').toBeDefined();
    const fixed = applyCommands(d, finding!.fix!.commands);
    const created = fixed.peerings.find(
      (p) => [p.requester, p.accepter].sort().join() === ['vpc-repo-std', 'vpc-worker'].sort().join(),
    );
    expect(created?.status).toBe('active');
    const worker = vpc(fixed, 'vpc-worker').routeTables.flatMap((t) => t.routes);
    const repo = vpc(fixed, 'vpc-repo-std').routeTables.flatMap((t) => t.routes);
    expect(worker).toContainEqual({ destination: '11.0.0.0/16', peering: created!.id });
    expect(repo.some((r) => r.peering === created!.id && r.destination.startsWith('12.0.'))).toBe(true);
    // One click on that fix leaves the pair's flows working: Fix all has nothing left to do.
    expect(withRule(fixed, 'route/missing')).toEqual([]);
    expect(serious(fixed)).toEqual([]);
  });

  it('is not offered for VPCs whose blocks overlap (AWS refuses to peer them)', () => {
    const d = edit(noPeering(), (x) => {
      vpc(x, 'vpc-repo-std').cidr = '12.0.0.0/16';
      vpc(x, 'vpc-repo-std').subnets[0]!.cidr = '12.0.9.0/24';
    });
    const fix = createPeeringFix(d, {
      source: { vpc: vpc(d, 'vpc-worker'), subnets: vpc(d, 'vpc-worker').subnets, range: '12.0.1.0/24' },
      target: {
        vpc: vpc(d, 'vpc-repo-std'),
        subnet: vpc(d, 'vpc-repo-std').subnets[0],
        block: '12.0.0.0/16',
      },
    });
    expect(fix).toBeUndefined();
  });

  it('names the new peering the same from either side, so two findings create one peering', () => {
    const d = noPeering();
    expect(peeringIdFor(d, 'vpc-worker', 'vpc-repo-std')).toBe(peeringIdFor(d, 'vpc-repo-std', 'vpc-worker'));
    const fixes = withRule(d, 'route/missing').flatMap((f) =>
      f.fix?.title.startsWith('Create peering') ? [f.fix] : [],
    );
    const once = applyCommands(
      d,
      fixes.flatMap((f) => f.commands),
    );
    expect(once.peerings.length).toBe(d.peerings.length + 1);
  });
});

describe('a fix edits the security-group rule that was meant for the traffic', () => {
  const narrowed = (port: number) =>
    edit(example(1), (d) => {
      const rule = d.vpcs.flatMap((v) => v.securityGroups).find((g) => g.id === 'sg-endpoints')!.ingress[0]!;
      rule.fromPort = port;
      rule.toPort = port;
    });
  const ingressOf = (d: Design) =>
    d.vpcs.flatMap((v) => v.securityGroups).find((g) => g.id === 'sg-endpoints')!.ingress;

  it('a rule narrowed to port 80 is changed back, not joined by a second rule', () => {
    const d = narrowed(80);
    const [finding] = withRule(d, 'sg/ingress-443');
    expect(finding?.fix?.title).toMatch(
      /^Change ingress rule tcp\/80 from 10\.0\.0\.0\/16 in security group .* to tcp\/443$/,
    );
    const fixed = fixAllWithReport(d).design;
    expect(ingressOf(fixed)).toEqual(ingressOf(example(1)));
    expect(serious(fixed)).toEqual([]);
  });

  it('a rule for remote login (port 22) stays, and a rule for 443 is added beside it', () => {
    const d = narrowed(22);
    const [finding] = withRule(d, 'sg/ingress-443');
    expect(finding?.fix?.title).toMatch(/^Admit tcp\/443 from/);
    const fixed = fixAllWithReport(d).design;
    expect(ingressOf(fixed)[0]).toMatchObject({ fromPort: 22, toPort: 22 });
    expect(ingressOf(fixed).some((r) => r.fromPort === 443)).toBe(true);
    expect(serious(fixed)).toEqual([]);
  });
});
