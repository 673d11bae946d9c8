// The words of a trace: each hop the reachability walk records in its traced mode, with the
// elements it looked at. Pure formatting of what the walk decided (reachability.ts, next-hop.ts).
import type { Endpoint, Peering, RouteTable, Subnet, Vpc } from '../model/schema';
import type { Cidr } from './cidr';
import type { NetworkModel } from './model';
import type { CrossingFailure, RoutePart } from './next-hop';
import type { FlowSource, FlowTarget } from './reachability';
import { groupsAllow443 } from './security-groups';
import type { Hop, HopKind, HopReason } from './trace';

function hop(
  kind: HopKind,
  verdict: Hop['verdict'],
  detail: string,
  elements: string[],
  extra?: Partial<Hop>,
): Hop {
  return { kind, verdict, detail, elements, ...extra };
}

export function sourceHop(source: FlowSource): Hop {
  return hop('source', 'pass', `${source.label} (${source.range.text})`, [source.id]);
}

export function tableHop(
  net: NetworkModel,
  kind: 'route-table' | 'destination-route-table',
  subnet: Subnet,
  table: RouteTable | undefined,
): Hop {
  const name = net.index.nameOf;
  return table
    ? hop(
        kind,
        'pass',
        `subnet "${name(subnet.id)}" uses route table "${name(table.id)}"`,
        [subnet.id, table.id],
        { routeTable: table.id },
      )
    : hop(
        kind,
        'pass',
        `subnet "${name(subnet.id)}" has no route table; only the local route applies`,
        [subnet.id],
        {
          reason: 'no-route',
        },
      );
}

/** A route hop whose destination lies outside the VPC it must reach (no valid block holds it). */
export function unreachedHop(
  net: NetworkModel,
  kind: 'route' | 'return-route',
  to: Vpc,
  destination: Cidr,
  table: RouteTable | undefined,
): Hop {
  return hop(
    kind,
    'fail',
    `${destination.text} lies outside the blocks of VPC "${net.index.nameOf(to.id)}", so traffic entering that VPC is not delivered to it`,
    [to.id],
    { reason: 'invalid', routeTable: table?.id },
  );
}

const REASON: Record<CrossingFailure, HopReason> = {
  'local-shadow': 'local-shadow',
  'no-route': 'no-route',
  gateway: 'gateway',
  'unknown-peering': 'unknown-peering',
  'foreign-peering': 'foreign-peering',
  'other-peering': 'other-peering',
};

/** The route hop of one direction: the part of the destination that decides, and its verdict. */
export function routeHop(
  net: NetworkModel,
  kind: 'route' | 'return-route',
  from: Vpc,
  table: RouteTable | undefined,
  to: Vpc,
  destination: Cidr,
  part: RoutePart,
  outcome: Peering | 'within' | CrossingFailure,
): Hop {
  const name = net.index.nameOf;
  const tableId = table?.id;
  const where = table ? `route table "${name(table.id)}"` : `VPC "${name(from.id)}" (no main route table)`;
  const elements = [tableId ?? from.id];
  const h = part.hop;
  const how = part.partial ? `more specific, takes part of ${destination.text}` : 'longest match';
  const partial = part.partial ? { partial: true } : {};
  if (outcome === 'within')
    return hop(kind, 'pass', `local route inside VPC "${name(from.id)}"`, [from.id], {
      routeTable: tableId,
      route: { destination: h.kind === 'local' ? h.block.text : from.cidr, local: true },
    });
  if (typeof outcome !== 'string') {
    const r = h.kind === 'peering' ? h.route.route : undefined;
    return hop(
      kind,
      'pass',
      part.partial
        ? `${where}: routes inside ${destination.text} → peering "${name(outcome.id)}" cover all of it`
        : `${where}: ${r?.destination ?? destination.text} → peering "${name(outcome.id)}" (longest match)`,
      [...elements, outcome.id],
      {
        routeTable: tableId,
        route: { destination: r?.destination ?? destination.text, peering: outcome.id },
        peering: outcome.id,
      },
    );
  }
  const reason = REASON[outcome];
  if (h.kind === 'local')
    return hop(
      kind,
      'fail',
      `${destination.text} overlaps block ${h.block.text} of VPC "${name(from.id)}" itself: the local route keeps that traffic inside VPC "${name(from.id)}", so it never reaches VPC "${name(to.id)}"`,
      [from.id, to.id],
      { reason, routeTable: tableId, route: { destination: h.block.text, local: true }, ...partial },
    );
  if (h.kind === 'none')
    return hop(kind, 'fail', `${where}: no route covers ${destination.text}`, elements, {
      reason,
      routeTable: tableId,
    });
  const r = h.route.route;
  const route = { destination: r.destination, peering: r.peering, gateway: r.gateway };
  const extra = { reason, routeTable: tableId, route, ...partial };
  if (h.kind === 'gateway')
    return hop(
      kind,
      'fail',
      `${where}: ${r.destination} → ${r.gateway} gateway (${how}), not a peering to "${name(to.id)}"`,
      elements,
      extra,
    );
  const p = h.kind === 'peering' ? h.peering : undefined;
  if (!p)
    return hop(
      kind,
      'fail',
      `${where}: ${r.destination} → ${r.peering ?? '?'}, a peering that does not exist`,
      elements,
      extra,
    );
  if (outcome === 'foreign-peering')
    return hop(
      kind,
      'fail',
      `${where}: ${r.destination} → peering "${name(p.id)}", which does not involve VPC "${name(from.id)}"`,
      [...elements, p.id],
      extra,
    );
  const other = p.requester === from.id ? p.accepter : p.requester;
  return hop(
    kind,
    'fail',
    `${where}: ${r.destination} → peering "${name(p.id)}" (${how}) leads to VPC "${name(other)}", not "${name(to.id)}" (peering is not transitive)`,
    [...elements, p.id],
    { ...extra, peering: p.id },
  );
}

