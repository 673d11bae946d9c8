// A reference judge for the differential test: small and slow on purpose. It knows nothing of the
// engine's network model, next-hop graph, memos or indexes. It reads the raw design, and for a
// required flow it sends single addresses through the route tables hop by hop, the way a VPC
// router does: the local route first, then the longest prefix holding the address, across at
// most one active peering, delivered only inside the receiving VPC's own blocks. Security groups
// are read rule by rule. A route to a Transit Gateway is followed the same way: into the TGW by the
// VPC's attachment (active, shared, reaching the subnet's AZ), by longest prefix through the TGW
// route table associated with it (static routes and propagated VPC blocks, static first), at most
// one peering attachment on, out by the destination VPC's attachment (reaching the other end's AZ).
// A security-group rule naming a group of the VPC across a TGW counts only when it is inbound, the
// TGW and both VPC attachments have referencing on (an attachment's omitted option is on), and no
// peering attachment was crossed.
// The engine must reach the same verdict on every flow.
import type {
  Design,
  Endpoint,
  RouteTable,
  SecurityGroup,
  SgRule,
  Subnet,
  TgwAttachment,
  TransitGateway,
  Vpc,
} from '../../src/model/schema';
import type { RequiredFlow } from '../../src/veeam/flow-types';

interface Block {
  first: number;
  last: number;
  prefix: number;
}

export function block(text: string | undefined): Block | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text ?? '');
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const first = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (first % size !== 0) return undefined;
  return { first, last: first + size - 1, prefix };
}

const holds = (b: Block, address: number) => b.first <= address && address <= b.last;

function blocksOf(vpc: Vpc): Block[] {
  return [vpc.cidr, ...vpc.secondaryCidrs].map(block).filter((b) => b !== undefined);
}

function tableOf(vpc: Vpc, subnet: Subnet): RouteTable | undefined {
  return vpc.routeTables.find((t) => t.id === subnet.routeTable) ?? vpc.routeTables.find((t) => t.main);
}

/** Whether the VPC may use the TGW by this attachment from (or to) a subnet in `az`. */
function usable(
  design: Design,
  t: TransitGateway,
  a: TgwAttachment | undefined,
  vpc: Vpc,
  az: string,
): boolean {
  if (!a || a.status !== 'active' || vpc.region !== t.region) return false;
  if (vpc.account !== t.account && !t.sharedWith.includes(vpc.account)) return false;
  return a.subnets.some((id) => vpc.subnets.find((s) => s.id === id)?.az === az);
}

/** Where the TGW table associated with `arriving` on `t` sends the address: an attachment, or nothing. */
function tgwNext(
  design: Design,
  t: TransitGateway,
  arriving: TgwAttachment,
  address: number,
): TgwAttachment | undefined {
  const assoc = arriving.peerTransitGateway === t.id ? arriving.peerRouteTable : arriving.routeTable;
  const table = t.routeTables.find((r) => r.id === (assoc ?? t.defaultAssociationRouteTable));
  if (!table) return undefined;
  let best: { b: Block; to: string | undefined; propagated: boolean } | undefined;
  const consider = (b: Block | undefined, to: string | undefined, propagated: boolean) => {
    if (!b || !holds(b, address)) return;
    if (!best || b.prefix > best.b.prefix || (b.prefix === best.b.prefix && best.propagated && !propagated))
      best = { b, to, propagated };
  };
  for (const r of table.routes) consider(block(r.destination), r.blackhole ? undefined : r.attachment, false);
  for (const a of design.transitGatewayAttachments) {
    if (a.transitGateway !== t.id || a.vpc === undefined || a.status !== 'active') continue;
    const into = a.propagations ?? (t.defaultPropagationRouteTable ? [t.defaultPropagationRouteTable] : []);
    const v = design.vpcs.find((x) => x.id === a.vpc);
    if (v && into.includes(table.id)) for (const b of blocksOf(v)) consider(b, a.id, true);
  }
  const to = best?.to;
  return to === undefined ? undefined : design.transitGatewayAttachments.find((a) => a.id === to);
}

