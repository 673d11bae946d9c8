/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// The corners of real CLI output: several CIDR blocks, main-table associations, -1 protocols,
// group pairs with UserId, pending and deleted peerings, two views of one peering, what the format
// cannot hold, and input that is not the CLI's JSON.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../src/import/aws/index';
import { readCliJson } from '../../src/import/aws/json';
import { example } from '../rules/helpers';
import { describeAsCli, editFile, type Folder } from './describe';

const drawn = example(1);
const base = describeAsCli(drawn);
const worker = '222222222222/us-east-1';
const repo = '444444444444/us-west-2';
const vpc = (f: Folder, id: string) => importAws(f).design.vpcs.find((v) => v.id === id)!;

describe('reading the CLI JSON', () => {
  it('merges pages concatenated into one file and drops NextToken', () => {
    const r = readCliJson('{"Vpcs":[{"VpcId":"a"}],"NextToken":"x"}\n{"Vpcs":[{"VpcId":"b"}]}\n');
    expect(r).toEqual({ ok: true, document: { Vpcs: [{ VpcId: 'a' }, { VpcId: 'b' }] } });
  });

  it('names the file and the JSON path of an item it cannot use, and imports the rest', () => {
    const f = editFile(base, `${worker}/describe-subnets.json`, (j) => {
      j.Subnets.push({
        SubnetId: 'subnet-bad',
        VpcId: 'vpc-worker',
        CidrBlock: 42,
        AvailabilityZone: 'us-east-1b',
      });
    });
    const r = importAws(f);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: `${worker}/describe-subnets.json`,
        path: '$.Subnets[1].CidrBlock',
      }),
    );
    expect(r.design.vpcs.find((v) => v.id === 'vpc-worker')!.subnets.map((s) => s.id)).toEqual([
      'sn-worker-a',
    ]);
  });

  it('a file that is not the CLI JSON (table output) is named, the rest still imports', () => {
    const f = new Map(base);
    f.set(`${worker}/describe-security-groups.json`, '-----\n|  DescribeSecurityGroups  |\n');
    const r = importAws(f);
    const bad = r.findings.find((x) => x.file === `${worker}/describe-security-groups.json`)!;
    expect(bad.severity).toBe('error');
    expect(bad.message).toMatch(/line 1, column 1/);
    expect(r.design.vpcs).toHaveLength(3);
  });

  it('JSON of another call names the member it expected', () => {
    const f = new Map(base);
    f.set(`${worker}/describe-route-tables.json`, '{"Subnets": []}');
    expect(importAws(f).findings).toContainEqual(
      expect.objectContaining({
        file: `${worker}/describe-route-tables.json`,
        path: '$.RouteTables',
        severity: 'error',
      }),
    );
  });

  it('a missing file is "none of those here", said as an info finding', () => {
    const f = new Map(base);
    f.delete(`${worker}/describe-vpc-endpoints.json`);
    const r = importAws(f);
    expect(vpc(f, 'vpc-worker').endpoints).toEqual([]);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        rule: 'import/missing-file',
        severity: 'info',
        file: `${worker}/describe-vpc-endpoints.json`,
      }),
    );
  });

  it('a TGW route table without its search-transit-gateway-routes file is an info finding', () => {
    const f = new Map(base);
    f.set(
      `${worker}/describe-transit-gateways.json`,
      '{"TransitGateways": [{"TransitGatewayId": "tgw-0abc", "OwnerId": "222222222222", "State": "available"}]}',
    );
    f.set(
      `${worker}/describe-transit-gateway-route-tables.json`,
      '{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-0abc", "TransitGatewayId": "tgw-0abc", "State": "available"}]}',
    );
    const r = importAws(f);
    expect(r.design.transitGateways.map((t) => t.id)).toEqual(['tgw-0abc']);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        rule: 'import/missing-file',
        file: `${worker}/search-transit-gateway-routes-tgw-rtb-0abc.json`,
      }),
    );
  });

  it('a folder without ACCOUNT_ID/REGION is an error, not an empty design passing as fine', () => {
    const r = importAws(new Map([['describe-vpcs.json', '{"Vpcs":[]}']]));
    expect(r.findings.map((x) => x.rule)).toEqual(['import/ignored-file', 'import/empty']);
  });
});