export function peeringHop(net: NetworkModel, a: Vpc, b: Vpc, peering: Peering | undefined): Hop {
  const name = net.index.nameOf;
  if (!peering)
    return hop(
      'peering',
      'fail',
      `no peering joins VPC "${name(a.id)}" and VPC "${name(b.id)}"`,
      [a.id, b.id],
      {
        reason: 'no-peering',
      },
    );
  if (peering.status !== 'active')
    return hop('peering', 'fail', `peering "${name(peering.id)}" is pending acceptance`, [peering.id], {
      reason: 'not-active',
      peering: peering.id,
    });
  return hop('peering', 'pass', `peering "${name(peering.id)}" is active`, [peering.id], {
    peering: peering.id,
  });
}

function groupList(net: NetworkModel, groups: readonly string[]): string {
  return groups.map((g) => `"${net.index.nameOf(g)}"`).join(', ');
}

/** `peers`: the endpoint's groups a rule may name (none across a TGW). */
export function egressHop(
  net: NetworkModel,
  source: FlowSource,
  peers: readonly string[],
  destination: Cidr,
  ok: boolean,
): Hop {
  const name = net.index.nameOf;
  if (source.groups.length === 0)
    return hop(
      'sg-egress',
      'pass',
      `${source.label} has no security group; the VPC default group lets all traffic out`,
      [source.id],
      { groups: [] },
    );
  const groups = [...source.groups];
  if (!ok)
    return hop(
      'sg-egress',
      'fail',
      `no rule in ${groupList(net, source.groups)} lets tcp/443 out to ${destination.text}`,
      groups,
      { reason: 'no-rule', groups },
    );
  const by = groupsAllow443(net, source.groups, 'egress', destination, peers, source.vpc.region).admittedBy!
    .group;
  return hop('sg-egress', 'pass', `group "${name(by)}" lets tcp/443 out to ${destination.text}`, [by], {
    groups,
  });
}

/** `peers`: the source's groups a rule may name (see reachability.ts for a TGW crossing). */
export function ingressHop(
  net: NetworkModel,
  source: FlowSource,
  endpoint: Endpoint,
  vpc: Vpc,
  peers: readonly string[],
  ok: boolean,
): Hop {
  const name = net.index.nameOf;
  const groups = [...endpoint.securityGroups];
  if (groups.length === 0)
    return hop(
      'sg-ingress',
      'fail',
      `endpoint "${name(endpoint.id)}" has no security group that admits tcp/443`,
      [endpoint.id],
      { reason: 'no-rule', groups },
    );
  if (!ok)
    return hop(
      'sg-ingress',
      'fail',
      `no rule in ${groupList(net, groups)} admits tcp/443 from ${source.range.text}`,
      groups,
      { reason: 'no-rule', groups },
    );
  const by = groupsAllow443(net, groups, 'ingress', source.range, peers, vpc.region).admittedBy!.group;
  return hop('sg-ingress', 'pass', `group "${name(by)}" admits tcp/443 from ${source.range.text}`, [by], {
    groups,
  });
}

/** The last hop: the endpoint's interface, reached or not (`reason` when the subnet itself is at fault). */
export function destinationHop(
  net: NetworkModel,
  target: FlowTarget,
  destination: Cidr | undefined,
  ok: boolean,
  reason?: HopReason,
): Hop {
  const name = net.index.nameOf;
  if (!destination)
    return hop(
      'destination',
      'fail',
      `subnet "${name(target.subnet.id)}" has no valid CIDR`,
      [target.subnet.id],
      {
        reason: reason ?? 'invalid',
      },
    );
  return hop(
    'destination',
    ok ? 'pass' : 'fail',
    `endpoint "${name(target.endpoint.id)}" in subnet "${name(target.subnet.id)}" (${destination.text})`,
    [target.endpoint.id, target.subnet.id],
  );
}
