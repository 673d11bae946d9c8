import { describe, expect, it } from 'vitest';
import example1 from '../../examples/example-1-ec2-backup.json';
import example2 from '../../examples/example-2-ec2-archive.json';
import { applyCommands, describeCommand } from '../../src/model/command';
import { addAccount } from '../../src/model/commands/account';
import { addEndpoint } from '../../src/model/commands/endpoint';
import { addRoute, removeRoute, setRoute } from '../../src/model/commands/route';
import { addSgRule, removeSgRule, setSgRule } from '../../src/model/commands/sg-rule';
import { addSubnet } from '../../src/model/commands/subnet';
import { addVpc, moveVpcToAccount, vpcMoveRefusal } from '../../src/model/commands/vpc';
import { connectPeering, peeringRefusal } from '../../src/model/commands/peering';
import { deleteElements, deletion, newId, setFields } from '../../src/model/commands/element';
import { moveOperation } from '../../src/model/commands/operation';
import { setDesignFields } from '../../src/model/commands/design';
import { setLayout } from '../../src/model/commands/layout';
import { setMainRouteTable } from '../../src/model/commands/route-table';
import { loadDesignValue } from '../../src/model/parse';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';

function load(value: unknown): Design {
  const r = loadDesignValue(value);
  if (!r.ok) throw new Error('example does not load');
  return r.design;
}
const ex1 = () => load(example1);
const vpc = (d: Design, id: string) => d.vpcs.find((v) => v.id === id)!;
const rt = (d: Design, id: string) => d.vpcs.flatMap((v) => v.routeTables).find((t) => t.id === id)!;
const sg = (d: Design, id: string) => d.vpcs.flatMap((v) => v.securityGroups).find((g) => g.id === id)!;
/** Every id referenced anywhere must exist: no structural finding after an edit. */
const structural = (d: Design) =>
  validate(d).filter((f) => f.rule === 'design/invalid-reference' || f.rule === 'design/duplicate-id');

