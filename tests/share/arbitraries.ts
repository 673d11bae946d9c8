// fast-check arbitraries for format-1 designs as they may appear in a file: every optional field
// sometimes present and sometimes not, defaults sometimes spelled out, names with any Unicode
// (quotes, `${`, newlines, emoji), unknown fields that must survive, and a layout. References are
// not kept consistent on purpose: a half-made design must share as faithfully as a finished one.
import fc from 'fast-check';
import { CURRENT_VERSION, FORMAT, OPERATION_KINDS } from '../../src/model/schema';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const idArb = fc
  .stringMatching(/^[A-Za-z0-9._:-]{1,64}$/)
  // A layout is keyed by id, and parseJsonSafely drops these keys from any object.
  .filter((id) => !UNSAFE_KEYS.has(id));

export const nameArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', 'Worker VPC', 'a "quoted" ${name}', 'line\nbreak', '</script><b>x</b>', 'null', '[]'),
);

const cidrArb = fc
  .tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 16, max: 28 }))
  .map(([a, b, len]) => `10.${a}.${b}.0/${len}`);

/** Unknown fields (forward compatibility): kept on load and save, so they must travel too. */
const extrasArb = fc.option(
  fc.dictionary(
    fc.constantFrom('x-note', 'futureField', 'tags', 'zz'),
    fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.array(fc.nat(9), { maxLength: 3 })),
    { maxKeys: 2 },
  ),
  { nil: undefined },
);

/** A record whose listed keys are all optional; `extras` adds unknown fields. */
function element<T extends Record<string, fc.Arbitrary<unknown>>>(
  fields: T,
  required: (keyof T)[],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(fields, { requiredKeys: required as Extract<keyof T, string>[] }), extrasArb)
    .map(([value, extras]) => ({ ...extras, ...value }));
}

const portArb = fc.integer({ min: -1, max: 65535 });

const sgRuleArb = fc
  .tuple(
    element(
      {
        protocol: fc.constantFrom('tcp', 'udp', 'icmp', '-1'),
        fromPort: portArb,
        toPort: portArb,
        description: fc.string({ maxLength: 20 }),
      },
      ['protocol'],
    ),
    fc.oneof(
      cidrArb.map((cidr) => ({ cidr })),
      idArb.map((securityGroup) => ({ securityGroup })),
    ),
  )
  .map(([rule, target]) => ({ ...rule, ...target }));

const routeArb = fc
  .tuple(
    cidrArb,
    fc.oneof(
      idArb.map((peering) => ({ peering })),
      fc.constantFrom('internet', 'nat').map((gateway) => ({ gateway })),
    ),
  )
  .map(([destination, target]) => ({ destination, ...target }));

const list = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });

const subnetArb = element(
  {
    id: idArb,
    name: nameArb,
    cidr: cidrArb,
    az: fc.constantFrom('us-east-1a', 'eu-central-1b'),
    routeTable: idArb,
    mapPublicIpOnLaunch: fc.boolean(),
  },
  ['id', 'cidr', 'az'],
);

const vpcArb = element(
  {
    id: idArb,
    name: nameArb,
    account: idArb,
    region: fc.constantFrom('us-east-1', 'eu-central-1', 'ap-south-2', 'mars-north-1'),
    cidr: cidrArb,
    secondaryCidrs: list(cidrArb, 2),
    dnsSupport: fc.boolean(),
    dnsHostnames: fc.boolean(),
    subnets: list(subnetArb),
    routeTables: list(
      element({ id: idArb, name: nameArb, main: fc.boolean(), routes: list(routeArb) }, ['id']),
      2,
    ),
    securityGroups: list(
      element({ id: idArb, name: nameArb, ingress: list(sgRuleArb), egress: list(sgRuleArb) }, ['id']),
      2,
    ),
    endpoints: list(
      element(
        {
          id: idArb,
          name: nameArb,
          service: fc.constantFrom('s3', 'ssm', 'ec2messages', 'sqs', 'ebs', 'kinesis-streams', 'sts'),
          type: fc.constantFrom('Interface', 'Gateway'),
          subnets: list(idArb, 2),
          securityGroups: list(idArb, 2),
          routeTables: list(idArb, 2),
          privateDns: fc.boolean(),
        },
        ['id', 'service', 'type'],
      ),
    ),
  },
  ['id', 'account', 'region', 'cidr'],
);

const operationArb = element(
  {
    id: idArb,
    name: nameArb,
    kind: fc.constantFrom(...OPERATION_KINDS),
    account: idArb,
    region: fc.constantFrom('us-east-1', 'eu-west-1'),
    repository: idArb,
    archiveRepository: idArb,
    vpc: idArb,
    workersIn: fc.constantFrom('backup-account', 'production-account'),
    restoreToOriginal: fc.boolean(),
  },
  ['id', 'kind'],
);

// JSON has no -0 (it prints as 0), so no file or link can carry it.
const coordinateArb = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
);

const layoutArb = fc.dictionary(
  idArb,
  element({ x: coordinateArb, y: coordinateArb, w: fc.nat(2000), h: fc.nat(2000) }, ['x', 'y']),
  { maxKeys: 4 },
);

/** A raw design document (what a file holds); load it with loadDesignValue to get a Design. */
export const rawDesignArb: fc.Arbitrary<Record<string, unknown>> = element(
  {
    name: nameArb,
    privateNetworkDeployment: fc.boolean(),
    backupAccount: idArb,
    accounts: list(
      element({ id: idArb, name: nameArb, accountId: fc.stringMatching(/^\d{12}$/) }, ['id', 'accountId']),
    ),
    vpcs: list(vpcArb, 3),
    peerings: list(
      element(
        {
          id: idArb,
          name: nameArb,
          requester: idArb,
          accepter: idArb,
          status: fc.constantFrom('active', 'pending-acceptance'),
        },
        ['id', 'requester', 'accepter'],
      ),
    ),
    appliance: element(
      {
        id: idArb,
        name: nameArb,
        vpc: idArb,
        subnet: idArb,
        ip: fc.constant('10.0.0.10'),
        securityGroups: list(idArb, 2),
      },
      ['id', 'vpc', 'subnet', 'ip'],
    ),
    repositories: list(
      element(
        {
          id: idArb,
          name: nameArb,
          account: idArb,
          region: fc.constantFrom('us-west-2'),
          bucket: fc.string({ maxLength: 20 }),
          tier: fc.constantFrom('standard', 'archive'),
          s3Endpoint: idArb,
        },
        ['id', 'account', 'region', 'bucket'],
      ),
    ),
    workerConfigurations: list(
      element(
        {
          id: idArb,
          name: nameArb,
          account: idArb,
          region: fc.constantFrom('us-east-1'),
          vpc: idArb,
          subnet: idArb,
          securityGroup: idArb,
        },
        ['id', 'account', 'region', 'vpc', 'subnet', 'securityGroup'],
      ),
    ),
    operations: list(operationArb),
    layout: layoutArb,
  },
  [],
).map((design) => ({ ...design, format: FORMAT, version: CURRENT_VERSION }));
