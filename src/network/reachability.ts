// "Can this source open tcp/443 to this endpoint subnet?" — one walk over the next-hop graph
// (next-hop.ts): out of the source subnets' route tables, across a peering, and back from the
// endpoint subnet's table (route tables are not stateful, so the return route is required), then
// the security groups at both ends (stateful: one rule each way suffices). The same walk answers
// in two modes: without a recorder it stops at the first failure (validation asks it for every
// flow); with one it judges every hop and records it, so a single trace names everything that
// blocks (see trace.ts) — a missing forward and a missing return route are both reported.
import type { Endpoint, Peering, SgRule, Subnet, Vpc } from '../model/schema';
import { cidrOf, type Cidr } from './cidr';
import type { NetworkModel } from './model';
import { localBothWays, routeStep } from './next-hop';
import { crossingResolvesReferences, isTgwCrossing, type TgwCrossing } from './transit';
import { destinationHop, egressHop, ingressHop, peeringHop, sourceHop, tableHop } from './hops';
import { sgReferenceHop } from './hops-tgw';
import { groupsAdmit443, ruleNaming, rulesAdmit443, rulesOfGroups } from './security-groups';
import type { Hop, HopReason, Trace } from './trace';

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
  lastEgress?: EgressAnswer;
  /** The egress answer before it: an endpoint usually sits in two subnets, asked about in turn. */
  priorEgress?: EgressAnswer;
  lastIngress?: { vpc: Vpc; groups: readonly string[]; peers: readonly string[]; ok: boolean };
}

interface EgressAnswer {
  destination: Cidr;
  peers: readonly string[];
  ok: boolean;
}

export interface FlowTarget {
  endpoint: Endpoint;
  vpc: Vpc;
  subnet: Subnet;
}

/** Where the traced mode writes its hops; absent, the walk only answers pass or fail. */
export type Recorder = Hop[] | undefined;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A joining peering to show and fix with: an active one first. */
export function joiningPeering(net: NetworkModel, a: string, b: string): Peering | undefined {
  const joining = net.peeringsBetween(a, b);
  return joining.find((p) => p.status === 'active') ?? joining[0];
}

/**
 * Whether `source` reaches the endpoint through `target.subnet` on tcp/443. With a recorder,
 * every hop is judged and recorded; without one, the first failure ends the walk.
 */
export function judgeFlow(
  net: NetworkModel,
  source: FlowSource,
  target: FlowTarget,
  rec?: Recorder,
): boolean {
  return walk(net, source, target, cidrOf(target.subnet.cidr), rec);
}

