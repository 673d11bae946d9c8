// Address plan: every CIDR parses, VPC blocks have a legal size, subnets sit inside their VPC and
// do not overlap, and blocks outside private space are pointed out.
import { blockHolding, cidrProblem, hostCidr, isPrivate, overlaps, type Cidr } from '../network/cidr';
import type { SgRule, Subnet } from '../model/schema';
import { networkOf } from './analysis';
import type { Report, Rule } from './types';
import { AWS, RFC1918 } from './sources';

const name = JSON.stringify;

export const cidrInvalid: Rule = {
  meta: {
    id: 'cidr/invalid',
    severity: 'error',
    title: 'Not a valid IPv4 CIDR',
    explanation:
      'VPC blocks, subnets, route destinations and security-group rules take IPv4 CIDR blocks such as 10.0.0.0/16, with every host bit zero. AWS rejects anything else, and nothing that depends on the block can be checked.',
    sources: [AWS.vpcCidrs],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    // The holder's description is spelled out only for a block that fails to parse.
    const what = (holder: Holder, id: string): string => {
      const n = name(index.nameOf(id));
      switch (holder) {
        case 'vpc':
          return `VPC ${n}`;
        case 'secondary':
          return `VPC ${n} (secondary block)`;
        case 'subnet':
          return `Subnet ${n}`;
        case 'route':
          return `A route in route table ${n}`;
        case 'rule':
          return `A rule of security group ${n}`;
      }
    };
    const check = (text: string, id: string, holder: Holder) => {
      const reason = cidrProblem(text);
      if (reason === undefined) return;
      findings.push({
        message: `${what(holder, id)} has ${name(text)}: ${reason}. Enter a block like 10.0.0.0/16.`,
        elements: [id],
      });
    };
    const checkRules = (rules: readonly SgRule[], id: string) => {
      for (let k = 0; k < rules.length; k++) {
        const cidr = rules[k]!.cidr;
        if (cidr !== undefined) check(cidr, id, 'rule');
      }
    };
    // Indexed loops: the first rule to read every block runs mostly unoptimised, where an
    // iterator allocates a result per element.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      check(v.cidr, v.id, 'vpc');
      for (let j = 0; j < v.secondaryCidrs.length; j++) check(v.secondaryCidrs[j]!, v.id, 'secondary');
      for (let j = 0; j < v.subnets.length; j++) check(v.subnets[j]!.cidr, v.subnets[j]!.id, 'subnet');
      for (let j = 0; j < v.routeTables.length; j++) {
        const t = v.routeTables[j]!;
        for (let k = 0; k < t.routes.length; k++) check(t.routes[k]!.destination, t.id, 'route');
      }
      for (let j = 0; j < v.securityGroups.length; j++) {
        const g = v.securityGroups[j]!;
        checkRules(g.ingress, g.id);
        checkRules(g.egress, g.id);
      }
    }
    const a = design.appliance;
    if (a && !hostCidr(a.ip))
      findings.push({
        message: `Appliance ${name(index.nameOf(a.id))} has IP ${name(a.ip)}, which is not an IPv4 address. Enter its private address, e.g. 10.0.1.10.`,
        elements: [a.id],
      });
    return findings;
  },
};

type Holder = 'vpc' | 'secondary' | 'subnet' | 'route' | 'rule';

export const cidrVpcSize: Rule = {
  meta: {
    id: 'cidr/vpc-size',
    severity: 'error',
    title: 'VPC block size outside /16–/28',
    explanation:
      'AWS accepts VPC CIDR blocks (primary and secondary) from /16 (65,536 addresses) down to /28 (16 addresses).',
    sources: [AWS.vpcCidrs],
    fixable: false,
  },
  check(ctx) {
    const { design, index } = ctx;
    const net = networkOf(ctx);
    const findings: Report[] = [];
    // Indexed loops: the first rule to read the network runs mostly unoptimised, where an iterator
    // allocates a result per VPC and block.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      const blocks = net.blocksOf(v);
      for (let j = 0; j < blocks.length; j++) {
        const b = blocks[j]!;
        if (b.prefix < 16 || b.prefix > 28)
          findings.push({
            message: `VPC ${name(index.nameOf(v.id))} has block ${b.text}; AWS allows /16 to /28. Use a block between /16 and /28.`,
            elements: [v.id],
          });
      }
    }
    return findings;
  },
};

