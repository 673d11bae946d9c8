// A new interface endpoint and its security group look the same whether the user drops them from
// the palette or applies the endpoint/missing fix: both build them with the kind factories.
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/model/command';
import type { Design, Endpoint, SecurityGroup } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { endpointCommands } from '../../src/ui/canvas/drop';
import { ENDPOINT_SERVICES } from '../../src/veeam/endpoints';
import { OPERATION_REQUIREMENTS } from '../../src/veeam/operations';
import { edit, example, vpc } from './helpers';

/** Example 1 with the worker VPC stripped of its interface endpoints and their group. */
const bare = (): Design =>
  edit(example(1), (d) => {
    const v = vpc(d, 'vpc-worker');
    v.endpoints = [];
    v.securityGroups = v.securityGroups.filter((g) => g.id === 'sg-worker');
    for (const g of d.vpcs.flatMap((x) => x.securityGroups))
      for (const list of [g.ingress, g.egress])
        list.splice(0, list.length, ...list.filter((r) => r.securityGroup !== 'sg-endpoints'));
  });

function added(before: Design, after: Design): { group: SecurityGroup; endpoint: Endpoint } {
  const was = vpc(before, 'vpc-worker');
  const now = vpc(after, 'vpc-worker');
  const group = now.securityGroups.find((g) => !was.securityGroups.some((x) => x.id === g.id))!;
  const endpoint = now.endpoints.find((e) => e.service === 'ssm')!;
  return { group, endpoint };
}

/** What a user sees of the new group and endpoint, ids and address ranges aside. */
const defaults = ({ group, endpoint }: { group: SecurityGroup; endpoint: Endpoint }) => ({
  group: {
    name: group.name,
    ingress: group.ingress.map(({ cidr: _c, ...r }) => r),
    egress: group.egress,
  },
  endpoint: { type: endpoint.type, privateDns: endpoint.privateDns, routeTables: endpoint.routeTables },
  guardedBy: endpoint.securityGroups.includes(group.id),
});

describe('the drop and the fixes create the same endpoint and group defaults', () => {
  it('an ssm endpoint dropped on the worker subnet equals the endpoint/missing fix', () => {
    const d = bare();
    const dropped = applyCommands(d, endpointCommands(d, 'vpc-worker', 'sn-worker-a', ['ssm']));
    const fix = validate(d).find((f) => f.rule === 'endpoint/missing' && f.message.includes(' ssm '))?.fix;
    expect(fix).toBeDefined();
    const fixed = applyCommands(d, fix!.commands);
    expect(defaults(added(d, dropped))).toEqual(defaults(added(d, fixed)));
    expect(defaults(added(d, fixed)).guardedBy).toBe(true);
  });

  it('the palette offers every service an operation needs, and S3', () => {
    const needed = Object.values(OPERATION_REQUIREMENTS).flatMap((r) => [
      ...r.services,
      ...r.servicesWhenRestoreToOriginal,
    ]);
    for (const service of [...needed, 's3']) expect(ENDPOINT_SERVICES).toContain(service);
  });
});
