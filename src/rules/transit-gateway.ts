// Transit Gateway rules: the flow hops through a TGW that fail (transit.ts judges them, each rule
// words its own), and what AWS refuses outright: propagation from a peering attachment, and group
// references a TGW does not resolve.
import { associateTgwAttachment, attachTgwSubnet } from '../model/commands/tgw-attachment';
import { setTgwRoute } from '../model/commands/tgw-route';
import { shareTgw } from '../model/commands/transit-gateway';
import { quoted } from './flow-problems';
import { betterTable, onwardAttachment, routeFix, tgwHop } from './tgw-problems';
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
    fixable: false,
  },
  hops: [
    {
      kinds: ['transit-gateway'],
      reasons: ['tgw-no-attachment'],
      describe(ctx, at) {
        const { hop } = at;
        const { fromVpc, what } = tgwHop(ctx, at);
        const vpc = hop.vpc ?? fromVpc.id;
        return {
          message: `${hop.detail}, so ${what} cannot use transit gateway ${quoted(ctx, hop.transitGateway ?? '')}. Attach VPC ${quoted(ctx, vpc)} to it (one subnet per Availability Zone), in the TGW's region, and accept the attachment.`,
          elements: [...hop.elements, vpc],
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
    const findings: Report[] = [];
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