describe('elements', () => {
  it('several CIDR associations: the primary is the cidr, the other associated ones secondaryCidrs', () => {
    const f = editFile(base, `${worker}/describe-vpcs.json`, (j) => {
      j.Vpcs[0].CidrBlockAssociationSet.push(
        {
          AssociationId: 'vpc-cidr-assoc-2',
          CidrBlock: '10.1.0.0/16',
          CidrBlockState: { State: 'associated' },
        },
        {
          AssociationId: 'vpc-cidr-assoc-3',
          CidrBlock: '10.9.0.0/16',
          CidrBlockState: { State: 'disassociated' },
        },
      );
    });
    expect(vpc(f, 'vpc-worker')).toMatchObject({ cidr: '10.0.0.0/16', secondaryCidrs: ['10.1.0.0/16'] });
  });

  it('the main association marks the main table; a subnet without an association uses it', () => {
    const f = editFile(base, `${worker}/describe-route-tables.json`, (j) => {
      j.RouteTables[0].Associations = j.RouteTables[0].Associations.filter((a: any) => a.Main);
    });
    const v = vpc(f, 'vpc-worker');
    expect(v.routeTables[0]!.main).toBe(true);
    expect(v.subnets[0]!.routeTable).toBeUndefined();
  });

  it('grouped IpPermissions expand to one rule per CIDR and group pair; -1 keeps no ports', () => {
    const f = editFile(base, `${worker}/describe-security-groups.json`, (j) => {
      const g = j.SecurityGroups.find((x: any) => x.GroupId === 'sg-endpoints');
      g.IpPermissions = [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'workers' }, { CidrIp: '10.1.0.0/16' }],
          Ipv6Ranges: [{ CidrIpv6: '2600:1f18::/56' }],
          PrefixListIds: [{ PrefixListId: 'pl-0123' }],
          UserIdGroupPairs: [
            { GroupId: 'sg-worker', UserId: '222222222222' },
            { GroupId: 'sg-0elsewhere', UserId: '999999999999' },
          ],
        },
        {
          IpProtocol: '-1',
          IpRanges: [{ CidrIp: '172.16.0.0/16' }],
          Ipv6Ranges: [],
          PrefixListIds: [],
          UserIdGroupPairs: [],
        },
      ];
    });
    const r = importAws(f);
    const g = r.design.vpcs
      .find((v) => v.id === 'vpc-worker')!
      .securityGroups.find((x) => x.id === 'sg-endpoints')!;
    expect(g.ingress).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', description: 'workers' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.1.0.0/16' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' },
      { protocol: '-1', cidr: '172.16.0.0/16' },
    ]);
    const notJudged = r.findings.filter((x) => x.rule === 'import/not-judged').map((x) => x.message);
    expect(notJudged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/IPv6 is not judged/),
        expect.stringMatching(/prefix lists are not judged/),
        expect.stringMatching(/sg-0elsewhere of account 999999999999/),
      ]),
    );
  });

  it('routes keep peering and gateway targets; a TGW not collected and others are named in an info finding', () => {
    const f = editFile(base, `${worker}/describe-route-tables.json`, (j) => {
      j.RouteTables[0].Routes.push(
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0abc', Origin: 'CreateRoute', State: 'active' },
        {
          DestinationCidrBlock: '192.168.0.0/16',
          TransitGatewayId: 'tgw-0abc',
          Origin: 'CreateRoute',
          State: 'active',
        },
        {
          DestinationCidrBlock: '192.169.0.0/16',
          VpcPeeringConnectionId: 'pcx-gone',
          Origin: 'CreateRoute',
          State: 'blackhole',
        },
      );
    });
    const r = importAws(f);
    expect(r.design.vpcs.find((v) => v.id === 'vpc-worker')!.routeTables[0]!.routes).toEqual([
      { destination: '11.0.0.0/16', peering: 'pcx-worker-repo' },
      { destination: '0.0.0.0/0', gateway: 'internet' },
    ]);
    const messages = r.findings.map((x) => x.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /route 192\.168\.0\.0\/16 → tgw-0abc of rt-worker: that Transit Gateway is not in/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/192\.169\.0\.0\/16 → pcx-gone .*blackhole/));
  });

  it('endpoints keep subnets, groups, private DNS and service; DnsEntries are read past', () => {
    const e = vpc(base, 'vpc-worker').endpoints.find((x) => x.id === 'vpce-ssm')!;
    expect(e).toEqual({
      id: 'vpce-ssm',
      service: 'ssm',
      type: 'Interface',
      subnets: ['sn-worker-a'],
      securityGroups: ['sg-endpoints'],
      routeTables: [],
      privateDns: true,
    });
  });
});

describe('peerings', () => {
  it('seen from both sides become one', () => {
    const r = importAws(base);
    expect(r.design.peerings.filter((p) => p.id === 'pcx-worker-repo')).toHaveLength(1);
  });

  it('views that differ are named, field and files', () => {
    const f = editFile(base, `${repo}/describe-vpc-peering-connections.json`, (j) => {
      j.VpcPeeringConnections.find((p: any) => p.VpcPeeringConnectionId === 'pcx-worker-repo').Status.Code =
        'pending-acceptance';
    });
    const diff = importAws(f).findings.find((x) => x.rule === 'import/peering-views-differ')!;
    expect(diff.message).toContain('Status.Code');
    expect(diff.message).toContain(`${worker}/describe-vpc-peering-connections.json`);
    expect(diff.file).toBe(`${repo}/describe-vpc-peering-connections.json`);
  });

  it('pending acceptance is kept as pending; deleted is dropped with an info', () => {
    const change = (j: any) => {
      j.VpcPeeringConnections.find((p: any) => p.VpcPeeringConnectionId === 'pcx-worker-repo').Status = {
        Code: 'pending-acceptance',
        Message: 'Pending Acceptance by 444444444444',
      };
      j.VpcPeeringConnections.push({
        ...structuredClone(j.VpcPeeringConnections[0]),
        VpcPeeringConnectionId: 'pcx-0old',
        Status: { Code: 'deleted', Message: 'Deleted by 222222222222' },
      });
    };
    const f = editFile(
      editFile(base, `${repo}/describe-vpc-peering-connections.json`, change),
      `${worker}/describe-vpc-peering-connections.json`,
      change,
    );
    const r = importAws(f);
    expect(r.design.peerings.find((p) => p.id === 'pcx-worker-repo')!.status).toBe('pending-acceptance');
    expect(r.design.peerings.some((p) => p.id === 'pcx-0old')).toBe(false);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ rule: 'import/dropped', elements: ['pcx-0old'] }),
    );
  });
});

describe('archives', () => {
  it("a zip's side files (__MACOSX, dot files) are skipped without a note", () => {
    const f = new Map(base);
    f.set('__MACOSX/222222222222/us-east-1/._describe-vpcs.json', '\u0000\u0005binary');
    f.set('222222222222/us-east-1/.describe-vpcs.json.swp', 'x');
    const r = importAws(f);
    expect(r.findings.filter((x) => x.file?.includes('MACOSX') || x.file?.includes('.swp'))).toEqual([]);
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });
});