describe('adding elements', () => {
  it('adds an account with its canvas position and never mutates the input', () => {
    const before = ex1();
    const frozen = JSON.stringify(before);
    const after = applyCommands(before, [
      addAccount({
        account: { id: 'acct-new', name: 'New', accountId: '555555555555' },
        at: { x: 10.4, y: 20.6 },
      }),
    ]);
    expect(after.accounts.map((a) => a.id)).toContain('acct-new');
    expect(after.layout?.['acct-new']).toEqual({ x: 10, y: 21 });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('adds a VPC, a subnet in it, an endpoint and a route, leaving the design structurally sound', () => {
    const d = ex1();
    const after = applyCommands(d, [
      addVpc({
        vpc: load({
          format: 'vbaws-network-design',
          version: 1,
          vpcs: [{ id: 'vpc-x', account: 'acct-prod', region: 'us-east-1', cidr: '10.9.0.0/16' }],
        }).vpcs[0]!,
        at: { x: 5, y: 5 },
      }),
      addSubnet({
        vpc: 'vpc-x',
        subnet: { id: 'sn-x', name: 'x', cidr: '10.9.1.0/24', az: 'us-east-1a', mapPublicIpOnLaunch: false },
      }),
      addEndpoint({
        vpc: 'vpc-x',
        endpoint: {
          id: 'vpce-x',
          service: 'ssm',
          type: 'Interface',
          subnets: ['sn-x'],
          securityGroups: [],
          routeTables: [],
          privateDns: true,
        },
      }),
    ]);
    expect(vpc(after, 'vpc-x').subnets.map((s) => s.id)).toEqual(['sn-x']);
    expect(vpc(after, 'vpc-x').endpoints[0]?.service).toBe('ssm');
    expect(structural(after)).toEqual([]);
  });

  it('adding a subnet to an unknown VPC is a no-op', () => {
    const d = ex1();
    const after = applyCommands(d, [
      addSubnet({
        vpc: 'nope',
        subnet: { id: 'sn-y', name: '', cidr: '10.0.9.0/24', az: 'us-east-1a', mapPublicIpOnLaunch: false },
        at: { x: 1, y: 1 },
      }),
    ]);
    expect(after).toBe(d);
  });
});

describe('peerings', () => {
  it('refuses self and duplicate peerings, in either direction, with a message', () => {
    const d = ex1();
    expect(peeringRefusal(d, 'vpc-worker', 'vpc-worker')).toMatch(/itself/);
    expect(peeringRefusal(d, 'vpc-repo', 'vpc-worker')).toMatch(/already peered/);
    expect(peeringRefusal(d, 'vpc-worker', 'vpc-appliance')).toBeNull();
    const dup = applyCommands(d, [
      connectPeering({
        peering: { id: 'pcx-dup', requester: 'vpc-repo', accepter: 'vpc-worker', status: 'active' },
      }),
    ]);
    expect(dup).toBe(d);
    const ok = applyCommands(d, [
      connectPeering({
        peering: { id: 'pcx-new', requester: 'vpc-worker', accepter: 'vpc-appliance', status: 'active' },
      }),
    ]);
    expect(ok.peerings.map((p) => p.id)).toContain('pcx-new');
  });
});

describe('fields', () => {
  it('sets fields on nested elements and removes fields set to undefined', () => {
    const d = ex1();
    const after = applyCommands(d, [
      setFields({ id: 'sn-worker-a', fields: { cidr: '10.0.2.0/24', routeTable: undefined } }),
      setFields({ id: 'vpce-ssm', fields: { privateDns: false } }),
      setFields({ id: 'appliance', fields: { ip: '172.16.1.20' } }),
      setFields({ id: 'sn-worker-a', fields: { id: 'hijack' } }),
      setDesignFields({ fields: { name: 'Renamed', format: 'x' } }),
    ]);
    const sn = vpc(after, 'vpc-worker').subnets[0]!;
    expect(sn.id).toBe('sn-worker-a');
    expect(sn.cidr).toBe('10.0.2.0/24');
    expect('routeTable' in sn).toBe(false);
    expect(vpc(after, 'vpc-worker').endpoints.find((e) => e.id === 'vpce-ssm')?.privateDns).toBe(false);
    expect(after.appliance?.ip).toBe('172.16.1.20');
    expect(after.name).toBe('Renamed');
    expect(after.format).toBe('vbaws-network-design');
    // Untouched VPCs keep their identity (the canvas re-renders only what changed).
    expect(vpc(after, 'vpc-repo')).toBe(vpc(d, 'vpc-repo'));
  });

  it('keeps exactly one main route table per VPC', () => {
    const d = applyCommands(ex1(), [setFields({ id: 'vpc-worker', fields: {} })]);
    const withTwo = {
      ...d,
      vpcs: d.vpcs.map((v) =>
        v.id === 'vpc-worker'
          ? { ...v, routeTables: [...v.routeTables, { id: 'rt-2', main: false, routes: [] }] }
          : v,
      ),
    };
    const after = applyCommands(withTwo, [setMainRouteTable({ routeTable: 'rt-2' })]);
    expect(vpc(after, 'vpc-worker').routeTables.map((t) => [t.id, t.main])).toEqual([
      ['rt-worker', false],
      ['rt-2', true],
    ]);
  });
});

describe('routes and rules', () => {
  it('adds, changes and removes routes by index', () => {
    const d = ex1();
    const a = applyCommands(d, [
      addRoute({ routeTable: 'rt-worker', route: { destination: '0.0.0.0/0', gateway: 'nat' } }),
    ]);
    expect(rt(a, 'rt-worker').routes).toHaveLength(2);
    const b = applyCommands(a, [
      setRoute({
        routeTable: 'rt-worker',
        index: 1,
        route: { destination: '0.0.0.0/0', gateway: 'internet' },
      }),
    ]);
    expect(rt(b, 'rt-worker').routes[1]).toEqual({ destination: '0.0.0.0/0', gateway: 'internet' });
    const c = applyCommands(b, [removeRoute({ routeTable: 'rt-worker', index: 0 })]);
    expect(rt(c, 'rt-worker').routes.map((r) => r.destination)).toEqual(['0.0.0.0/0']);
    expect(applyCommands(c, [removeRoute({ routeTable: 'rt-worker', index: 7 })])).toBe(c);
  });

  it('adds, changes and removes security-group rules per direction', () => {
    const d = ex1();
    const rule = { protocol: 'tcp' as const, fromPort: 443, toPort: 443, securityGroup: 'sg-worker' };
    const a = applyCommands(d, [addSgRule({ securityGroup: 'sg-endpoints', direction: 'ingress', rule })]);
    expect(sg(a, 'sg-endpoints').ingress).toHaveLength(2);
    expect(sg(a, 'sg-endpoints').egress).toHaveLength(1);
    const b = applyCommands(a, [
      setSgRule({
        securityGroup: 'sg-endpoints',
        direction: 'ingress',
        index: 1,
        rule: { ...rule, toPort: 444 },
      }),
    ]);
    expect(sg(b, 'sg-endpoints').ingress[1]?.toPort).toBe(444);
    const c = applyCommands(b, [
      removeSgRule({ securityGroup: 'sg-endpoints', direction: 'ingress', index: 0 }),
    ]);
    expect(sg(c, 'sg-endpoints').ingress.map((r) => r.securityGroup)).toEqual(['sg-worker']);
  });
});

describe('layout', () => {
  it('stores rounded positions, keeps stored sizes, and is a no-op when nothing moved', () => {
    const d = applyCommands(ex1(), [
      setLayout({ boxes: { 'vpc-worker': { x: 1.2, y: 2.7, w: 400, h: 300 } } }),
    ]);
    expect(d.layout?.['vpc-worker']).toEqual({ x: 1, y: 3, w: 400, h: 300 });
    const moved = applyCommands(d, [setLayout({ boxes: { 'vpc-worker': { x: 50, y: 60 } } })]);
    expect(moved.layout?.['vpc-worker']).toEqual({ x: 50, y: 60, w: 400, h: 300 });
    expect(applyCommands(moved, [setLayout({ boxes: { 'vpc-worker': { x: 50, y: 60 } } })])).toBe(moved);
  });
});

describe('moving a VPC to another account', () => {
  it('moves the VPC, its worker configuration follows, its old position is dropped', () => {
    const d = applyCommands(ex1(), [setLayout({ boxes: { 'vpc-worker': { x: 10, y: 10 } } })]);
    expect(vpcMoveRefusal(d, 'vpc-worker', 'acct-prod')).toBeNull();
    const after = applyCommands(d, [moveVpcToAccount({ vpc: 'vpc-worker', account: 'acct-prod' })]);
    expect(vpc(after, 'vpc-worker').account).toBe('acct-prod');
    expect(after.workerConfigurations[0]?.account).toBe('acct-prod');
    expect(after.layout?.['vpc-worker']).toBeUndefined();
  });

  it('refuses moves to a missing account or away from an RDS operation that protects the VPC', () => {
    const d = ex1();
    expect(vpcMoveRefusal(d, 'vpc-worker', 'acct-nope')).toMatch(/account/);
    expect(vpcMoveRefusal(d, 'vpc-worker', 'acct-backup')).toMatch(/already/);
    const withRds = {
      ...d,
      operations: [
        ...d.operations,
        {
          id: 'op-rds',
          kind: 'rds-backup' as const,
          account: 'acct-backup',
          region: 'us-east-1',
          vpc: 'vpc-worker',
          repository: 'repo-std',
          workersIn: 'backup-account' as const,
          restoreToOriginal: false,
        },
      ],
    };
    expect(vpcMoveRefusal(withRds, 'vpc-worker', 'acct-prod')).toMatch(/protects/);
    expect(applyCommands(withRds, [moveVpcToAccount({ vpc: 'vpc-worker', account: 'acct-prod' })])).toBe(
      withRds,
    );
  });
});

describe('deleting with reference cleanup', () => {
  it('deleting a peering removes the routes that target it, in both VPCs', () => {
    const d = ex1();
    const plan = deletion(d, ['pcx-worker-repo']);
    expect(plan.removed).toEqual(['peering workers ↔ repository (pcx-worker-repo)']);
    expect(plan.cleared).toHaveLength(2);
    expect(rt(plan.design, 'rt-worker').routes).toEqual([]);
    expect(rt(plan.design, 'rt-repo').routes.map((r) => r.peering)).toEqual(['pcx-appliance-repo']);
    expect(structural(plan.design)).toEqual([]);
  });

  it('deleting an account removes its VPCs, their peerings, repositories, worker configurations and the appliance', () => {
    const d = ex1();
    const plan = deletion(d, ['acct-repo']);
    expect(plan.design.vpcs.map((v) => v.id)).toEqual(['vpc-appliance', 'vpc-worker']);
    expect(plan.design.repositories).toEqual([]);
    expect(plan.design.peerings).toEqual([]);
    expect(plan.design.operations[0]?.repository).toBeUndefined();
    expect(plan.removed).toContain('endpoint vpce-s3-repo');
    expect(plan.cleared.some((c) => c.includes('repository cleared'))).toBe(true);
    expect(structural(plan.design)).toEqual([]);

    const noAppliance = deletion(d, ['acct-appliance']);
    expect(noAppliance.design.appliance).toBeUndefined();
    expect(structural(noAppliance.design)).toEqual([]);
  });

  it('deleting a security group drops rules, endpoint and appliance references and the worker configuration', () => {
    const d = ex1();
    const after = applyCommands(d, [deleteElements({ ids: ['sg-endpoints', 'sg-worker'] })]);
    expect(vpc(after, 'vpc-worker').endpoints.every((e) => e.securityGroups.length === 0)).toBe(true);
    expect(after.workerConfigurations).toEqual([]);
    expect(structural(after)).toEqual([]);
  });

  it('deleting a subnet or route table clears references; the deletion is undoable as one command', () => {
    const d = ex1();
    const a = applyCommands(d, [deleteElements({ ids: ['rt-worker'] })]);
    expect(vpc(a, 'vpc-worker').subnets[0]?.routeTable).toBeUndefined();
    const b = applyCommands(d, [deleteElements({ ids: ['sn-appliance'] })]);
    expect(b.appliance).toBeUndefined();
    expect(structural(b)).toEqual([]);
    expect(describeCommand(d, deleteElements({ ids: ['sn-appliance'] }))).toMatch(/sn-appliance/);
  });

  it('every single-element deletion of both examples leaves no dangling reference', () => {
    for (const d of [ex1(), load(example2)]) {
      const ids = [
        ...d.accounts.map((a) => a.id),
        ...d.vpcs.flatMap((v) =>
          [v.id, ...v.subnets, ...v.routeTables, ...v.securityGroups, ...v.endpoints].map((x) =>
            typeof x === 'string' ? x : x.id,
          ),
        ),
        ...d.peerings.map((p) => p.id),
        ...d.repositories.map((r) => r.id),
        ...d.workerConfigurations.map((w) => w.id),
        ...d.operations.map((o) => o.id),
        ...(d.appliance ? [d.appliance.id] : []),
      ];
      for (const id of ids) {
        const after = applyCommands(d, [deleteElements({ ids: [id] })]);
        expect(structural(after), `after deleting ${id}`).toEqual([]);
        // No value anywhere still names it (keys such as "appliance" are field names, not references).
        const refs = JSON.stringify(after, (k, v) => (k === 'name' || k === 'description' ? undefined : v));
        expect(refs).not.toMatch(new RegExp(`[:,\\[]"${id}"`));
      }
    }
  });

  it('deleting an unknown id changes nothing', () => {
    const d = ex1();
    expect(applyCommands(d, [deleteElements({ ids: ['ghost'] })])).toBe(d);
  });
});

describe('operations and ids', () => {
  it('reorders operations and makes fresh ids', () => {
    const d = ex1();
    const two = { ...d, operations: [...d.operations, { ...d.operations[0]!, id: 'op-2' }] };
    expect(applyCommands(two, [moveOperation({ id: 'op-2', by: -1 })]).operations.map((o) => o.id)).toEqual([
      'op-2',
      'op-ec2-backup',
    ]);
    expect(newId(d, 'vpc-worker')).toBe('vpc-worker-2');
    expect(newId(d, 'vpc-new', new Set(['vpc-new']))).not.toBe('vpc-new');
  });
});