export const cidrSubnetOutsideVpc: Rule = {
  meta: {
    id: 'cidr/subnet-outside-vpc',
    severity: 'error',
    title: "Subnet outside its VPC's blocks",
    explanation:
      "A subnet's block must lie entirely within one of its VPC's CIDR blocks (primary or secondary).",
    sources: [AWS.subnetSizing],
    fixable: false,
  },
  check(ctx) {
    const { design, index } = ctx;
    const net = networkOf(ctx);
    const findings: Report[] = [];
    for (const v of design.vpcs) {
      const blocks = net.blocksOf(v);
      if (!blocks.length) continue;
      for (const { subnet: s, cidr: block } of net.subnetsOf(v)) {
        if (!block || blockHolding(blocks, block)) continue;
        findings.push({
          message: `Subnet ${name(index.nameOf(s.id))} (${s.cidr}) is not inside VPC ${name(index.nameOf(v.id))} (${blocks.map((b) => b.text).join(', ')}). Pick a block inside the VPC or add a secondary block.`,
          elements: [s.id, v.id],
        });
      }
    }
    return findings;
  },
};

/** False when a few subnets are pairwise disjoint (the usual VPC: no sweep, nothing allocated). */
function mayOverlap(subnets: readonly { cidr: Cidr | undefined }[]): boolean {
  if (subnets.length > 8) return true;
  for (let i = 0; i < subnets.length; i++) {
    const a = subnets[i]!.cidr;
    if (!a) continue;
    for (let j = i + 1; j < subnets.length; j++) {
      const b = subnets[j]!.cidr;
      if (b && overlaps(a, b)) return true;
    }
  }
  return false;
}

export const cidrSubnetOverlap: Rule = {
  meta: {
    id: 'cidr/subnet-overlap',
    severity: 'error',
    title: 'Two subnets of one VPC overlap',
    explanation: 'Subnets of one VPC may not share addresses; AWS refuses to create an overlapping subnet.',
    sources: [AWS.subnetSizing],
    fixable: false,
  },
  check(ctx) {
    const { design, index } = ctx;
    const net = networkOf(ctx);
    const findings: Report[] = [];
    // An indexed loop: once per validation over every VPC, mostly unoptimised, where an iterator
    // allocates a result per VPC.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      if (v.subnets.length < 2) continue;
      const subnets = net.subnetsOf(v);
      if (!mayOverlap(subnets)) continue;
      const parsed: { s: Subnet; c: Cidr }[] = [];
      for (const { subnet: s, cidr: c } of subnets) if (c) parsed.push({ s, c });
      parsed.sort((a, b) => a.c.first - b.c.first || b.c.last - a.c.last);
      // Sweep by start address: a subnet overlaps the one reaching furthest so far, if any.
      let widest: (typeof parsed)[number] | undefined;
      for (const cur of parsed) {
        if (widest && cur.c.first <= widest.c.last)
          findings.push({
            message: `Subnets ${name(index.nameOf(widest.s.id))} (${widest.s.cidr}) and ${name(index.nameOf(cur.s.id))} (${cur.s.cidr}) of VPC ${name(index.nameOf(v.id))} overlap. Give them disjoint blocks.`,
            elements: [widest.s.id, cur.s.id],
          });
        if (!widest || cur.c.last > widest.c.last) widest = cur;
      }
    }
    return findings;
  },
};

export const cidrNonRfc1918: Rule = {
  meta: {
    id: 'cidr/non-rfc1918',
    severity: 'info',
    title: 'VPC block outside private address space',
    explanation:
      'AWS accepts publicly routable blocks for a VPC, but addresses outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 (RFC 1918) hide the real owners of that space from the VPC and are easy to regret once the network grows.',
    sources: [AWS.vpcCidrs, RFC1918],
    fixable: false,
  },
  check(ctx) {
    const { design, index } = ctx;
    const net = networkOf(ctx);
    const findings: Report[] = [];
    for (const v of design.vpcs)
      for (const b of net.blocksOf(v))
        if (!isPrivate(b))
          findings.push({
            message: `VPC ${name(index.nameOf(v.id))} uses ${b.text}, outside the private ranges 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16. That works, but hosts that own those public addresses become unreachable from the VPC.`,
            elements: [v.id],
          });
    return findings;
  },
};