/** How a packet crossed a TGW: whether AWS would resolve an inbound group reference across it. */
interface TgwPath {
  referencing: boolean;
}

/** The VPC a packet for `address` reaches through TGW `tgwId` from `vpc` (subnet in `fromAz`), or undefined. */
function throughTgw(
  design: Design,
  vpc: Vpc,
  tgwId: string,
  fromAz: string,
  toAz: string,
  address: number,
  path: TgwPath[],
): Vpc | undefined {
  let t = design.transitGateways.find((x) => x.id === tgwId);
  if (!t) return undefined;
  const tgw = t;
  const ingress = design.transitGatewayAttachments.find(
    (a) => a.transitGateway === tgw.id && a.vpc === vpc.id,
  );
  if (!ingress || !usable(design, t, ingress, vpc, fromAz)) return undefined;
  let out = tgwNext(design, t, ingress, address);
  const peered = out !== undefined && out.vpc === undefined;
  if (out && out.vpc === undefined) {
    if (out.status !== 'active' || (out.transitGateway !== t.id && out.peerTransitGateway !== t.id))
      return undefined;
    const peerId = out.transitGateway === t.id ? out.peerTransitGateway : out.transitGateway;
    const peer = design.transitGateways.find((x) => x.id === peerId);
    if (!peer) return undefined;
    t = peer;
    out = tgwNext(design, peer, out, address);
  }
  if (!out || out.vpc === undefined || out.transitGateway !== t.id) return undefined;
  const next = design.vpcs.find((v) => v.id === out.vpc);
  if (!next || !usable(design, t, out, next, toAz)) return undefined;
  path.push({
    referencing:
      !peered &&
      tgw.securityGroupReferencing &&
      ingress.securityGroupReferencing !== false &&
      out.securityGroupReferencing !== false,
  });
  return next;
}

/** The VPC a packet for `address` ends up in, leaving `vpc` by `table`, or undefined if it is lost. */
function deliveredTo(
  design: Design,
  vpc: Vpc,
  table: RouteTable | undefined,
  address: number,
  fromAz = '',
  toAz = '',
  path: TgwPath[] = [],
): string | undefined {
  let here = vpc;
  for (let crossed = 0; ; crossed++) {
    if (blocksOf(here).some((b) => holds(b, address))) return here.id;
    // Arrived over a peering but not for this VPC: peering does not forward (no transit).
    if (crossed > 0 || !table) return undefined;
    let best: { route: RouteTable['routes'][number]; b: Block } | undefined;
    for (const route of table.routes) {
      const b = block(route.destination);
      if (b && holds(b, address) && (!best || b.prefix > best.b.prefix)) best = { route, b };
    }
    if (!best || best.route.gateway !== undefined) return undefined;
    if (best.route.transitGateway !== undefined) {
      const next = throughTgw(design, here, best.route.transitGateway, fromAz, toAz, address, path);
      if (!next) return undefined;
      here = next;
      continue;
    }
    const p = design.peerings.find((x) => x.id === best!.route.peering);
    if (!p || p.status !== 'active' || (p.requester !== here.id && p.accepter !== here.id)) return undefined;
    const next = design.vpcs.find((v) => v.id === (p.requester === here.id ? p.accepter : p.requester));
    if (!next) return undefined;
    here = next;
  }
}

/**
 * Addresses standing for every address of `b`: the route lookup can only change its answer at
 * the edge of some block of the design, so one address on each side of every edge inside `b`
 * meets every answer any address of `b` gets.
 */
function samples(design: Design, b: Block): number[] {
  const edges = new Set([b.first, b.last]);
  const all = design.vpcs.flatMap((v) => [
    ...blocksOf(v),
    ...v.subnets.map((s) => block(s.cidr)),
    ...v.routeTables.flatMap((t) => t.routes.map((r) => block(r.destination))),
  ]);
  for (const t of design.transitGateways)
    for (const r of t.routeTables) for (const route of r.routes) all.push(block(route.destination));
  for (const c of all)
    if (c) for (const a of [c.first - 1, c.first, c.last, c.last + 1]) if (holds(b, a)) edges.add(a);
  return [...edges];
}

