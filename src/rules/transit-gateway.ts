// Transit Gateway rules: the flow hops through a TGW that fail (transit.ts judges them, each rule
// words its own), including security-group hops that rely on a group reference across the TGW,
// and what AWS refuses outright: propagation from a peering attachment.
import { associateTgwAttachment, attachTgwSubnet } from '../model/commands/tgw-attachment';
import { setTgwRoute } from '../model/commands/tgw-route';
import { shareTgw } from '../model/commands/transit-gateway';
import { quoted } from './flow-problems';
import {
  attachFix,
  betterTable,
  onwardAttachment,
  routeFix,
  sgReferenceProblem,
  tgwHop,
} from './tgw-problems';
import type { Fix, HopJudge, Report, Rule } from './types';
import { AWS, VEEAM } from './sources';

export const tgwNoAttachment: Rule = {
  meta: {
    id: 'tgw/no-attachment',
    severity: 'error',
    title: 'A VPC on a required path has no Transit Gateway attachment',
    explanation:
      "A route to a Transit Gateway only works from a VPC attached to it: the attachment must exist, be accepted, and the TGW must be in the VPC's region. On the far side, the destination VPC must be attached too.",
    sources: [AWS.tgwAttachments, VEEAM.configureRouting],
    fixable: true,
  },
  hops: [
    {
      kinds: ['transit-gateway'],
      reasons: ['tgw-no-attachment'],
      describe(ctx, at) {
        const { hop } = at;
        const { fromVpc, what, tgw } = tgwHop(ctx, at);
        const vpc = hop.vpc ?? fromVpc.id;
        const fix = tgw && !hop.attachment ? attachFix(ctx, at.planned, at.subnet, tgw, vpc) : undefined;
        return {
          message: `${hop.detail}, so ${what} cannot use transit gateway ${quoted(ctx, hop.transitGateway ?? '')}. ${fix ? `${fix.title}.` : 'Attach VPC ' + quoted(ctx, vpc) + " to it (one subnet per Availability Zone), in the TGW's region, and accept the attachment."}`,
          elements: [...hop.elements, vpc],
          ...(fix ? { fix } : {}),
        };
      },
    },
  ],
};

export const tgwNotShared: Rule = {
  meta: {
    id: 'tgw/not-shared',
    severity: 'error',
    title: "The Transit Gateway is not shared with the VPC's account",
    explanation:
      'A VPC of another account can attach to a Transit Gateway only when the owner shares the TGW with that account through AWS Resource Access Manager.',
    sources: [AWS.tgwSharing],
    fixable: true,
  },
  hops: [
    {
      kinds: ['transit-gateway'],
      reasons: ['tgw-not-shared'],
      describe(ctx, at) {
        const { hop } = at;
        const { tgw } = tgwHop(ctx, at);
        const vpc = ctx.index.vpcs.get(hop.vpc ?? '')?.element;
        return {
          message: `${hop.detail}. Share transit gateway ${quoted(ctx, hop.transitGateway ?? '')} with account ${quoted(ctx, vpc?.account ?? '')} through AWS RAM.`,
          elements: [...hop.elements, ...(vpc ? [vpc.id] : [])],
          ...(tgw && vpc
            ? {
                fix: {
                  title: `Share transit gateway ${quoted(ctx, tgw.id)} with account ${quoted(ctx, vpc.account)}`,
                  commands: [shareTgw({ transitGateway: tgw.id, account: vpc.account })],
                },
              }
            : {}),
        };
      },
    },
  ],
};

export const tgwAzNotAttached: Rule = {
  meta: {
    id: 'tgw/az-not-attached',
    severity: 'error',
    title: "The attachment does not reach a subnet's Availability Zone",
    explanation:
      'A VPC attachment reaches only the Availability Zones in which it has a subnet: resources in other AZs of the VPC cannot send traffic to the TGW, nor receive it.',
    sources: [AWS.tgwAttachments],
    fixable: true,
  },
  hops: [
    {
      kinds: ['transit-gateway'],
      reasons: ['tgw-az-not-attached'],
      describe(ctx, at) {
        const { hop } = at;
        const vpc = ctx.index.vpcs.get(hop.vpc ?? '')?.element;
        const inAz = vpc?.subnets.find((s) => s.az === hop.az);
        return {
          message: `${hop.detail}: ${tgwHop(ctx, at).what} is dropped in ${hop.az}. Add a subnet of ${hop.az} to attachment ${quoted(ctx, hop.attachment ?? '')}.`,
          elements: hop.elements,
          ...(inAz && hop.attachment
            ? {
                fix: {
                  title: `Add subnet ${quoted(ctx, inAz.id)} (${hop.az}) to attachment ${quoted(ctx, hop.attachment)}`,
                  commands: [attachTgwSubnet({ attachment: hop.attachment, subnet: inAz.id })],
                },
              }
            : {}),
        };
      },
    },
  ],
};

