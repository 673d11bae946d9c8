/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// Faults planted in the collected JSON give the same findings as the same faults drawn by hand.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../src/import/aws/index';
import { importInto } from '../../src/import/into';
import type { Design } from '../../src/model/schema';
import { edit, example, endpoint, group, table } from '../rules/helpers';
import { describeAsCli, editFile, type Folder } from './describe';
import { judged } from './helpers';

interface Fault {
  label: string;
  cli: Folder;
  hand: Design;
  rule: string;
}

// The worker VPC of both examples is in account 222222222222: us-east-1 (Example 1), us-west-2 (Example 2).
function faults(n: 1 | 2): Fault[] {
  const drawn = example(n);
  const folder = describeAsCli(drawn);
  const worker = `222222222222/${drawn.vpcs.find((v) => v.id === 'vpc-worker')!.region}`;
  return [
    {
      label: 'a route removed',
      cli: editFile(folder, `${worker}/describe-route-tables.json`, (j) => {
        const t = j.RouteTables.find((x: any) => x.RouteTableId === 'rt-worker');
        t.Routes = t.Routes.filter((r: any) => r.DestinationCidrBlock !== '11.0.0.0/16');
      }),
      hand: edit(drawn, (d) => {
        const t = table(d, 'rt-worker');
        t.routes = t.routes.filter((r) => r.destination !== '11.0.0.0/16');
      }),
      rule: 'route/missing',
    },
    {
      label: 'a rule narrowed to port 80',
      cli: editFile(folder, `${worker}/describe-security-groups.json`, (j) => {
        const g = j.SecurityGroups.find((x: any) => x.GroupId === 'sg-endpoints');
        g.IpPermissions[0].FromPort = 80;
        g.IpPermissions[0].ToPort = 80;
      }),
      hand: edit(drawn, (d) => {
        group(d, 'sg-endpoints').ingress[0]!.fromPort = 80;
        group(d, 'sg-endpoints').ingress[0]!.toPort = 80;
      }),
      rule: 'sg/ingress-443',
    },
    {
      label: 'an endpoint without the group',
      cli: editFile(folder, `${worker}/describe-vpc-endpoints.json`, (j) => {
        j.VpcEndpoints.find((x: any) => x.VpcEndpointId === 'vpce-ssm').Groups = [];
      }),
      hand: edit(drawn, (d) => {
        endpoint(d, 'vpce-ssm').securityGroups = [];
      }),
      rule: 'sg/ingress-443',
    },
  ];
}

describe.each([1, 2] as const)('planted faults in the collected JSON of Example %i', (n) => {
  it.each(faults(n))('$label: the same findings as drawn by hand', ({ cli, hand, rule }) => {
    const result = importAws(cli);
    expect(result.findings.filter((x) => x.severity === 'error')).toEqual([]);
    const got = judged(importInto(example(n), result.design).design);
    expect(got).toEqual(judged(hand));
    expect(got.some((line) => line.startsWith(`error ${rule} `))).toBe(true);
  });
});