/** judgeFlow with the endpoint subnet's block already parsed (undefined: not a valid CIDR). */
function walk(
  net: NetworkModel,
  source: FlowSource,
  target: FlowTarget,
  destination: Cidr | undefined,
  rec: Recorder,
): boolean {
  rec?.push(sourceHop(source));
  if (!destination) {
    rec?.push(destinationHop(net, target, undefined, false, 'invalid'));
    return false;
  }
  // Without a recorder the first failure answers; with one, every hop is still judged.
  let ok = true;

  let used: Peering | TgwCrossing | undefined;
  // Inside one VPC the local route carries both ways when both ends lie in its blocks.
  const local =
    !rec && source.vpc === target.vpc && localBothWays(net, source.vpc, destination, source.range);
  if (!local) {
    for (const subnet of source.subnets) {
      const table = rec && net.tableOf(subnet, source.vpc);
      const tHop = rec && tableHop(net, 'route-table', subnet, table);
      if (tHop) rec!.push(tHop);
      const out = routeStep(net, 'route', source.vpc, subnet, target.vpc, destination, rec, target.subnet);
      if (!out) {
        if (!rec) return false;
        if (tHop && !table) tHop.verdict = 'fail';
        ok = false;
      } else if (out !== 'within') used = out;
    }
  }

  // A crossing through a Transit Gateway was judged whole by the route step (transit.ts); a
  // failed one is recorded there, so no peering is looked for in its place.
  const viaTgw = isTgwCrossing(used) || (rec !== undefined && rec.some((h) => h.kind === 'transit-gateway'));
  if (source.vpc.id !== target.vpc.id && !viaTgw) {
    const peering = (used as Peering | undefined) ?? joiningPeering(net, source.vpc.id, target.vpc.id);
    rec?.push(peeringHop(net, source.vpc, target.vpc, peering));
    if (!peering || peering.status !== 'active') {
      if (!rec) return false;
      ok = false;
    }
  }

  const backTable = rec && net.tableOf(target.subnet, target.vpc);
  const bHop = rec && tableHop(net, 'destination-route-table', target.subnet, backTable);
  if (bHop) rec!.push(bHop);
  if (
    !local &&
    !routeStep(net, 'return-route', target.vpc, target.subnet, source.vpc, source.range, rec, source.subnets)
  ) {
    if (!rec) return false;
    if (bHop && !backTable) bHop.verdict = 'fail';
    ok = false;
  }

  // Across a TGW, a rule naming a group of the other VPC counts only where AWS resolves it: never
  // in an outbound rule, and inbound only with referencing on (transit.ts). Elsewhere it is judged
  // as before (same VPC, or a peering within one region).
  const tgw = isTgwCrossing(used) ? used : undefined;
  const outPeers = tgw ? NO_GROUPS : target.endpoint.securityGroups;
  const inPeers = tgw && !crossingResolvesReferences(tgw) ? NO_GROUPS : source.groups;
  if (source.checkEgress) {
    const out = egressAllows(net, source, outPeers, destination);
    const byRef =
      rec && !out && tgw
        ? ruleNaming(net, source.groups, 'egress', target.endpoint.securityGroups, source.vpc)
        : undefined;
    rec?.push(
      byRef
        ? sgReferenceHop(net, 'sg-egress', tgw!, source.groups, byRef)
        : egressHop(net, source, outPeers, destination, out),
    );
    if (!out) {
      if (!rec) return false;
      ok = false;
    }
  }
  const inn = ingressAllows(net, source, target.endpoint, target.vpc, inPeers);
  const byRef =
    rec && !inn && tgw
      ? ruleNaming(net, target.endpoint.securityGroups, 'ingress', source.groups, target.vpc)
      : undefined;
  rec?.push(
    byRef
      ? sgReferenceHop(net, 'sg-ingress', tgw!, target.endpoint.securityGroups, byRef)
      : ingressHop(net, source, target.endpoint, target.vpc, inPeers, inn),
  );
  if (!inn) {
    if (!rec) return false;
    ok = false;
  }
  rec?.push(destinationHop(net, target, destination, ok));
  return ok;
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
 * Whether a flow passes on every one of endpointSubnetsOf: an endpoint without a subnet in its
 * VPC has no network interface, so nothing reaches it. `scratch`, when given, is the target object
 * the walk is handed (its fields rewritten): the caller judges every flow with one.
 */
export function flowPasses(
  net: NetworkModel,
  source: FlowSource,
  endpoint: Endpoint,
  vpc: Vpc,
  scratch?: FlowTarget,
): boolean {
  let judged = false;
  let target = scratch;
  const ids = endpoint.subnets;
  for (let i = 0; i < ids.length; i++) {
    const local = net.subnetIn(vpc, ids[i]!);
    if (!local) continue;
    judged = true;
    if (target) {
      target.endpoint = endpoint;
      target.vpc = vpc;
      target.subnet = local.subnet;
    } else target = { endpoint, vpc, subnet: local.subnet };
    if (!walk(net, source, target, local.cidr, undefined)) return false;
  }
  return judged;
}

/** The traced walk: one trace per endpoint subnet (see judgeFlow). */
export function traceFlow(net: NetworkModel, source: FlowSource, target: FlowTarget): Trace {
  const hops: Hop[] = [];
  const ok = judgeFlow(net, source, target, hops);
  return finish(hops, ok);
}

/** The trace of a flow that ends before any route: no endpoint, or an endpoint without subnets. */
export function unreachableTrace(
  net: NetworkModel,
  source: FlowSource,
  why: { reason: HopReason; detail: string; elements: string[] },
): Trace {
  const hops: Hop[] = [
    sourceHop(source),
    { kind: 'destination', verdict: 'fail', detail: why.detail, elements: why.elements, reason: why.reason },
  ];
  return finish(hops, false);
}

function finish(hops: Hop[], ok: boolean): Trace {
  const failing = hops.filter((h) => h.verdict === 'fail');
  return {
    ok,
    hops,
    blocking: [...new Set(failing.flatMap((h) => (h.kind === 'destination' && !h.reason ? [] : h.elements)))],
  };
}

const NO_GROUPS: readonly string[] = [];

/** The source's own groups let tcp/443 out (or are not part of the requirement); `peers`: the endpoint's groups a rule may name. */
function egressAllows(
  net: NetworkModel,
  source: FlowSource,
  peers: readonly string[],
  destination: Cidr,
): boolean {
  if (source.groups.length === 0) return true;
  const last = source.lastEgress;
  if (last && last.destination === destination && sameIds(last.peers, peers)) return last.ok;
  const prior = source.priorEgress;
  if (prior && prior.destination === destination && sameIds(prior.peers, peers)) {
    source.priorEgress = last;
    source.lastEgress = prior;
    return prior.ok;
  }
  const rules = (source.egressRules ??= rulesOfGroups(net, source.groups, 'egress', source.vpc));
  const ok = rulesAdmit443(net, rules, destination, peers, source.vpc.region, source.vpc);
  // The older answer is rewritten in place: a flow that misses must not leave an object behind.
  const into = last && prior ? prior : undefined;
  if (into) {
    into.destination = destination;
    into.peers = peers;
    into.ok = ok;
  }
  source.priorEgress = last;
  source.lastEgress = into ?? { destination, peers, ok };
  return ok;
}

/** The endpoint has a group, and one of its groups admits tcp/443 from the source; `peers`: the source's groups a rule may name. */
function ingressAllows(
  net: NetworkModel,
  source: FlowSource,
  endpoint: Endpoint,
  vpc: Vpc,
  peers: readonly string[],
): boolean {
  const groups = endpoint.securityGroups;
  if (groups.length === 0) return false;
  const last = source.lastIngress;
  if (last && last.vpc === vpc && last.peers === peers && sameIds(last.groups, groups)) return last.ok;
  const ok = groupsAdmit443(net, groups, 'ingress', source.range, peers, vpc.region, vpc);
  if (last) {
    last.vpc = vpc;
    last.groups = groups;
    last.peers = peers;
    last.ok = ok;
  } else source.lastIngress = { vpc, groups, peers, ok };
  return ok;
}