/** A TGW table without a route onward (or with one leading elsewhere), on the way out or back. */
function noRoute(returning: boolean): HopJudge {
  return {
    kinds: ['transit-gateway'],
    reasons: ['tgw-no-route'],
    returning,
    describe(ctx, at) {
      const { hop } = at;
      const { net, tgw, table, toVpc, destination, wanted, what } = tgwHop(ctx, at);
      let fix: Fix | undefined;
      if (tgw && table && destination) {
        const better = hop.attachment ? betterTable(net, tgw, table, destination, toVpc, ctx) : undefined;
        const arriving = hop.attachment;
        fix =
          better &&
          arriving &&
          tgw.routeTables.includes(table) &&
          ctx.design.transitGatewayAttachments.some(
            (a) => a.id === arriving && a.transitGateway === tgw.id && a.vpc !== undefined,
          )
            ? {
                title: `Associate attachment ${quoted(ctx, arriving)} with TGW route table ${quoted(ctx, better.id)}`,
                commands: [associateTgwAttachment({ attachment: arriving, routeTable: better.id })],
              }
            : routeFix(ctx, net, tgw, table, toVpc, wanted);
      }
      return {
        message: `${hop.detail}, so ${what} is dropped at transit gateway ${quoted(ctx, hop.transitGateway ?? '')}. ${fix ? `${fix.title}.` : `Route ${wanted} toward VPC ${quoted(ctx, toVpc.id)} in that table (a propagation from its attachment, or a static route over a peering attachment).`}`,
        elements: hop.elements,
        ...(fix ? { fix } : {}),
      };
    },
  };
}

export const tgwNoRoute: Rule = {
  meta: {
    id: 'tgw/no-route',
    severity: 'error',
    title: 'The TGW route table lacks a route for a required flow',
    explanation:
      "The TGW route table associated with the attachment the traffic arrives on decides where it goes, by longest prefix over its static routes and the routes propagated into it. Without a route (or propagation) toward the endpoint's VPC the traffic is dropped; a peering attachment carries only static routes.",
    sources: [AWS.tgwRouteTables, AWS.tgwPeering],
    fixable: true,
  },
  hops: [noRoute(false)],
};

export const tgwNoReturnRoute: Rule = {
  meta: {
    id: 'tgw/no-return-route',
    severity: 'error',
    title: 'The TGW route table lacks the return route',
    explanation:
      "TGW route tables are not stateful: replies from the endpoint arrive on the endpoint VPC's attachment, and the table associated with it must route the source range back.",
    sources: [AWS.tgwRouteTables],
    fixable: true,
  },
  hops: [noRoute(true)],
};

export const tgwBlackhole: Rule = {
  meta: {
    id: 'tgw/blackhole',
    severity: 'error',
    title: 'A blackhole TGW route drops a required flow',
    explanation:
      'A blackhole route in a TGW route table drops every packet it matches; when it is the most specific route for a required flow, that flow fails.',
    sources: [AWS.tgwRouteTables],
    fixable: true,
  },
  hops: [
    {
      kinds: ['transit-gateway'],
      reasons: ['tgw-blackhole'],
      describe(ctx, at) {
        const { hop } = at;
        const { net, tgw, table, toVpc, wanted, what } = tgwHop(ctx, at);
        const fix =
          tgw && table
            ? routeFix(ctx, net, tgw, table, toVpc, hop.tgwRoute?.destination ?? wanted)
            : undefined;
        const onward = tgw && onwardAttachment(ctx, net, tgw, toVpc);
        return {
          message: `${hop.detail}: ${what} never arrives. Point that route at an attachment toward VPC ${quoted(ctx, toVpc.id)}, or remove it.`,
          elements: hop.elements,
          ...(onward && table && hop.tgwRoute
            ? {
                fix: {
                  title: `Point TGW route ${hop.tgwRoute.destination} in ${quoted(ctx, table.id)} at attachment ${quoted(ctx, onward.attachment)}`,
                  commands: [
                    setTgwRoute({
                      routeTable: table.id,
                      route: { destination: hop.tgwRoute.destination, attachment: onward.attachment },
                    }),
                  ],
                },
              }
            : fix
              ? { fix }
              : {}),
        };
      },
    },
  ],
};

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
    const findings: Report[] = [];
    for (const a of design.transitGatewayAttachments) {
      if (a.peerTransitGateway === undefined || !a.propagations?.length) continue;
      findings.push({
        message: `Peering attachment "${index.nameOf(a.id)}" propagates to ${a.propagations.map((t) => `"${index.nameOf(t)}"`).join(', ')}, which AWS does not support. Remove the propagations and add static routes over the peering attachment.`,
        elements: [a.id],
      });
    }
    return findings;
  },
};

export const tgwSgReference: Rule = {
  meta: {
    id: 'tgw/sg-reference',
    severity: 'error',
    title:
      'A required flow relies on a security-group reference across a Transit Gateway that AWS does not resolve',
    explanation:
      "A security-group rule may name a group of a VPC on the other side of a Transit Gateway only when security group referencing is on at the TGW and at both VPC attachments, both VPCs are in the TGW's region (a peering attachment never carries it), and the rule is inbound: AWS does not resolve outbound rules that name a group across a TGW. Otherwise the rule matches nothing and the flow is refused. Turn referencing on where that is enough, or admit the other VPC's address range instead.",
    sources: [AWS.tgwSgReferencing],
    fixable: true,
  },
  hops: [
    {
      kinds: ['sg-ingress', 'sg-egress'],
      reasons: ['tgw-sg-reference'],
      describe: (ctx, at) => sgReferenceProblem(ctx, at.planned, at.hop, tgwHop(ctx, at).wanted),
    },
  ],
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
