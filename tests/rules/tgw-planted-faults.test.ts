// Planted faults on Example 3 (the Transit Gateway hub): each breaks the required flows at one TGW
// hop; the tgw/* rule names the TGW route table or attachment at fault, the affected flow gets an
// error, and the fix (where one exists) brings the design back to no errors. Each tgw/* rule's own
// fires/silent cases are in transit-gateway.test.ts.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { applyCommands } from '../../src/model/command';
import { fixAll } from '../../src/rules/fix';
import type { Fix } from '../../src/rules/types';
import { validate } from '../../src/rules/registry';
import { edit, example, serious } from './helpers';
import { sameRegionHub } from './tgw-variants';

const tgw = (d: Design, id: string) => d.transitGateways.find((t) => t.id === id)!;
const attachment = (d: Design, id: string) => d.transitGatewayAttachments.find((a) => a.id === id)!;

interface Fault {
  label: string;
  design: Design;
  rule: string;
  element: string;
  /** Words of the affected flow the finding must name. */
  flow: string;
  fixable: boolean;
}

const FAULTS: Fault[] = [
  {
    label: 'blackholed route for the repository subnet in us-east-1',
    design: edit(example(3), (d) =>
      tgw(d, 'tgw-use1').routeTables[0]!.routes.push({ destination: '11.0.1.0/24', blackhole: true }),
    ),
    rule: 'tgw/blackhole',
    element: 'tgw-rtb-use1',
    flow: 'workers',
    fixable: true,
  },
  {
    label: 'repository attachment does not propagate into the us-west-2 table',
    design: edit(example(3), (d) => (attachment(d, 'tgw-attach-repo').propagations = [])),
    rule: 'tgw/no-route',
    element: 'tgw-rtb-usw2',
    flow: 'workers',
    fixable: true,
  },
  {
    label: 'worker attachment associated with an empty table',
    design: edit(example(3), (d) => {
      tgw(d, 'tgw-use1').routeTables.push({ id: 'tgw-rtb-isolated', name: 'isolated', routes: [] });
      attachment(d, 'tgw-attach-worker').routeTable = 'tgw-rtb-isolated';
    }),
    rule: 'tgw/no-route',
    element: 'tgw-rtb-isolated',
    flow: 'workers',
    fixable: true,
  },
  {
    label: 'us-west-2 table lacks the return route to the workers',
    design: edit(example(3), (d) => {
      const t = tgw(d, 'tgw-usw2').routeTables[0]!;
      t.routes = t.routes.filter((r) => r.destination !== '10.0.0.0/16');
    }),
    rule: 'tgw/no-return-route',
    element: 'tgw-rtb-usw2',
    flow: 'workers',
    fixable: true,
  },
  {
    label: 'TGW not shared with the repository account',
    design: edit(example(3), (d) => (tgw(d, 'tgw-usw2').sharedWith = [])),
    rule: 'tgw/not-shared',
    element: 'tgw-attach-repo',
    flow: 'workers',
    fixable: true,
  },
  {
    label: "worker attachment lacks the workers' AZ",
    design: edit(example(3), (d) => {
      const v = d.vpcs.find((x) => x.id === 'vpc-worker')!;
      v.subnets.push({
        id: 'sn-tgw-b',
        name: 'tgw b',
        cidr: '10.0.250.0/28',
        az: 'us-east-1b',
        mapPublicIpOnLaunch: false,
      });
      attachment(d, 'tgw-attach-worker').subnets = ['sn-tgw-b'];
    }),
    rule: 'tgw/az-not-attached',
    element: 'tgw-attach-worker',
    flow: 'workers',
    fixable: true,
  },
  {
    label: 'worker VPC not attached at all',
    design: edit(example(3), (d) => {
      d.transitGatewayAttachments = d.transitGatewayAttachments.filter((a) => a.id !== 'tgw-attach-worker');
    }),
    rule: 'tgw/no-attachment',
    element: 'tgw-use1',
    flow: 'workers',
    fixable: true,
  },
  {
    label: 'repository VPC route back to the TGW removed',
    design: edit(example(3), (d) => {
      const t = d.vpcs.find((x) => x.id === 'vpc-repo')!.routeTables[0]!;
      t.routes = t.routes.filter((r) => r.destination !== '10.0.0.0/16');
    }),
    rule: 'route/missing',
    element: 'rt-repo',
    flow: 'workers',
    fixable: true,
  },
];