function groupOf(design: Design, id: string, home: Vpc): { group: SecurityGroup; vpc: Vpc } | undefined {
  const local = home.securityGroups.find((g) => g.id === id);
  if (local) return { group: local, vpc: home };
  for (const v of design.vpcs) {
    const g = v.securityGroups.find((x) => x.id === id);
    if (g) return { group: g, vpc: v };
  }
  return undefined;
}

function carries443(rule: SgRule): boolean {
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp') return false;
  const from = rule.fromPort ?? -1;
  const to = rule.toPort ?? -1;
  if (from === -1 && to === -1) return true;
  return from <= 443 && 443 <= (to === -1 ? 65535 : to);
}

/** Whether one of `groups` (of `home`) lets tcp/443 through to or from a peer at `peer` with `peerGroups`. */
function admits(
  design: Design,
  groups: readonly string[],
  home: Vpc,
  direction: 'ingress' | 'egress',
  peer: Block,
  peerGroups: readonly string[],
  acrossTgw: TgwPath[],
): boolean {
  // Across a TGW: outbound references never resolve, inbound ones only with referencing on.
  if (acrossTgw.length && (direction === 'egress' || acrossTgw.some((p) => !p.referencing))) peerGroups = [];
  return groups.some((id) =>
    (groupOf(design, id, home)?.group[direction] ?? []).some((rule) => {
      if (!carries443(rule)) return false;
      if (rule.cidr !== undefined) {
        const b = block(rule.cidr);
        return !!b && b.first <= peer.first && peer.last <= b.last;
      }
      if (rule.securityGroup === undefined || !peerGroups.includes(rule.securityGroup)) return false;
      return groupOf(design, rule.securityGroup, home)?.vpc.region === home.region;
    }),
  );
}

function endpointById(design: Design, id: string): { endpoint: Endpoint; vpc: Vpc } | undefined {
  for (const vpc of design.vpcs) {
    const endpoint = vpc.endpoints.find((e) => e.id === id);
    if (endpoint) return { endpoint, vpc };
  }
  return undefined;
}

/** The reference verdict of a worker or appliance flow: does it reach every endpoint subnet? */
export function referenceReaches(design: Design, flow: RequiredFlow): boolean {
  const target = endpointById(design, flow.target);
  if (!target || target.endpoint.type !== 'Interface') return false;
  const source = design.vpcs.find((v) => v.id === flow.sourceVpc);
  if (!source) return false;
  let subnets: Subnet[];
  let range: Block | undefined;
  if (flow.kind === 'appliance-repository') {
    const a = design.appliance!;
    subnets = source.subnets.filter((s) => s.id === a.subnet).slice(0, 1);
    range = block(`${a.ip}/32`);
  } else {
    subnets = source.subnets.filter((s) => s.id === flow.source).slice(0, 1);
    range = block(subnets[0]?.cidr);
  }
  if (!subnets.length || !range) return false;
  const { endpoint, vpc } = target;
  const endpointSubnets = endpoint.subnets
    .map((id) => vpc.subnets.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  if (!endpointSubnets.length) return false;
  return endpointSubnets.every((d) => {
    const dest = block(d.cidr);
    if (!dest) return false;
    const path: TgwPath[] = [];
    const there = samples(design, dest).every((a) =>
      subnets.every((s) => deliveredTo(design, source, tableOf(source, s), a, s.az, d.az, path) === vpc.id),
    );
    const back = samples(design, range).every((a) =>
      subnets.every((s) => deliveredTo(design, vpc, tableOf(vpc, d), a, d.az, s.az) === source.id),
    );
    const out =
      flow.sourceGroups.length === 0 ||
      admits(design, flow.sourceGroups, source, 'egress', dest, endpoint.securityGroups, path);
    const inn = admits(design, endpoint.securityGroups, vpc, 'ingress', range, flow.sourceGroups, path);
    return there && back && out && inn;
  });
}
