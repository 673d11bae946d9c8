// What AWS refuses at create time: an endpoint with two subnets in one Availability Zone, a subnet
// block outside /16–/28, an appliance address outside its subnet or on an address AWS reserves,
// and a peering between partitions. A design with any of these cannot be deployed as drawn.
import type { Vpc } from '../model/schema';
import { cidrOf, hostCidr } from '../network/cidr';
import { partitionOf } from '../network/regions';
import { networkOf } from './analysis';
import { AWS, VEEAM } from './sources';
import type { Report, Rule, RuleContext } from './types';

const name = JSON.stringify;

export const endpointOneSubnetPerAz: Rule = {
  meta: {
    id: 'endpoint/one-subnet-per-az',
    severity: 'error',
    title: 'Interface endpoint has two subnets in one Availability Zone',
    explanation:
      'AWS places one network interface of an interface endpoint per Availability Zone and refuses an endpoint given two subnets of the same zone.',
    sources: [AWS.interfaceEndpoint],
    fixable: false,
  },
  check(ctx) {
    const net = networkOf(ctx);
    const findings: Report[] = [];
    for (const v of ctx.design.vpcs)
      for (const e of v.endpoints) {
        if (e.type !== 'Interface' || e.subnets.length < 2 || !repeatsAz(v, e.subnets)) continue;
        const byAz = new Map<string, string[]>();
        for (const id of e.subnets) {
          const s = net.subnetIn(v, id)?.subnet;
          if (!s) continue;
          const list = byAz.get(s.az);
          if (list) list.push(s.id);
          else byAz.set(s.az, [s.id]);
        }
        for (const [az, subnets] of byAz)
          if (subnets.length > 1)
            findings.push({
              message: `Endpoint ${name(ctx.index.nameOf(e.id))} has ${subnets.length} subnets in ${az} (${subnets.map((s) => name(ctx.index.nameOf(s))).join(', ')}); AWS allows one subnet per Availability Zone. Keep one of them.`,
              elements: [e.id, ...subnets],
            });
      }
    return findings;
  },
};

/** Whether two of these subnets (of `vpc`) share an AZ; endpoints hold a few, so pairs are compared. */
function repeatsAz(vpc: Vpc, ids: readonly string[]): boolean {
  for (let i = 0; i < ids.length; i++) {
    const az = azOf(vpc, ids[i]!);
    if (az === undefined) continue;
    for (let j = i + 1; j < ids.length; j++) if (azOf(vpc, ids[j]!) === az) return true;
  }
  return false;
}

function azOf(vpc: Vpc, id: string): string | undefined {
  const subnets = vpc.subnets;
  for (let i = 0; i < subnets.length; i++) if (subnets[i]!.id === id) return subnets[i]!.az;
  return undefined;
}

export const cidrSubnetSize: Rule = {
  meta: {
    id: 'cidr/subnet-size',
    severity: 'error',
    title: 'Subnet block size outside /16–/28',
    explanation: 'AWS accepts subnet CIDR blocks from /16 (65,536 addresses) down to /28 (16 addresses).',
    sources: [AWS.subnetSizing],
    fixable: false,
  },
  check(ctx) {
    const net = networkOf(ctx);
    const findings: Report[] = [];
    for (const v of ctx.design.vpcs)
      for (const { subnet, cidr } of net.subnetsOf(v))
        if (cidr && (cidr.prefix < 16 || cidr.prefix > 28))
          findings.push({
            message: `Subnet ${name(ctx.index.nameOf(subnet.id))} has block ${cidr.text}; AWS allows subnets of /16 to /28. Use a block between /16 and /28.`,
            elements: [subnet.id],
          });
    return findings;
  },
};

/** The appliance's address and its subnet's block, when both parse and the subnet is found. */
function applianceAddress(ctx: RuleContext) {
  const a = ctx.design.appliance;
  const subnet = a && ctx.index.subnets.get(a.subnet)?.element;
  const ip = a && hostCidr(a.ip);
  const block = subnet && cidrOf(subnet.cidr);
  return a && subnet && ip && block ? { a, subnet, ip, block } : undefined;
}

export const applianceIpOutsideSubnet: Rule = {
  meta: {
    id: 'appliance/ip-outside-subnet',
    severity: 'error',
    title: 'Appliance address outside its subnet',
    explanation:
      "An instance's private IPv4 address comes from its subnet's block; AWS refuses an address outside it.",
    sources: [AWS.subnetSizing, VEEAM.applianceInPrivate],
    fixable: false,
  },
  check(ctx) {
    const x = applianceAddress(ctx);
    if (!x || (x.block.first <= x.ip.first && x.ip.first <= x.block.last)) return [];
    return [
      {
        message: `Appliance ${name(ctx.index.nameOf(x.a.id))} has IP ${x.a.ip}, outside its subnet ${name(ctx.index.nameOf(x.subnet.id))} (${x.block.text}). Give it an address inside ${x.block.text}.`,
        elements: [x.a.id, x.subnet.id],
      },
    ];
  },
};

export const applianceIpReserved: Rule = {
  meta: {
    id: 'appliance/ip-reserved',
    severity: 'error',
    title: 'Appliance address is one AWS reserves',
    explanation:
      'AWS reserves five addresses in every subnet: the network address, the next three (VPC router, DNS, future use) and the broadcast address. No instance can use them.',
    sources: [AWS.subnetSizing],
    fixable: false,
  },
  check(ctx) {
    const x = applianceAddress(ctx);
    if (!x) return [];
    const at = x.ip.first;
    const offset = at - x.block.first;
    if (at < x.block.first || at > x.block.last || (offset > 3 && at !== x.block.last)) return [];
    const which =
      at === x.block.last
        ? 'the broadcast address'
        : offset === 0
          ? 'the network address'
          : `network address + ${offset}`;
    return [
      {
        message: `Appliance ${name(ctx.index.nameOf(x.a.id))} has IP ${x.a.ip}, ${which} of subnet ${name(ctx.index.nameOf(x.subnet.id))} (${x.block.text}), which AWS reserves. Use another address of the subnet.`,
        elements: [x.a.id, x.subnet.id],
      },
    ];
  },
};

export const peeringCrossPartition: Rule = {
  meta: {
    id: 'peering/cross-partition',
    severity: 'error',
    title: 'Peering between AWS partitions',
    explanation:
      'A VPC peering connection joins VPCs of one partition only: commercial regions (aws), AWS GovCloud (aws-us-gov) and the China regions (aws-cn) cannot be peered with each other.',
    sources: [AWS.peeringLimitations, AWS.partitions],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    for (const p of design.peerings) {
      const a = index.vpcs.get(p.requester)?.element;
      const b = index.vpcs.get(p.accepter)?.element;
      if (!a || !b || partitionOf(a.region) === partitionOf(b.region)) continue;
      findings.push({
        message: `Peering ${name(index.nameOf(p.id))} joins VPC ${name(index.nameOf(a.id))} (${a.region}, partition ${partitionOf(a.region)}) and VPC ${name(index.nameOf(b.id))} (${b.region}, partition ${partitionOf(b.region)}); AWS cannot peer across partitions. Keep both VPCs in one partition.`,
        elements: [p.id, a.id, b.id],
      });
    }
    return findings;
  },
};
