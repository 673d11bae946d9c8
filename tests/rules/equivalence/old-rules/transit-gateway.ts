// Transit Gateway rules: the flow hops through a TGW that fail (transit.ts judges, tgw-problems.ts
// words them), including security-group hops that rely on a group reference across the TGW, and
// what AWS refuses outright: propagation from a peering attachment.
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
  true,
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

export const tgwSgReference = flowRule(
  'tgw/sg-reference',
  'A required flow relies on a security-group reference across a Transit Gateway that AWS does not resolve',
  "A security-group rule may name a group of a VPC on the other side of a Transit Gateway only when security group referencing is on at the TGW and at both VPC attachments, both VPCs are in the TGW's region (a peering attachment never carries it), and the rule is inbound: AWS does not resolve outbound rules that name a group across a TGW. Otherwise the rule matches nothing and the flow is refused. Turn referencing on where that is enough, or admit the other VPC's address range instead.",
  [AWS.tgwSgReferencing],
  true,
);

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
