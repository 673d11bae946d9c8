// Transit Gateway rules: the flow hops through a TGW that fail (transit.ts judges, tgw-problems.ts
// words them), and what AWS refuses outright: propagation from a peering attachment.
import { hopFindings } from './flow-problems';
import type { Finding, Rule } from './types';
import { AWS, VEEAM } from './sources';

const flowRule = (
  id: string,
  title: string,
  explanation: string,
  sources: Rule['meta']['sources'],
  fixable: boolean,
): Rule => ({
  meta: { id, severity: 'error', title, explanation, sources, fixable },
  // Only designs with TGWs have TGW hops; the others skip the walk over failed hops.
  check: (ctx) => (ctx.design.transitGateways.length ? hopFindings(ctx, id, 'error') : []),
});

export const tgwNoAttachment = flowRule(
  'tgw/no-attachment',
  'A VPC on a required path has no Transit Gateway attachment',
  "A route to a Transit Gateway only works from a VPC attached to it: the attachment must exist, be accepted, and the TGW must be in the VPC's region. On the far side, the destination VPC must be attached too.",
  [AWS.tgwAttachments, VEEAM.configureRouting],
  false,
);

export const tgwNotShared = flowRule(
  'tgw/not-shared',
  "The Transit Gateway is not shared with the VPC's account",
  'A VPC of another account can attach to a Transit Gateway only when the owner shares the TGW with that account through AWS Resource Access Manager.',
  [AWS.tgwSharing],
  true,
);

export const tgwAzNotAttached = flowRule(
  'tgw/az-not-attached',
  "The attachment does not reach a subnet's Availability Zone",
  'A VPC attachment reaches only the Availability Zones in which it has a subnet: resources in other AZs of the VPC cannot send traffic to the TGW, nor receive it.',
  [AWS.tgwAttachments],
  true,
);

export const tgwNoRoute = flowRule(
  'tgw/no-route',
  'The TGW route table lacks a route for a required flow',
  "The TGW route table associated with the attachment the traffic arrives on decides where it goes, by longest prefix over its static routes and the routes propagated into it. Without a route (or propagation) toward the endpoint's VPC the traffic is dropped; a peering attachment carries only static routes.",
  [AWS.tgwRouteTables, AWS.tgwPeering],
  true,
);

export const tgwNoReturnRoute = flowRule(
  'tgw/no-return-route',
  'The TGW route table lacks the return route',
  "TGW route tables are not stateful: replies from the endpoint arrive on the endpoint VPC's attachment, and the table associated with it must route the source range back.",
  [AWS.tgwRouteTables],
  true,
);

export const tgwBlackhole = flowRule(
  'tgw/blackhole',
  'A blackhole TGW route drops a required flow',
  'A blackhole route in a TGW route table drops every packet it matches; when it is the most specific route for a required flow, that flow fails.',
  [AWS.tgwRouteTables],
  true,
);

export const tgwPeeringPropagation: Rule = {
  meta: {
    id: 'tgw/peering-propagation',
    severity: 'error',
    title: 'A peering attachment is set to propagate',
    explanation:
      'TGW peering attachments do not support route propagation: traffic crosses a peering only by static routes in the route tables on both sides.',
    sources: [AWS.tgwPeering],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Finding[] = [];
    for (const a of design.transitGatewayAttachments) {
      if (a.peerTransitGateway === undefined || !a.propagations?.length) continue;
      findings.push({
        rule: 'tgw/peering-propagation',
        severity: 'error',
        message: `Peering attachment "${index.nameOf(a.id)}" propagates to ${a.propagations.map((t) => `"${index.nameOf(t)}"`).join(', ')}, which AWS does not support. Remove the propagations and add static routes over the peering attachment.`,
        elements: [a.id],
      });
    }
    return findings;
  },
};

/**
 * A group rule naming a group of another VPC that this VPC reaches only through a Transit Gateway:
 * AWS resolves such a reference only when the TGW has security group referencing on and both VPCs
 * are in its region (peering attachments never carry it).
 */
export const tgwSgReference: Rule = {
  meta: {
    id: 'tgw/sg-reference',
    severity: 'warning',
    title: 'A security-group reference across a Transit Gateway that AWS does not resolve',
    explanation:
      "A security-group rule may name a group of another VPC reached through a Transit Gateway only when the TGW has security group referencing turned on and both VPCs are attached to it in the same region; otherwise the rule matches nothing. Use the other VPC's address range instead, or turn referencing on.",
    sources: [AWS.tgwSgReferencing],
    fixable: false,
  },
  check({ design, index }) {
    if (!design.transitGateways.length) return [];
    const findings: Finding[] = [];
    const peered = new Set(
      design.peerings.flatMap((p) => [`${p.requester}|${p.accepter}`, `${p.accepter}|${p.requester}`]),
    );
    const tgwsOf = (vpc: string) =>
      design.transitGatewayAttachments.filter((a) => a.vpc === vpc).map((a) => a.transitGateway);
    for (const v of design.vpcs)
      for (const g of v.securityGroups)
        for (const rule of [...g.ingress, ...g.egress]) {
          if (rule.securityGroup === undefined) continue;
          const other = index.securityGroups.get(rule.securityGroup)?.vpc;
          if (!other || other.id === v.id || peered.has(`${v.id}|${other.id}`)) continue;
          const mine = tgwsOf(v.id);
          const theirs = tgwsOf(other.id);
          const shared = mine.filter((t) => theirs.includes(t));
          // Over a peering attachment (another region) a reference never resolves.
          const viaPeering = design.transitGatewayAttachments.find(
            (a) =>
              a.peerTransitGateway !== undefined &&
              ((mine.includes(a.transitGateway) && theirs.includes(a.peerTransitGateway)) ||
                (theirs.includes(a.transitGateway) && mine.includes(a.peerTransitGateway))),
          );
          if (!shared.length && !viaPeering) continue;
          const resolves = shared.some((t) => {
            const tgw = index.transitGateways.get(t)?.element;
            return (
              tgw?.securityGroupReferencing === true && tgw.region === v.region && tgw.region === other.region
            );
          });
          if (resolves) continue;
          findings.push({
            rule: 'tgw/sg-reference',
            severity: 'warning',
            message: `Security group "${index.nameOf(g.id)}" (VPC "${index.nameOf(v.id)}") names group "${index.nameOf(rule.securityGroup)}" of VPC "${index.nameOf(other.id)}", which it reaches only through transit gateway "${index.nameOf(shared[0] ?? viaPeering!.transitGateway)}"${shared.length ? ' without security group referencing' : ' and a peering attachment'}, so the rule matches nothing. Name that VPC's address range instead, or turn security group referencing on.`,
            elements: [g.id, shared[0] ?? viaPeering!.id],
          });
        }
    return findings;
  },
};

export const TGW_RULES: readonly Rule[] = [
  tgwNoAttachment,
  tgwNotShared,
  tgwAzNotAttached,
  tgwNoRoute,
  tgwNoReturnRoute,
  tgwBlackhole,
  tgwPeeringPropagation,
  tgwSgReference,
];