describe('Example 3 (Transit Gateway hub)', () => {
  it('has no errors or warnings', () => {
    expect(serious(example(3))).toEqual([]);
  });
});

/** The repository endpoint's group admits the workers by naming their group instead of their range. */
function byReference(d: Design): Design {
  return edit(d, (x) => {
    const g = x.vpcs.find((v) => v.id === 'vpc-repo')!.securityGroups[0]!;
    g.ingress = g.ingress.map((r) =>
      r.cidr === '10.0.0.0/16'
        ? { protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' }
        : r,
    );
  });
}

const applyFix = (d: Design, fix: Fix) => applyCommands(d, fix.commands);

const workersFlow = (d: Design) =>
  validate(d).filter((f) => f.severity === 'error' && /workers/i.test(f.flow ?? ''));

describe('a flow relying on a security-group reference across a TGW', () => {
  it('is refused at the security-group hop when referencing is off, naming the rule and the TGW, fixed by turning it on', () => {
    const base = sameRegionHub();
    expect(workersFlow(base), 'the same-region variant passes with the address-range rule').toEqual([]);
    const d = byReference(base);
    const f = validate(d).filter((x) => x.rule === 'tgw/sg-reference');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.flow).toMatch(/workers/i);
    expect(f[0]!.elements).toEqual(expect.arrayContaining(['sg-s3-endpoint', 'tgw-use1']));
    expect(f[0]!.message).toMatch(
      /inbound rule of security group "S3 interface endpoint" names group "worker instances"/,
    );
    expect(f[0]!.message).toContain('hub us-east-1');
    expect(f[0]!.fix!.title).toMatch(/Turn on security group referencing on transit gateway "hub us-east-1"/);
    const fixed = applyFix(d, f[0]!.fix!);
    expect(tgw(fixed, 'tgw-use1').securityGroupReferencing).toBe(true);
    expect(workersFlow(fixed)).toEqual([]);
  });

  it('passes when the TGW and both attachments have referencing on', () => {
    const on = edit(
      byReference(sameRegionHub()),
      (d) => (tgw(d, 'tgw-use1').securityGroupReferencing = true),
    );
    expect(workersFlow(on)).toEqual([]);
  });

  it('is refused when one VPC attachment has referencing off, and the fix turns that attachment on', () => {
    const d = edit(byReference(sameRegionHub()), (x) => {
      tgw(x, 'tgw-use1').securityGroupReferencing = true;
      attachment(x, 'tgw-attach-repo').securityGroupReferencing = false;
    });
    const f = validate(d).find((x) => x.rule === 'tgw/sg-reference');
    expect(f?.elements).toContain('tgw-attach-repo');
    expect(f!.fix!.title).toBe('Turn on security group referencing on attachment "repository VPC"');
    expect(workersFlow(applyFix(d, f!.fix!))).toEqual([]);
  });

  it('an outbound rule naming the endpoint group across the TGW never resolves; the fix admits the block', () => {
    const d = edit(sameRegionHub(), (x) => {
      tgw(x, 'tgw-use1').securityGroupReferencing = true;
      const w = x.vpcs.find((v) => v.id === 'vpc-worker')!.securityGroups.find((g) => g.id === 'sg-worker')!;
      w.egress = [
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' },
        { protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-s3-endpoint' },
      ];
    });
    const f = validate(d).find((x) => x.rule === 'tgw/sg-reference');
    expect(f?.message).toMatch(/outbound/);
    expect(f!.fix!.title).toMatch(/tcp\/443 out to 11\.0\.0\.0\/16/);
    expect(workersFlow(applyFix(d, f!.fix!))).toEqual([]);
  });

  it('across regions (a peering attachment) even referencing on does not resolve; the fix is the address-range rule', () => {
    for (const on of [false, true]) {
      const d = edit(byReference(example(3)), (x) => {
        for (const t of x.transitGateways) t.securityGroupReferencing = on;
      });
      const f = validate(d).filter((x) => x.rule === 'tgw/sg-reference');
      expect(f.length, `referencing ${on}`).toBeGreaterThan(0);
      expect(f[0]!.severity).toBe('error');
      expect(f[0]!.fix!.title).toMatch(/^Admit tcp\/443 from 10\.0\./);
      expect(workersFlow(applyFix(d, f[0]!.fix!))).toEqual([]);
    }
  });

  it('a group of the same VPC needs no TGW', () => {
    const d = edit(example(3), (x) => {
      const g = x.vpcs.find((v) => v.id === 'vpc-worker')!.securityGroups[0]!;
      g.ingress.push({ protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' });
    });
    expect(validate(d).filter((x) => x.rule === 'tgw/sg-reference')).toEqual([]);
  });
});

describe('the "create attachment" fix', () => {
  const unattached = (d: Design, id: string) =>
    edit(d, (x) => {
      x.transitGatewayAttachments = x.transitGatewayAttachments.filter((a) => a.id !== id);
    });

  it("attaches the workers' VPC with a subnet of the AZ its flows use, by the TGW's default tables", () => {
    const d = unattached(example(3), 'tgw-attach-worker');
    const f = validate(d).find((x) => x.rule === 'tgw/no-attachment');
    expect(f?.fix?.title).toBe(
      'Attach VPC "Worker VPC" to transit gateway "hub us-east-1" (subnets in us-east-1a; its default association and propagation tables)',
    );
    const fixed = applyFix(d, f!.fix!);
    const created = fixed.transitGatewayAttachments.find((a) => a.vpc === 'vpc-worker')!;
    expect(created).toMatchObject({ transitGateway: 'tgw-use1', subnets: ['sn-worker-a'], status: 'active' });
    // Omitted association and propagations mean the TGW's default tables (design format).
    expect(created.routeTable).toBeUndefined();
    expect(created.propagations).toBeUndefined();
    expect(validate(fixed).filter((x) => x.rule === 'tgw/no-attachment')).toEqual([]);
    expect(workersFlow(fixed)).toEqual([]);
  });

  it('shares the TGW first when the VPC belongs to another account', () => {
    const d = edit(unattached(example(3), 'tgw-attach-repo'), (x) => (tgw(x, 'tgw-usw2').sharedWith = []));
    const f = validate(d).find((x) => x.rule === 'tgw/no-attachment' && x.elements.includes('vpc-repo'));
    expect(f?.fix?.title).toMatch(/^Share transit gateway "hub us-west-2" with account .* and attach VPC/);
    const fixed = applyFix(d, f!.fix!);
    expect(tgw(fixed, 'tgw-usw2').sharedWith).toEqual(['acct-repo']);
    expect(validate(fixed).filter((x) => x.rule === 'tgw/no-attachment')).toEqual([]);
  });

  it('offers none when the TGW is in another region than the VPC', () => {
    const d = edit(example(3), (x) => {
      x.transitGatewayAttachments = x.transitGatewayAttachments.filter((a) => a.id !== 'tgw-attach-worker');
      x.vpcs.find((v) => v.id === 'vpc-worker')!.routeTables[0]!.routes[0]!.transitGateway = 'tgw-usw2';
    });
    const f = validate(d).find((x) => x.rule === 'tgw/no-attachment');
    expect(f).toBeDefined();
    expect(f!.fix).toBeUndefined();
  });
});

describe.each(FAULTS)('planted TGW fault: $label', (fault) => {
  it(`gives ${fault.rule} as an error naming ${fault.element} on the affected flow`, () => {
    const findings = validate(fault.design).filter((f) => f.rule === fault.rule);
    expect(findings.length).toBeGreaterThan(0);
    const hit = findings.find((f) => f.elements.includes(fault.element));
    expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(hit!.severity).toBe('error');
    expect(hit!.flow ?? '').toMatch(new RegExp(fault.flow, 'i'));
  });

  it(fault.fixable ? 'fix all brings it back to no errors' : 'has no automatic fix', () => {
    if (!fault.fixable) {
      expect(validate(fault.design).find((f) => f.rule === fault.rule)!.fix).toBeUndefined();
      return;
    }
    const fixed = fixAll(fault.design);
    expect(validate(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
