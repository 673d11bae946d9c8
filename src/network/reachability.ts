// "Can this source open tcp/443 to this endpoint subnet?" answered as a trace (see trace.ts).
// Every hop is judged even after one fails, so a single answer names everything that blocks —
// a missing forward route and a missing return route are both reported, and both can be fixed.
// AWS facts applied: the local route covers the VPC's own blocks; a peering carries traffic only
// between exactly its two VPCs (never transitively) and only once accepted; route tables are not
// stateful, so the destination side needs a return route; security groups are stateful.
import type { Endpoint, Peering, RouteTable, SgRule, Subnet, Vpc } from '../model/schema';
import { cidrOf, contains, type Cidr } from './cidr';
import type { NetworkModel, ParsedRoute } from './model';
import { coverAll, routeFor, type RouteMatch } from './routes';
import { groupsAdmit443, groupsAllow443, rulesOfGroups, rulesAdmit443 } from './security-groups';
import type { Hop, HopKind, HopReason, Trace } from './trace';

export interface FlowSource {
  /** The element the traffic starts from (worker subnet, appliance, endpoint VPC). */
  id: string;
  /** What flow ids name the source by, when `id` alone is not unique (a subnet used with two groups). */
  flowKey?: string;
  label: string;
  vpc: Vpc;
  /** Subnets whose route tables carry the traffic out. */
  subnets: readonly Subnet[];
  /** The addresses the destination sees. */
  range: Cidr;
  groups: readonly string[];
  /** Whether the source's own groups are part of the requirement. */
  checkEgress: boolean;
  /** Its groups' egress rules, gathered on the first flow judged (a source has several). */
  egressRules?: readonly SgRule[];
  /**
   * The last security-group answers given for this source. Its flows are judged one after the
   * other, and the endpoints of one VPC usually share subnets and a group, so the next flow
   * mostly asks the same question again.
   */
  lastEgress?: { destination: Cidr; peers: readonly string[]; ok: boolean };
  lastIngress?: { vpc: Vpc; groups: readonly string[]; ok: boolean };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface FlowTarget {
  endpoint: Endpoint;
  vpc: Vpc;
  subnet: Subnet;
}

function hop(
  kind: HopKind,
  verdict: Hop['verdict'],
  detail: string,
  elements: string[],
  extra?: Partial<Hop>,
): Hop {
  return { kind, verdict, detail, elements, ...extra };
}

/** How one route table treats a destination, as data (no text): the basis of route hops and verdicts. */
export interface RouteJudgement {
  verdict: Hop['verdict'];
  reason?: HopReason;
  /** What the table's lookup found (absent only without a table). */
  match?: RouteMatch;
  /** The route that decides: the most specific one holding the destination, or a more specific one taking part of it. */
  route?: ParsedRoute;
  /** The deciding route holds only part of the destination; the rest goes by other routes. */
  partial?: boolean;
  /** The peering of the deciding route, when it exists. */
  peering?: Peering;
}

/** A route's peering, looked up once per route table and validation (routes are judged per flow). */
function peeringOf(net: NetworkModel, parsed: ParsedRoute): Peering | undefined {
  if (parsed.peering === undefined) {
    const id = parsed.route.peering;
    parsed.peering = (id === undefined ? undefined : net.index.peerings.get(id)?.element) ?? null;
  }
  return parsed.peering ?? undefined;
}

/** Whether one route carries traffic from VPC `from` to VPC `to`. */
function judgeTarget(
  net: NetworkModel,
  from: Vpc,
  to: Vpc,
  parsed: ParsedRoute,
): Pick<RouteJudgement, 'verdict' | 'reason' | 'peering'> {
  if (parsed.route.gateway !== undefined) return { verdict: 'fail', reason: 'gateway' };
  const peering = peeringOf(net, parsed);
  if (!peering) return { verdict: 'skip', reason: 'unknown' };
  if (peering.requester !== from.id && peering.accepter !== from.id)
    return { verdict: 'fail', reason: 'foreign-peering', peering };
  const other = peering.requester === from.id ? peering.accepter : peering.requester;
  if (other !== to.id) return { verdict: 'fail', reason: 'other-peering', peering };
  return { verdict: 'pass', peering };
}

export function judgeRoute(
  net: NetworkModel,
  from: Vpc,
  table: RouteTable | undefined,
  to: Vpc,
  destination: Cidr,
): RouteJudgement {
  const match = routeFor(net, from, table, destination);
  if (match.kind === 'local') return { verdict: 'skip', reason: 'unknown', match };
  // A more specific route sending part of the destination elsewhere breaks the flow for the
  // addresses it takes (an endpoint's interface may sit in any of them), whatever holds the rest.
  let innerPeering: Peering | undefined;
  for (const parsed of match.inner) {
    const j = judgeTarget(net, from, to, parsed);
    if (j.verdict !== 'pass') return { ...j, match, route: parsed, partial: true };
    innerPeering ??= j.peering;
  }
  // Routes inside the destination may also hold all of it between them.
  if (match.inner.length && coverAll(match.inner, destination))
    return { verdict: 'pass', match, route: match.inner[0], peering: innerPeering };
  if (match.kind === 'none') return { verdict: 'fail', reason: 'no-route', match };
  return { ...judgeTarget(net, from, to, match.match), match, route: match.match };
}

/**
 * judgeRoute's verdict without its match objects, for pathVerdict (run for every flow): the
 * peering the route uses when it passes, else 'fail' or 'skip'. Mirrors routeFor and judgeRoute;
 * a table with routes inside the destination (rare) goes to judgeRoute itself.
 */
function routeOutcome(
  net: NetworkModel,
  from: Vpc,
  table: RouteTable | undefined,
  to: Vpc,
  destination: Cidr,
): Peering | 'fail' | 'skip' {
  for (const block of net.blocksOf(from)) if (contains(block, destination)) return 'skip';
  if (!table) return 'fail';
  let match: ParsedRoute | undefined;
  for (const parsed of net.routesOf(table)) {
    if (contains(parsed.cidr, destination)) {
      match = parsed;
      break;
    }
    if (contains(destination, parsed.cidr)) {
      const j = judgeRoute(net, from, table, to, destination);
      return j.verdict === 'pass' ? j.peering! : j.verdict;
    }
  }
  if (!match || match.route.gateway !== undefined) return 'fail';
  const peering = peeringOf(net, match);
  if (!peering) return 'skip';
  if (peering.requester !== from.id && peering.accepter !== from.id) return 'fail';
  const other = peering.requester === from.id ? peering.accepter : peering.requester;
  return other === to.id ? peering : 'fail';
}

function routeHop(
  net: NetworkModel,
  kind: 'route' | 'return-route',
  from: Vpc,
  table: RouteTable | undefined,
  to: Vpc,
  destination: Cidr,
): Hop {
  const name = net.index.nameOf;
  const tableId = table?.id;
  const where = table ? `route table "${name(table.id)}"` : `VPC "${name(from.id)}" (no main route table)`;
  const elements = [tableId ?? from.id];
  const j = judgeRoute(net, from, table, to, destination);
  const m = j.match!;
  if (m.kind === 'local')
    return hop(
      kind,
      'skip',
      `${destination.text} lies inside VPC "${name(from.id)}" itself (overlapping blocks)`,
      elements,
      {
        reason: 'unknown',
        routeTable: tableId,
        route: { destination: m.block.text, local: true },
      },
    );
  if (!j.route)
    return hop(kind, 'fail', `${where}: no route covers ${destination.text}`, elements, {
      reason: 'no-route',
      routeTable: tableId,
    });
  const r = j.route.route;
  const route = { destination: r.destination, peering: r.peering, gateway: r.gateway };
  const extra = { reason: j.reason, routeTable: tableId, route, ...(j.partial ? { partial: true } : {}) };
  const p = j.peering;
  // A route holding only part of the destination is named as such: the rest goes elsewhere.
  const how = j.partial ? `more specific, takes part of ${destination.text}` : 'longest match';
  switch (j.reason) {
    case 'gateway':
      return hop(
        kind,
        'fail',
        `${where}: ${r.destination} → ${r.gateway} gateway (${how}), not a peering to "${name(to.id)}"`,
        elements,
        extra,
      );
    case 'unknown':
      return hop(
        kind,
        'skip',
        `${where}: ${r.destination} → ${r.peering ?? '?'}, a peering that does not exist`,
        elements,
        extra,
      );
    case 'foreign-peering':
      return hop(
        kind,
        'fail',
        `${where}: ${r.destination} → peering "${name(p!.id)}", which does not involve VPC "${name(from.id)}"`,
        [...elements, p!.id],
        extra,
      );
    case 'other-peering': {
      const other = p!.requester === from.id ? p!.accepter : p!.requester;
      return hop(
        kind,
        'fail',
        `${where}: ${r.destination} → peering "${name(p!.id)}" (${how}) leads to VPC "${name(other)}", not "${name(to.id)}" (peering is not transitive)`,
        [...elements, p!.id],
        { ...extra, peering: p!.id },
      );
    }
    default:
      return hop(
        kind,
        'pass',
        m.kind === 'route' && j.route === m.match
          ? `${where}: ${r.destination} → peering "${name(p!.id)}" (longest match)`
          : `${where}: routes inside ${destination.text} → peering "${name(p!.id)}" cover all of it`,
        [...elements, p!.id],
        { routeTable: tableId, route, peering: p!.id },
      );
  }
}

/** A joining peering to show and fix with: an active one first. */
function joiningPeering(net: NetworkModel, a: string, b: string): Peering | undefined {
  const joining = net.peeringsBetween(a, b);
  return joining.find((p) => p.status === 'active') ?? joining[0];
}

/**
 * The verdict traceFlow would reach, without building the trace: validation runs it for every
 * (flow, endpoint subnet) and builds full traces only where something fails or the UI asks.
 * A unit test holds the two to the same answer.
 */
export function flowVerdict(net: NetworkModel, source: FlowSource, target: FlowTarget): Hop['verdict'] {
  const destination = cidrOf(target.subnet.cidr);
  if (!destination) return 'skip';
  const path = pathVerdict(net, source, target.vpc, target.subnet, destination);
  if (
    path === 'fail' ||
    !egressAllows(net, source, target.endpoint, destination) ||
    !ingressAllows(net, source, target.endpoint, target.vpc)
  )
    return 'fail';
  return path;
}

/** The endpoint's subnets that exist in its own VPC: where a flow to it is judged and traced. */
export function endpointSubnetsOf(net: NetworkModel, endpoint: Endpoint, vpc: Vpc): Subnet[] {
  const subnets: Subnet[] = [];
  for (const id of endpoint.subnets) {
    const local = net.subnetIn(vpc, id);
    if (local) subnets.push(local.subnet);
  }
  return subnets;
}

/**
 * Whether a flow passes on every one of endpointSubnetsOf (and there is one), as flowVerdict
 * would judge each. The endpoint's ingress check does not depend on the subnet, so it runs once.
 */
export function flowPasses(net: NetworkModel, source: FlowSource, endpoint: Endpoint, vpc: Vpc): boolean {
  let judged = false;
  for (const id of endpoint.subnets) {
    const local = net.subnetIn(vpc, id);
    if (!local) continue;
    if (!judged && !ingressAllows(net, source, endpoint, vpc)) return false;
    judged = true;
    const destination = local.cidr;
    if (
      !destination ||
      pathVerdict(net, source, vpc, local.subnet, destination) !== 'pass' ||
      !egressAllows(net, source, endpoint, destination)
    )
      return false;
  }
  return judged;
}

/** Routes both ways and the peering between them: what traceFlow's route and peering hops decide. */
function pathVerdict(
  net: NetworkModel,
  source: FlowSource,
  vpc: Vpc,
  subnet: Subnet,
  destination: Cidr,
): Hop['verdict'] {
  if (source.vpc.id === vpc.id) return 'pass';
  let failed = false;
  let skipped = false;
  let used: Peering | undefined;
  for (const from of source.subnets) {
    const table = net.tableOf(from, source.vpc);
    if (!table) failed = true;
    const out = routeOutcome(net, source.vpc, table, vpc, destination);
    if (out === 'fail') failed = true;
    else if (out === 'skip') skipped = true;
    else used = out;
  }
  const peering = used ?? joiningPeering(net, source.vpc.id, vpc.id);
  if (!peering) skipped = true;
  else if (peering.status !== 'active') failed = true;
  const backTable = net.tableOf(subnet, vpc);
  if (!backTable) failed = true;
  const back = routeOutcome(net, vpc, backTable, source.vpc, source.range);
  if (back === 'fail') failed = true;
  else if (back === 'skip') skipped = true;
  return failed ? 'fail' : skipped ? 'skip' : 'pass';
}

/** The source's own groups let tcp/443 out (or are not part of the requirement). */
function egressAllows(net: NetworkModel, source: FlowSource, endpoint: Endpoint, destination: Cidr): boolean {
  if (!source.checkEgress || source.groups.length === 0) return true;
  const peers = endpoint.securityGroups;
  const last = source.lastEgress;
  if (last && last.destination === destination && sameIds(last.peers, peers)) return last.ok;
  const rules = (source.egressRules ??= rulesOfGroups(net, source.groups, 'egress', source.vpc));
  const ok = rulesAdmit443(net, rules, destination, peers, source.vpc.region, source.vpc);
  source.lastEgress = { destination, peers, ok };
  return ok;
}

/** The endpoint has a group, and one of its groups admits tcp/443 from the source. */
function ingressAllows(net: NetworkModel, source: FlowSource, endpoint: Endpoint, vpc: Vpc): boolean {
  const groups = endpoint.securityGroups;
  if (groups.length === 0) return false;
  const last = source.lastIngress;
  if (last && last.vpc === vpc && sameIds(last.groups, groups)) return last.ok;
  const ok = groupsAdmit443(net, groups, 'ingress', source.range, source.groups, vpc.region, vpc);
  source.lastIngress = { vpc, groups, ok };
  return ok;
}

export function traceFlow(net: NetworkModel, source: FlowSource, target: FlowTarget): Trace {
  const name = net.index.nameOf;
  const hops: Hop[] = [hop('source', 'pass', `${source.label} (${source.range.text})`, [source.id])];
  const destination = cidrOf(target.subnet.cidr);
  if (!destination) {
    hops.push(
      hop('destination', 'skip', `subnet "${name(target.subnet.id)}" has no valid CIDR`, [target.subnet.id], {
        reason: 'unknown',
      }),
    );
    return finish(hops);
  }

  if (source.vpc.id === target.vpc.id) {
    hops.push(
      hop('route', 'pass', `local route inside VPC "${name(source.vpc.id)}"`, [source.vpc.id], {
        route: { destination: source.vpc.cidr, local: true },
      }),
    );
  } else {
    const joining = joiningPeering(net, source.vpc.id, target.vpc.id);
    let used: string | undefined;
    for (const subnet of source.subnets) {
      const table = net.tableOf(subnet, source.vpc);
      hops.push(
        hop(
          'route-table',
          table ? 'pass' : 'fail',
          table
            ? `subnet "${name(subnet.id)}" uses route table "${name(table.id)}"`
            : `subnet "${name(subnet.id)}" has no route table`,
          [subnet.id, ...(table ? [table.id] : [])],
          {
            routeTable: table?.id,
            reason: table ? undefined : 'no-route',
          },
        ),
      );
      const forward = routeHop(net, 'route', source.vpc, table, target.vpc, destination);
      if (forward.verdict === 'pass') used = forward.peering;
      else if (!forward.peering && joining) forward.peering = joining.id;
      hops.push(forward);
    }
    const peering = net.index.peerings.get(used ?? '')?.element ?? joining;
    if (!peering) {
      hops.push(
        hop(
          'peering',
          'skip',
          `no peering joins VPC "${name(source.vpc.id)}" and VPC "${name(target.vpc.id)}"`,
          [source.vpc.id, target.vpc.id],
          { reason: 'unknown' },
        ),
      );
    } else if (peering.status !== 'active') {
      hops.push(
        hop('peering', 'fail', `peering "${name(peering.id)}" is pending acceptance`, [peering.id], {
          reason: 'not-active',
          peering: peering.id,
        }),
      );
    } else {
      hops.push(
        hop('peering', 'pass', `peering "${name(peering.id)}" is active`, [peering.id], {
          peering: peering.id,
        }),
      );
    }
    const backTable = net.tableOf(target.subnet, target.vpc);
    hops.push(
      hop(
        'destination-route-table',
        backTable ? 'pass' : 'fail',
        backTable
          ? `subnet "${name(target.subnet.id)}" uses route table "${name(backTable.id)}"`
          : `subnet "${name(target.subnet.id)}" has no route table`,
        [target.subnet.id, ...(backTable ? [backTable.id] : [])],
        {
          routeTable: backTable?.id,
          reason: backTable ? undefined : 'no-route',
        },
      ),
    );
    const back = routeHop(net, 'return-route', target.vpc, backTable, source.vpc, source.range);
    if (!back.peering && peering) back.peering = peering.id;
    hops.push(back);
  }

  if (source.checkEgress) {
    if (source.groups.length === 0) {
      hops.push(
        hop(
          'sg-egress',
          'pass',
          `${source.label} has no security group; the VPC default group lets all traffic out`,
          [source.id],
          { groups: [] },
        ),
      );
    } else {
      const out = groupsAllow443(
        net,
        source.groups,
        'egress',
        destination,
        target.endpoint.securityGroups,
        source.vpc.region,
      );
      hops.push(
        out.ok
          ? hop(
              'sg-egress',
              'pass',
              `group "${name(out.admittedBy!.group)}" lets tcp/443 out to ${destination.text}`,
              [out.admittedBy!.group],
              { groups: [...source.groups] },
            )
          : hop(
              'sg-egress',
              'fail',
              `no rule in ${groupList(net, source.groups)} lets tcp/443 out to ${destination.text}`,
              [...source.groups],
              { reason: 'no-rule', groups: [...source.groups] },
            ),
      );
    }
  }

  const groups = target.endpoint.securityGroups;
  if (groups.length === 0) {
    hops.push(
      hop(
        'sg-ingress',
        'fail',
        `endpoint "${name(target.endpoint.id)}" has no security group that admits tcp/443`,
        [target.endpoint.id],
        { reason: 'no-rule', groups: [] },
      ),
    );
  } else {
    const inn = groupsAllow443(net, groups, 'ingress', source.range, source.groups, target.vpc.region);
    hops.push(
      inn.ok
        ? hop(
            'sg-ingress',
            'pass',
            `group "${name(inn.admittedBy!.group)}" admits tcp/443 from ${source.range.text}`,
            [inn.admittedBy!.group],
            { groups: [...groups] },
          )
        : hop(
            'sg-ingress',
            'fail',
            `no rule in ${groupList(net, groups)} admits tcp/443 from ${source.range.text}`,
            [...groups],
            { reason: 'no-rule', groups: [...groups] },
          ),
    );
  }
  hops.push(
    hop(
      'destination',
      'pass',
      `endpoint "${name(target.endpoint.id)}" in subnet "${name(target.subnet.id)}" (${destination.text})`,
      [target.endpoint.id, target.subnet.id],
    ),
  );
  return finish(hops);
}

function groupList(net: NetworkModel, groups: readonly string[]): string {
  return groups.map((g) => `"${net.index.nameOf(g)}"`).join(', ');
}

function finish(hops: Hop[]): Trace {
  const failing = hops.filter((h) => h.verdict === 'fail');
  const undecided = hops.some((h) => h.verdict === 'skip');
  const last = hops[hops.length - 1]!;
  if (last.kind === 'destination' && (failing.length || undecided))
    last.verdict = failing.length ? 'fail' : 'skip';
  return {
    ok: failing.length === 0 && !undecided,
    hops,
    blocking: [...new Set(failing.flatMap((h) => (h.kind === 'destination' ? [] : h.elements)))],
  };
}

/** Whether a trace could be judged at all (a skip means a structural problem hides the answer). */
export function isJudged(trace: Trace): boolean {
  return trace.ok || trace.hops.some((h) => h.verdict === 'fail');
}
