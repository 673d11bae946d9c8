// The words of a trace's Transit Gateway hops: the VPC route into the TGW, then the TGW's decision
// (which route table, which route, which attachment) or what stops it there (transit.ts).
import type { RouteTable, SgRule, Vpc } from '../model/schema';
import type { Cidr } from './cidr';
import type { NetworkModel } from './model';
import type { RoutePart } from './next-hop';
import type { TgwCrossing, TgwEntry, TgwFailure } from './transit';
import type { Hop } from './trace';

/** The VPC route that sends the traffic to a TGW (it passes; the TGW hop that follows decides). */
export function tgwRouteHop(
  net: NetworkModel,
  kind: 'route' | 'return-route',
  from: Vpc,
  table: RouteTable | undefined,
  destination: Cidr,
  part: RoutePart,
): Hop {
  const name = net.index.nameOf;
  const r = part.hop.kind === 'transit-gateway' ? part.hop.route.route : undefined;
  const tgw = r?.transitGateway ?? '';
  const where = table ? `route table "${name(table.id)}"` : `VPC "${name(from.id)}"`;
  return {
    kind,
    verdict: 'pass',
    detail: `${where}: ${r?.destination ?? destination.text} → transit gateway "${name(tgw)}" (${part.partial ? `more specific, takes part of ${destination.text}` : 'longest match'})`,
    elements: [table?.id ?? from.id, tgw],
    routeTable: table?.id,
    route: { destination: r?.destination ?? destination.text, transitGateway: tgw },
    transitGateway: tgw,
  };
}

const entry = (e: TgwEntry): Hop['tgwRoute'] => ({
  destination: e.destination,
  ...(e.attachment ? { attachment: e.attachment.id } : {}),
  ...(e.blackhole ? { blackhole: true } : {}),
  ...(e.propagated ? { propagated: true } : {}),
});

function routeWords(net: NetworkModel, e: TgwEntry): string {
  const name = net.index.nameOf;
  return `${e.destination} → attachment "${name(e.attachment?.id ?? '')}"${e.propagated ? ' (propagated)' : ''}`;
}

export function tgwPassHop(net: NetworkModel, kind: 'route' | 'return-route', c: TgwCrossing, to: Vpc): Hop {
  const name = net.index.nameOf;
  const peer = c.peer
    ? `; over peering, transit gateway "${name(c.peer.tgw.id)}" table "${name(c.peer.table.id)}": ${routeWords(net, c.peer.route)}`
    : '';
  return {
    kind: 'transit-gateway',
    verdict: 'pass',
    detail: `transit gateway "${name(c.tgw.id)}": attachment "${name(c.ingress.id)}" is associated with table "${name(c.table.id)}": ${routeWords(net, c.route)}${peer}, into VPC "${name(to.id)}"${kind === 'return-route' ? ' (return)' : ''}`,
    elements: [
      c.tgw.id,
      c.ingress.id,
      c.table.id,
      ...(c.peer ? [c.peer.tgw.id, c.peer.table.id] : []),
      c.egress.id,
    ],
    transitGateway: c.tgw.id,
    tgwRouteTable: c.table.id,
    attachment: c.ingress.id,
    tgwRoute: entry(c.route),
  };
}

export function tgwFailHop(net: NetworkModel, kind: 'route' | 'return-route', f: TgwFailure): Hop {
  const elements = [f.table?.id ?? f.attachment?.id ?? f.tgw?.id ?? f.vpc?.id ?? ''].filter(Boolean);
  if (f.attachment && !elements.includes(f.attachment.id)) elements.push(f.attachment.id);
  if (f.tgw && !elements.includes(f.tgw.id)) elements.push(f.tgw.id);
  return {
    kind: 'transit-gateway',
    verdict: 'fail',
    detail: `${f.detail}${kind === 'return-route' ? ' (return path)' : ''}`,
    elements,
    reason: f.reason,
    ...(f.tgw ? { transitGateway: f.tgw.id } : {}),
    ...(f.table ? { tgwRouteTable: f.table.id } : {}),
    ...(f.attachment ? { attachment: f.attachment.id } : {}),
    ...(f.vpc ? { vpc: f.vpc.id } : {}),
    ...(f.az ? { az: f.az } : {}),
    ...(f.route ? { tgwRoute: entry(f.route) } : {}),
    ...(kind === 'return-route' ? { returning: true } : {}),
  };
}

/**
 * A security-group hop that fails only because its admitting rule names a group across the TGW,
 * where AWS does not resolve it (crossingResolvesReferences in transit.ts says when it does).
 */
export function sgReferenceHop(
  net: NetworkModel,
  kind: 'sg-ingress' | 'sg-egress',
  c: TgwCrossing,
  groups: readonly string[],
  by: { group: string; rule: SgRule },
): Hop {
  const name = net.index.nameOf;
  const named = by.rule.securityGroup ?? '';
  const enabling =
    kind === 'sg-ingress' && c.peer === undefined
      ? [
          ...(c.tgw.securityGroupReferencing ? [] : [c.tgw.id]),
          ...[c.ingress, c.egress].filter((a) => a.securityGroupReferencing === false).map((a) => a.id),
        ]
      : undefined;
  const why =
    kind === 'sg-egress'
      ? 'AWS does not resolve outbound rules that name a group across a transit gateway'
      : c.peer
        ? `the traffic crosses peering to transit gateway "${name(c.peer.tgw.id)}", and AWS resolves group references only within one region`
        : `security group referencing is off on ${enabling!.map((id) => (id === c.tgw.id ? `transit gateway "${name(id)}"` : `attachment "${name(id)}"`)).join(' and ')}`;
  return {
    kind,
    verdict: 'fail',
    detail: `group "${name(by.group)}" ${kind === 'sg-ingress' ? 'admits' : 'lets out'} tcp/443 only by naming group "${name(named)}" across transit gateway "${name(c.tgw.id)}", but ${why}`,
    elements: [by.group, c.tgw.id],
    reason: 'tgw-sg-reference',
    groups: [...groups],
    transitGateway: c.tgw.id,
    reference: { group: by.group, securityGroup: named, ...(enabling ? { enabling } : {}) },
  };
}
