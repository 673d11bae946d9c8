// Planted faults on Example 3 (the Transit Gateway hub): each breaks the required flows at one TGW
// hop; the tgw/* rule names the TGW route table or attachment at fault, the affected flow gets an
// error, and the fix (where one exists) brings the design back to no errors. Each tgw/* rule's own
// fires/silent cases are in transit-gateway.test.ts.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { fixAll } from '../../src/rules/fix';
import { validate } from '../../src/rules/registry';
import { edit, example, serious } from './helpers';

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
    fixable: false,
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
