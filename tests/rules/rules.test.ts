// Per rule: a design where it fires (with the right elements) and a look-alike where it must not.
// Both examples are real, valid designs; each case changes as little as possible.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { edit, endpoint, example, group, serious, table, vpc, withRule } from './helpers';

const e1 = example(1);
const e2 = example(2);

function fires(design: Design, rule: string, elements: string[] = []) {
  const found = withRule(design, rule);
  expect(
    found.length,
    `${rule} should fire; got ${JSON.stringify(validate(design).map((f) => f.rule))}`,
  ).toBeGreaterThan(0);
  const all = found.flatMap((f) => f.elements);
  for (const e of elements) expect(all).toContain(e);
  return found;
}

function silent(design: Design, rule: string) {
  expect(withRule(design, rule)).toEqual([]);
}

describe('untouched examples', () => {
  it.each([1, 2] as const)('example %i has no error or warning', (n) => {
    expect(serious(example(n))).toEqual([]);
  });
  it('the examples’ 11.0.0.0/16-style blocks are reported as info only', () => {
    expect(withRule(e1, 'cidr/non-rfc1918').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('structure', () => {
  it('design/invalid-reference: a dangling route table', () => {
    fires(
      edit(e1, (d) => (vpc(d, 'vpc-worker').subnets[0]!.routeTable = 'rt-nope')),
      'design/invalid-reference',
      ['sn-worker-a'],
    );
    silent(e1, 'design/invalid-reference');
  });
  it('design/invalid-reference: an S3 endpoint that serves another service, an archive op aimed at a standard repo', () => {
    fires(
      edit(e1, (d) => (d.repositories[0]!.s3Endpoint = 'vpce-ssm')),
      'design/invalid-reference',
      ['repo-std'],
    );
    fires(
      edit(e2, (d) => (d.operations[0]!.archiveRepository = 'repo-std')),
      'design/invalid-reference',
      ['op-ec2-archive'],
    );
  });
  it('design/duplicate-id', () => {
    fires(
      edit(e1, (d) => (group(d, 'sg-worker').id = 'sg-endpoints')),
      'design/duplicate-id',
      ['sg-endpoints'],
    );
    silent(e1, 'design/duplicate-id');
  });
});

describe('accounts, regions, AZs', () => {
  it('account/invalid-id: 11 digits fire, leading zeros are fine', () => {
    fires(
      edit(e1, (d) => (d.accounts[0]!.accountId = '11111111111')),
      'account/invalid-id',
      ['acct-appliance'],
    );
    silent(
      edit(e1, (d) => (d.accounts[0]!.accountId = '000000000001')),
      'account/invalid-id',
    );
  });
  it('region/unknown', () => {
    fires(
      edit(e1, (d) => (d.repositories[0]!.region = 'us-west-9')),
      'region/unknown',
      ['repo-std'],
    );
    silent(e1, 'region/unknown');
  });
  it('subnet/az-mismatch: an AZ of another region fires, any real AZ of the region does not', () => {
    fires(
      edit(e1, (d) => (vpc(d, 'vpc-worker').subnets[0]!.az = 'us-west-2a')),
      'subnet/az-mismatch',
      ['sn-worker-a'],
    );
    fires(
      edit(e1, (d) => (vpc(d, 'vpc-worker').subnets[0]!.az = 'us-east-1z')),
      'subnet/az-mismatch',
      ['sn-worker-a'],
    );
    silent(
      edit(e1, (d) => (vpc(d, 'vpc-worker').subnets[0]!.az = 'us-east-1f')),
      'subnet/az-mismatch',
    );
  });
});

describe('CIDR', () => {
  it('cidr/invalid: host bits set names the real block', () => {
    const [f] = fires(
      edit(e1, (d) => (vpc(d, 'vpc-worker').subnets[0]!.cidr = '10.0.1.7/24')),
      'cidr/invalid',
      ['sn-worker-a'],
    );
    expect(f!.message).toContain('10.0.1.0/24');
    fires(
      edit(e1, (d) => (d.appliance!.ip = '172.16.1.300')),
      'cidr/invalid',
      ['appliance'],
    );
    silent(e1, 'cidr/invalid');
  });
  it('cidr/vpc-size: /8 fires, /28 is allowed', () => {
    fires(
      edit(e1, (d) => (vpc(d, 'vpc-worker').cidr = '10.0.0.0/8')),
      'cidr/vpc-size',
      ['vpc-worker'],
    );
    silent(
      edit(e1, (d) => (vpc(d, 'vpc-worker').secondaryCidrs = ['10.1.0.0/28'])),
      'cidr/vpc-size',
    );
  });
  it('cidr/subnet-outside-vpc: a subnet in a secondary block is inside', () => {
    fires(
      edit(e1, (d) => (vpc(d, 'vpc-worker').subnets[0]!.cidr = '10.9.1.0/24')),
      'cidr/subnet-outside-vpc',
      ['sn-worker-a'],
    );
    silent(
      edit(e1, (d) => {
        vpc(d, 'vpc-worker').secondaryCidrs = ['10.9.0.0/16'];
        vpc(d, 'vpc-worker').subnets.push({
          id: 'sn-extra',
          name: 'extra',
          cidr: '10.9.1.0/24',
          az: 'us-east-1b',
          mapPublicIpOnLaunch: false,
        });
      }),
      'cidr/subnet-outside-vpc',
    );
  });
  it('cidr/subnet-overlap: nested blocks overlap, adjacent ones do not', () => {
    const add = (cidr: string) => (d: Design) =>
      vpc(d, 'vpc-worker').subnets.push({
        id: 'sn-extra',
        name: 'extra',
        cidr,
        az: 'us-east-1b',
        mapPublicIpOnLaunch: false,
      });
    fires(edit(e1, add('10.0.1.128/25')), 'cidr/subnet-overlap', ['sn-worker-a', 'sn-extra']);
    silent(edit(e1, add('10.0.2.0/24')), 'cidr/subnet-overlap');
  });
  it('cidr/non-rfc1918 is info and quiet inside 172.16.0.0/12', () => {
    expect(withRule(e1, 'cidr/non-rfc1918').map((f) => [f.severity, f.elements])).toEqual([
      ['info', ['vpc-repo']],
    ]);
    silent(
      edit(e1, (d) => (vpc(d, 'vpc-repo').cidr = '172.31.0.0/16')),
      'cidr/non-rfc1918',
    );
  });
});

describe('peering', () => {
  it('peering/self', () => {
    fires(
      edit(e1, (d) => (d.peerings[0]!.accepter = 'vpc-worker')),
      'peering/self',
      ['pcx-worker-repo'],
    );
    silent(e1, 'peering/self');
  });
  it('peering/duplicate: the same pair in the other direction counts', () => {
    const dup = edit(e1, (d) =>
      d.peerings.push({ id: 'pcx-again', requester: 'vpc-repo', accepter: 'vpc-worker', status: 'active' }),
    );
    fires(dup, 'peering/duplicate', ['pcx-worker-repo', 'pcx-again']);
    silent(
      edit(e1, (d) =>
        d.peerings.push({
          id: 'pcx-other',
          requester: 'vpc-appliance',
          accepter: 'vpc-worker',
          status: 'active',
        }),
      ),
      'peering/duplicate',
    );
  });
  it('peering/cidr-overlap', () => {
    fires(
      edit(e1, (d) => (vpc(d, 'vpc-repo').secondaryCidrs = ['10.0.0.0/20'])),
      'peering/cidr-overlap',
      ['pcx-worker-repo'],
    );
    silent(
      edit(e1, (d) => (vpc(d, 'vpc-repo').secondaryCidrs = ['10.1.0.0/20'])),
      'peering/cidr-overlap',
    );
  });
  it('peering/not-active: only when a required flow crosses it', () => {
    const [f] = fires(
      edit(e1, (d) => (d.peerings[0]!.status = 'pending-acceptance')),
      'peering/not-active',
      ['pcx-worker-repo'],
    );
    expect(f!.fix?.commands[0]).toMatchObject({ type: 'peering/accept', peering: 'pcx-worker-repo' });
    silent(
      edit(e1, (d) =>
        d.peerings.push({
          id: 'pcx-unused',
          requester: 'vpc-appliance',
          accepter: 'vpc-worker',
          status: 'pending-acceptance',
        }),
      ),
      'peering/not-active',
    );
  });
});

describe('routes', () => {
  it('route/missing (forward), fixed by a route to the peering', () => {
    const d = edit(e1, (x) => (table(x, 'rt-worker').routes = []));
    const [f] = fires(d, 'route/missing', ['rt-worker', 'pcx-worker-repo']);
    expect(f!.fix?.commands[0]).toMatchObject({
      type: 'route/add',
      routeTable: 'rt-worker',
      route: { destination: '11.0.0.0/16', peering: 'pcx-worker-repo' },
    });
    expect(f!.flow).toContain('Back up production EC2 instances');
  });
  it('route/missing (return), including the /32 the appliance needs', () => {
    const d = edit(e1, (x) => table(x, 'rt-repo').routes.splice(1, 1));
    const [f] = fires(d, 'route/missing', ['rt-repo', 'pcx-appliance-repo']);
    expect(f!.message).toContain('return route');
    expect(f!.fix?.commands[0]).toMatchObject({
      route: { destination: '172.16.1.10/32', peering: 'pcx-appliance-repo' },
    });
  });
  it('a wider route that still covers, and a /32 return route for the appliance, are fine', () => {
    const wider = edit(
      e1,
      (x) => (table(x, 'rt-worker').routes = [{ destination: '11.0.0.0/8', peering: 'pcx-worker-repo' }]),
    );
    expect(serious(wider)).toEqual([]);
  });
  it('route/wrong-target: a gateway or a transitive peering wins the longest match', () => {
    const nat = edit(
      e1,
      (x) => (table(x, 'rt-worker').routes = [{ destination: '11.0.0.0/16', gateway: 'nat' }]),
    );
    const [f] = fires(nat, 'route/wrong-target', ['rt-worker']);
    expect(f!.fix?.commands[0]).toMatchObject({ type: 'route/set-target', peering: 'pcx-worker-repo' });
    // Example 2: sending archive traffic to the standard repository's peering relies on transit.
    const transit = edit(e2, (x) => {
      const t = table(x, 'rt-worker');
      t.routes = t.routes.map((r) =>
        r.destination === '13.0.0.0/16' ? { ...r, peering: 'pcx-worker-std' } : r,
      );
    });
    fires(transit, 'route/wrong-target', ['rt-worker', 'pcx-worker-std', 'pcx-worker-archive']);
  });
  it('a more specific route to the right peering beats a wider wrong one', () => {
    const d = edit(e1, (x) => {
      table(x, 'rt-worker').routes = [
        { destination: '11.0.0.0/8', gateway: 'nat' },
        { destination: '11.0.1.0/24', peering: 'pcx-worker-repo' },
      ];
    });
    expect(serious(d)).toEqual([]);
  });
  it('route/foreign-peering', () => {
    const d = edit(e1, (x) =>
      table(x, 'rt-worker').routes.push({ destination: '172.16.0.0/16', peering: 'pcx-appliance-repo' }),
    );
    fires(d, 'route/foreign-peering', ['rt-worker', 'pcx-appliance-repo']);
    silent(e1, 'route/foreign-peering');
  });
});

describe('endpoints', () => {
  it('endpoint/missing: ebs only for EC2 backup', () => {
    const d = edit(
      e1,
      (x) =>
        (vpc(x, 'vpc-worker').endpoints = vpc(x, 'vpc-worker').endpoints.filter((e) => e.service !== 'ebs')),
    );
    const [f] = fires(d, 'endpoint/missing', ['vpc-worker', 'op-ec2-backup']);
    expect(f!.fix?.commands[0]).toMatchObject({
      type: 'endpoint/add',
      endpoint: { service: 'ebs', subnets: ['sn-worker-a'], securityGroups: ['sg-endpoints'] },
    });
    silent(
      edit(d, (x) => (x.operations[0]!.kind = 'ec2-restore')),
      'endpoint/missing',
    );
  });
  it('endpoint/missing: kinesis-streams only when file-level restore goes to the original location', () => {
    // FLR workers run in the repository's region: example 2's worker VPC (us-west-2) serves repo-std.
    const flr = (restoreToOriginal: boolean) =>
      edit(e2, (x) => {
        x.operations = [
          {
            id: 'op-flr',
            kind: 'flr-backup',
            repository: 'repo-std',
            workersIn: 'backup-account',
            restoreToOriginal,
          },
        ];
      });
    const [f] = fires(flr(true), 'endpoint/missing', ['vpc-worker', 'op-flr']);
    expect(f!.message).toContain('kinesis-streams');
    expect(serious(flr(false))).toEqual([]);
  });
  it('endpoint/private-dns-off: the S3 endpoint is exempt', () => {
    fires(
      edit(e1, (x) => (endpoint(x, 'vpce-ssm').privateDns = false)),
      'endpoint/private-dns-off',
      ['vpce-ssm'],
    );
    expect(endpoint(e1, 'vpce-s3-repo').privateDns).toBe(false);
    silent(e1, 'endpoint/private-dns-off');
  });
  it('endpoint/dns-attributes: only VPCs holding private-DNS endpoints', () => {
    fires(
      edit(e1, (x) => (vpc(x, 'vpc-worker').dnsHostnames = false)),
      'endpoint/dns-attributes',
      ['vpc-worker'],
    );
    silent(
      edit(e1, (x) => (vpc(x, 'vpc-repo').dnsHostnames = false)),
      'endpoint/dns-attributes',
    );
  });
  it('endpoint/duplicate-private-dns: a second endpoint without private DNS is fine', () => {
    const second = (privateDns: boolean) => (x: Design) =>
      vpc(x, 'vpc-worker').endpoints.push({ ...endpoint(x, 'vpce-ssm'), id: 'vpce-ssm-2', privateDns });
    const [f] = fires(edit(e1, second(true)), 'endpoint/duplicate-private-dns', ['vpce-ssm', 'vpce-ssm-2']);
    expect(f!.fix?.commands[0]).toMatchObject({
      type: 'endpoint/remove-duplicate',
      keep: 'vpce-ssm',
      drop: 'vpce-ssm-2',
    });
    silent(edit(e1, second(false)), 'endpoint/duplicate-private-dns');
  });
  const secondAz = (covered: boolean) => (x: Design) => {
    const v = vpc(x, 'vpc-worker');
    v.subnets.push({
      id: 'sn-worker-b',
      name: 'workers b',
      cidr: '10.0.2.0/24',
      az: 'us-east-1b',
      mapPublicIpOnLaunch: false,
    });
    x.workerConfigurations.push({ ...x.workerConfigurations[0]!, id: 'wc-b', subnet: 'sn-worker-b' });
    if (covered) for (const e of v.endpoints) e.subnets.push('sn-worker-b');
  };
  it('endpoint/az-not-covered: a worker subnet in an AZ the endpoints lack', () => {
    const found = fires(edit(e1, secondAz(false)), 'endpoint/az-not-covered', ['vpce-ssm', 'sn-worker-b']);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(serious(edit(e1, secondAz(true)))).toEqual([]);
  });
  it('endpoint/gateway-unsupported', () => {
    fires(
      edit(e1, (x) =>
        Object.assign(endpoint(x, 'vpce-s3-repo'), {
          type: 'Gateway',
          subnets: [],
          routeTables: ['rt-repo'],
        }),
      ),
      'endpoint/gateway-unsupported',
      ['repo-std', 'vpce-s3-repo'],
    );
    silent(e1, 'endpoint/gateway-unsupported');
  });
  it('endpoint/s3-region-mismatch', () => {
    fires(
      edit(e1, (x) => (x.repositories[0]!.region = 'us-east-1')),
      'endpoint/s3-region-mismatch',
      ['repo-std', 'vpce-s3-repo'],
    );
    silent(e1, 'endpoint/s3-region-mismatch');
  });
  it('repository/no-endpoint: only with private network deployment on', () => {
    const d = edit(e1, (x) => delete x.repositories[0]!.s3Endpoint);
    fires(d, 'repository/no-endpoint', ['repo-std', 'op-ec2-backup']);
    silent(
      edit(d, (x) => (x.privateNetworkDeployment = false)),
      'repository/no-endpoint',
    );
  });
});

describe('security groups', () => {
  it('sg/ingress-443 on the S3 endpoint', () => {
    const d = edit(e1, (x) => group(x, 'sg-s3-endpoint').ingress.splice(1, 1));
    const [f] = fires(d, 'sg/ingress-443', ['sg-s3-endpoint', 'vpce-s3-repo']);
    expect(f!.fix?.commands[0]).toMatchObject({
      type: 'sg-rule/add',
      securityGroup: 'sg-s3-endpoint',
      direction: 'ingress',
      rule: { cidr: '10.0.0.0/16', fromPort: 443 },
    });
  });
  it('a group reference instead of a CIDR admits the workers (same region)', () => {
    const d = edit(
      e1,
      (x) =>
        (group(x, 'sg-endpoints').ingress = [
          { protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' },
        ]),
    );
    expect(serious(d)).toEqual([]);
  });
  it('a port range or protocol -1 that includes 443 admits; a range that misses it does not', () => {
    const range = (from: number, to: number) => (x: Design) =>
      (group(x, 'sg-endpoints').ingress = [
        { protocol: 'tcp', fromPort: from, toPort: to, cidr: '10.0.0.0/16' },
      ]);
    expect(serious(edit(e1, range(0, 65535)))).toEqual([]);
    expect(
      serious(
        edit(e1, (x) => (group(x, 'sg-endpoints').ingress = [{ protocol: '-1', cidr: '10.0.1.0/24' }])),
      ),
    ).toEqual([]);
    fires(edit(e1, range(80, 442)), 'sg/ingress-443', ['sg-endpoints']);
    fires(
      edit(
        e1,
        (x) =>
          (group(x, 'sg-endpoints').ingress = [
            { protocol: 'udp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' },
          ]),
      ),
      'sg/ingress-443',
      ['sg-endpoints'],
    );
  });
  it('sg/egress-443 on the worker group', () => {
    const d = edit(
      e1,
      (x) =>
        (group(x, 'sg-worker').egress = [
          { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' },
        ]),
    );
    const [f] = fires(d, 'sg/egress-443', ['sg-worker']);
    expect(f!.fix?.commands[0]).toMatchObject({
      securityGroup: 'sg-worker',
      direction: 'egress',
      rule: { cidr: '11.0.0.0/16' },
    });
    expect(withRule(d, 'sg/egress-443')).toHaveLength(1);
  });
  it('sg/cross-region-reference: a reference across regions neither admits nor passes silently', () => {
    const d = edit(
      e1,
      (x) =>
        (group(x, 'sg-s3-endpoint').ingress[1] = {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          securityGroup: 'sg-worker',
        }),
    );
    fires(d, 'sg/cross-region-reference', ['sg-s3-endpoint', 'sg-worker']);
    fires(d, 'sg/ingress-443', ['sg-s3-endpoint']);
    silent(e1, 'sg/cross-region-reference');
  });
});

describe('workers', () => {
  it('worker/no-configuration is a warning naming account and operation', () => {
    const [f] = fires(
      edit(e1, (x) => (x.workerConfigurations = [])),
      'worker/no-configuration',
      ['acct-backup', 'op-ec2-backup'],
    );
    expect(f!.severity).toBe('warning');
    silent(e1, 'worker/no-configuration');
  });
  it('worker/no-configuration follows workersIn: production-account', () => {
    fires(
      edit(e1, (x) => (x.operations[0]!.workersIn = 'production-account')),
      'worker/no-configuration',
      ['acct-prod'],
    );
  });
  it('worker/public-ip', () => {
    const [f] = fires(
      edit(e1, (x) => (vpc(x, 'vpc-worker').subnets[0]!.mapPublicIpOnLaunch = true)),
      'worker/public-ip',
      ['sn-worker-a'],
    );
    expect(f!.fix?.commands[0]).toMatchObject({
      type: 'subnet/set-public-ip',
      mapPublicIpOnLaunch: false,
    });
    silent(
      edit(e1, (x) => (vpc(x, 'vpc-appliance').subnets[0]!.mapPublicIpOnLaunch = true)),
      'worker/public-ip',
    );
  });
  it('worker/production-only: RDS workers ignore the backup account’s configuration', () => {
    const rds = edit(e1, (x) => {
      x.vpcs.push({
        ...structuredClone(vpc(x, 'vpc-worker')),
        id: 'vpc-db',
        name: 'DB VPC',
        account: 'acct-prod',
        cidr: '10.50.0.0/16',
        subnets: [],
        routeTables: [],
        securityGroups: [],
        endpoints: [],
      });
      x.operations.push({
        id: 'op-rds',
        kind: 'rds-backup',
        account: 'acct-prod',
        region: 'us-east-1',
        vpc: 'vpc-db',
        repository: 'repo-std',
        workersIn: 'backup-account',
        restoreToOriginal: false,
      });
    });
    fires(rds, 'worker/production-only', ['op-rds', 'vpc-db']);
    silent(e1, 'worker/production-only');
  });
});

describe('reachability as a whole', () => {
  const secondEndpointSubnet = (returnRoute: boolean) => (x: Design) => {
    const v = vpc(x, 'vpc-repo');
    v.subnets.push({
      id: 'sn-repo-b',
      name: 'S3 endpoint b',
      cidr: '11.0.2.0/24',
      az: 'us-west-2b',
      routeTable: 'rt-repo-b',
      mapPublicIpOnLaunch: false,
    });
    v.routeTables.push({
      id: 'rt-repo-b',
      name: 'repository routes b',
      main: false,
      routes: returnRoute ? structuredClone(table(x, 'rt-repo').routes) : [],
    });
    endpoint(x, 'vpce-s3-repo').subnets.push('sn-repo-b');
  };
  it('reach/partial: one endpoint subnet without a return route is a warning, not an error', () => {
    const d = edit(e1, secondEndpointSubnet(false));
    const found = fires(d, 'reach/partial', ['vpce-s3-repo', 'sn-repo-b', 'rt-repo-b']);
    expect(found.every((f) => f.severity === 'warning' && f.fix)).toBe(true);
    expect(validate(d).filter((f) => f.severity === 'error')).toEqual([]);
    expect(serious(edit(e1, secondEndpointSubnet(true)))).toEqual([]);
  });
  it('appliance/missing', () => {
    fires(
      edit(e1, (x) => delete x.appliance),
      'appliance/missing',
      ['repo-std'],
    );
    silent(e1, 'appliance/missing');
  });
  it('archive/repository-peering: a warning, never an error', () => {
    const d = edit(
      e2,
      (x) =>
        (table(x, 'rt-repo-std').routes = table(x, 'rt-repo-std').routes.filter(
          (r) => r.destination !== '13.0.0.0/16',
        )),
    );
    const [f] = fires(d, 'archive/repository-peering', ['rt-repo-std', 'pcx-std-archive']);
    expect(f!.severity).toBe('warning');
    expect(validate(d).filter((x) => x.severity === 'error')).toEqual([]);
    silent(e2, 'archive/repository-peering');
  });
  it('s3/public-endpoint-needed when the appliance has no way out', () => {
    const d = edit(
      e1,
      (x) => (table(x, 'rt-appliance').routes = table(x, 'rt-appliance').routes.filter((r) => !r.gateway)),
    );
    fires(d, 's3/public-endpoint-needed', ['appliance']);
    silent(e1, 's3/public-endpoint-needed');
  });
});

describe('operations still being drawn', () => {
  it('an operation without its repository is skipped, not misjudged', () => {
    const d = edit(e1, (x) => delete x.operations[0]!.repository);
    expect(() => validate(d)).not.toThrow();
    expect(withRule(d, 'repository/no-endpoint')).toEqual([]);
    expect(withRule(d, 'appliance/missing')).toEqual([]);
  });
});
