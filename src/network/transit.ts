// Crossing a Transit Gateway, the one place the route walk (next-hop.ts) asks about TGWs. AWS facts
// (docs.aws.amazon.com/vpc/latest/tgw/): a VPC reaches a TGW through its VPC attachment, and only
// from Availability Zones where the attachment has a subnet; the TGW route table associated with
// the attachment traffic arrives on decides by longest prefix over its static routes and the routes
// propagated into it (a VPC attachment propagates its VPC's blocks); static routes win over
// propagated ones of the same prefix; a blackhole route drops. A peering attachment joins TGWs of
// two regions; it cannot propagate, so only static routes send traffic over it, and the peer TGW's
// table associated with the peering attachment decides on the far side. A VPC of another account
// attaches only when the TGW is shared with that account (AWS RAM).
import type { Design, Subnet, TgwAttachment, TgwRouteTable, TransitGateway, Vpc } from '../model/schema';
import { cidrOf, type Cidr } from './cidr';
import type { NetworkModel } from './model';

const contains = (outer: Cidr, inner: Cidr) => outer.first <= inner.first && inner.last <= outer.last;

/** Why traffic does not cross the TGW (see trace.ts HopReason for the words). */
export type TgwReason =
  | 'tgw-unknown'
  | 'tgw-no-attachment'
  | 'tgw-not-shared'
  | 'tgw-az-not-attached'
  | 'tgw-no-route'
  | 'tgw-blackhole';

export interface TgwCrossing {
  kind: 'tgw';
  tgw: TransitGateway;
  ingress: TgwAttachment;
  table: TgwRouteTable;
  /** The TGW route that matched, in the ingress TGW's table. */
  route: TgwEntry;
  /** Over a peering attachment: the peer TGW, its table and the route that matched there. */
  peer?: { tgw: TransitGateway; table: TgwRouteTable; route: TgwEntry };
  egress: TgwAttachment;
}

export interface TgwFailure {
  kind: 'tgw-fail';
  reason: TgwReason;
  detail: string;
  tgw?: TransitGateway;
  /** The TGW route table that decided (or lacked the route). */
  table?: TgwRouteTable;
  /** The attachment at fault (or the ingress one, for route problems). */
  attachment?: TgwAttachment;
  /** The VPC the attachment is missing for (no-attachment, az-not-attached). */
  vpc?: Vpc;
  /** The AZ that is not attached. */
  az?: string;
  route?: TgwEntry;
}

/** One route of a TGW route table: static, or propagated from a VPC attachment. */
export interface TgwEntry {
  destination: string;
  cidr: Cidr;
  attachment?: TgwAttachment;
  blackhole: boolean;
  propagated: boolean;
}

interface TgwIndex {
  tgws: Map<string, TransitGateway>;
  /** `${tgw}|${vpc}` → the VPC attachment (the first one). */
  vpcAttachment: Map<string, TgwAttachment>;
  attachments: Map<string, TgwAttachment>;
  /** Table id → its routes, most specific first, static before propagated. */
  routes: Map<string, TgwEntry[]>;
}

const cache = new WeakMap<Design, TgwIndex>();

function indexOf(net: NetworkModel): TgwIndex {
  const design = net.index.design;
  let x = cache.get(design);
  if (x) return x;
  const tgws = new Map(design.transitGateways.map((t) => [t.id, t]));
  const attachments = new Map(design.transitGatewayAttachments.map((a) => [a.id, a]));
  const vpcAttachment = new Map<string, TgwAttachment>();
  const routes = new Map<string, TgwEntry[]>();
  for (const t of design.transitGateways)
    for (const table of t.routeTables) {
      const list: TgwEntry[] = [];
      for (const r of table.routes) {
        const cidr = cidrOf(r.destination);
        if (!cidr) continue;
        const attachment = r.attachment === undefined ? undefined : attachments.get(r.attachment);
        list.push({
          destination: r.destination,
          cidr,
          attachment,
          blackhole: r.blackhole === true,
          propagated: false,
        });
      }
      routes.set(table.id, list);
    }
  for (const a of design.transitGatewayAttachments) {
    if (a.vpc === undefined) continue;
    const key = `${a.transitGateway}|${a.vpc}`;
    if (!vpcAttachment.has(key)) vpcAttachment.set(key, a);
    const t = tgws.get(a.transitGateway);
    const vpc = net.index.vpcs.get(a.vpc)?.element;
    if (!t || !vpc || a.status !== 'active') continue;
    const into = a.propagations ?? (t.defaultPropagationRouteTable ? [t.defaultPropagationRouteTable] : []);
    for (const tableId of into) {
      const list = routes.get(tableId);
      if (!list) continue;
      for (const block of net.blocksOf(vpc))
        list.push({
          destination: block.text,
          cidr: block,
          attachment: a,
          blackhole: false,
          propagated: true,
        });
    }
  }
  for (const list of routes.values())
    list.sort((p, q) => q.cidr.prefix - p.cidr.prefix || Number(p.propagated) - Number(q.propagated));
  x = { tgws, vpcAttachment, attachments, routes };
  cache.set(design, x);
  return x;
}

/** The TGW route table associated with the attachment on `tgw`'s side. */
export function associatedTable(tgw: TransitGateway, attachment: TgwAttachment): TgwRouteTable | undefined {
  const id = attachment.peerTransitGateway === tgw.id ? attachment.peerRouteTable : attachment.routeTable;
  const wanted = id ?? tgw.defaultAssociationRouteTable;
  return tgw.routeTables.find((t) => t.id === wanted);
}

/** The most specific route of the table holding all of `destination`. */
export function tgwLookup(net: NetworkModel, table: TgwRouteTable, destination: Cidr): TgwEntry | undefined {
  const list = indexOf(net).routes.get(table.id);
  if (!list) return undefined;
  for (const e of list) if (contains(e.cidr, destination)) return e;
  return undefined;
}

/** A route more specific than `route`, inside the destination, that leads elsewhere. */
function innerDisagreement(
  net: NetworkModel,
  table: TgwRouteTable,
  destination: Cidr,
  route: TgwEntry,
): TgwEntry | undefined {
  const list = indexOf(net).routes.get(table.id)!;
  for (const e of list) {
    if (e === route || e.cidr.prefix <= route.cidr.prefix) break;
    if (!contains(destination, e.cidr)) continue;
    if (e.blackhole !== route.blackhole || e.attachment !== route.attachment) return e;
  }
  return undefined;
}

/** The VPC attachment joining `vpc` to the TGW, if any. */
export function vpcAttachmentOf(net: NetworkModel, tgwId: string, vpcId: string): TgwAttachment | undefined {
  return indexOf(net).vpcAttachment.get(`${tgwId}|${vpcId}`);
}

export function tgwById(net: NetworkModel, id: string): TransitGateway | undefined {
  return indexOf(net).tgws.get(id);
}

/** The AZs an attachment reaches: those of its subnets in its VPC. */
function attachedAzs(net: NetworkModel, a: TgwAttachment, vpc: Vpc): Set<string> {
  const azs = new Set<string>();
  for (const id of a.subnets) {
    const s = net.subnetIn(vpc, id);
    if (s) azs.add(s.subnet.az);
  }
  return azs;
}

/** Whether the VPC's attachment is usable from (or to) these subnets; the failure otherwise. */
function attachmentUsable(
  net: NetworkModel,
  tgw: TransitGateway,
  vpc: Vpc,
  subnets: readonly Subnet[],
): TgwAttachment | TgwFailure {
  const name = net.index.nameOf;
  const fail = (reason: TgwReason, detail: string, extra?: Partial<TgwFailure>): TgwFailure => ({
    kind: 'tgw-fail',
    reason,
    detail,
    tgw,
    vpc,
    ...extra,
  });
  const a = vpcAttachmentOf(net, tgw.id, vpc.id);
  if (!a || vpc.region !== tgw.region)
    return fail(
      'tgw-no-attachment',
      `VPC "${name(vpc.id)}" has no attachment to transit gateway "${name(tgw.id)}"${vpc.region !== tgw.region ? ` (the TGW is in ${tgw.region}, the VPC in ${vpc.region})` : ''}`,
    );
  if (a.status !== 'active')
    return fail(
      'tgw-no-attachment',
      `attachment "${name(a.id)}" of VPC "${name(vpc.id)}" is still pending acceptance`,
      { attachment: a },
    );
  if (vpc.account !== tgw.account && !tgw.sharedWith.includes(vpc.account))
    return fail(
      'tgw-not-shared',
      `transit gateway "${name(tgw.id)}" is not shared with account "${name(vpc.account)}" of VPC "${name(vpc.id)}", so attachment "${name(a.id)}" cannot exist`,
      { attachment: a },
    );
  const azs = attachedAzs(net, a, vpc);
  for (const s of subnets)
    if (!azs.has(s.az))
      return fail(
        'tgw-az-not-attached',
        `attachment "${name(a.id)}" has no subnet in ${s.az}, so subnet "${name(s.id)}" cannot use transit gateway "${name(tgw.id)}"`,
        { attachment: a, az: s.az },
      );
  return a;
}

/** Looks the destination up in the table associated with `arriving` on `tgw`. */
function decide(
  net: NetworkModel,
  tgw: TransitGateway,
  arriving: TgwAttachment,
  destination: Cidr,
): { table: TgwRouteTable; route: TgwEntry } | TgwFailure {
  const name = net.index.nameOf;
  const table = associatedTable(tgw, arriving);
  if (!table)
    return {
      kind: 'tgw-fail',
      reason: 'tgw-no-route',
      detail: `attachment "${name(arriving.id)}" is associated with no route table of transit gateway "${name(tgw.id)}"`,
      tgw,
      attachment: arriving,
    };
  const route = tgwLookup(net, table, destination);
  if (!route || (!route.blackhole && !route.attachment))
    return {
      kind: 'tgw-fail',
      reason: 'tgw-no-route',
      detail: `TGW route table "${name(table.id)}" has no route (static or propagated) covering ${destination.text}`,
      tgw,
      table,
      attachment: arriving,
    };
  // A more specific route inside the destination takes part of it: it must agree, or that part is lost.
  const inner = innerDisagreement(net, table, destination, route);
  if (inner)
    return {
      kind: 'tgw-fail',
      reason: inner.blackhole ? 'tgw-blackhole' : 'tgw-no-route',
      detail: `TGW route table "${name(table.id)}": the more specific ${inner.blackhole ? `${inner.destination} is a blackhole route and` : `route ${inner.destination} → attachment "${name(inner.attachment?.id ?? '')}"`} takes part of ${destination.text}`,
      tgw,
      table,
      attachment: arriving,
      route: inner,
    };
  if (route.blackhole)
    return {
      kind: 'tgw-fail',
      reason: 'tgw-blackhole',
      detail: `TGW route table "${name(table.id)}": ${route.destination} is a blackhole route, so traffic to ${destination.text} is dropped`,
      tgw,
      table,
      attachment: arriving,
      route,
    };
  return { table, route };
}

/**
 * Traffic from `subnet` in `from` routed to TGW `tgwId`, toward `destination` in VPC `to` (whose
 * subnets `toSubnets` must be reachable): the crossing, or why it fails.
 */
export function crossTgw(
  net: NetworkModel,
  from: Vpc,
  subnet: Subnet,
  tgwId: string,
  to: Vpc,
  toSubnets: readonly Subnet[],
  destination: Cidr,
): TgwCrossing | TgwFailure {
  const x = indexOf(net);
  const name = net.index.nameOf;
  const tgw = x.tgws.get(tgwId);
  if (!tgw)
    return { kind: 'tgw-fail', reason: 'tgw-unknown', detail: `there is no transit gateway "${tgwId}"` };
  const ingress = attachmentUsable(net, tgw, from, [subnet]);
  if (isFailure(ingress)) return ingress;
  const first = decide(net, tgw, ingress, destination);
  if ('kind' in first) return first;
  const wrong = (where: TgwRouteTable, route: TgwEntry, on: TransitGateway): TgwFailure => ({
    kind: 'tgw-fail',
    reason: 'tgw-no-route',
    detail: `TGW route table "${name(where.id)}": ${route.destination} → attachment "${name(route.attachment!.id)}", which does not lead to VPC "${name(to.id)}"`,
    tgw: on,
    table: where,
    attachment: ingress,
    route,
  });
  let egressTgw = tgw;
  let peer: TgwCrossing['peer'];
  let out = first.route.attachment!;
  if (out.vpc === undefined) {
    // A peering attachment: the far side's association decides.
    const otherId = out.transitGateway === tgw.id ? out.peerTransitGateway : out.transitGateway;
    const other = otherId === undefined ? undefined : x.tgws.get(otherId);
    if (!other || (out.transitGateway !== tgw.id && out.peerTransitGateway !== tgw.id))
      return wrong(first.table, first.route, tgw);
    if (out.status !== 'active')
      return {
        kind: 'tgw-fail',
        reason: 'tgw-no-attachment',
        detail: `peering attachment "${name(out.id)}" is still pending acceptance`,
        tgw,
        attachment: out,
      };
    const second = decide(net, other, out, destination);
    if ('kind' in second) return second;
    const next = second.route.attachment!;
    if (next.vpc === undefined || next.transitGateway !== other.id)
      return wrong(second.table, second.route, other);
    peer = { tgw: other, table: second.table, route: second.route };
    egressTgw = other;
    out = second.route.attachment!;
    if (out.vpc !== to.id) return wrong(second.table, second.route, other);
  } else if (out.vpc !== to.id || out.transitGateway !== tgw.id) return wrong(first.table, first.route, tgw);
  const egress = attachmentUsable(net, egressTgw, to, toSubnets);
  if (isFailure(egress)) return egress;
  return {
    kind: 'tgw',
    tgw,
    ingress,
    table: first.table,
    route: first.route,
    egress,
    ...(peer ? { peer } : {}),
  };
}

function isFailure(x: TgwAttachment | TgwFailure): x is TgwFailure {
  return (x as TgwFailure).kind === 'tgw-fail' && 'reason' in x;
}

/** Whether a walk's crossing went through a TGW (a peering or 'within' otherwise). */
export function isTgwCrossing(x: unknown): x is TgwCrossing {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'tgw' && 'ingress' in x;
}

/**
 * Whether AWS resolves a security-group reference to a group of the VPC across this crossing
 * (AWS Transit Gateway guide, "Security group referencing"): only with the option on at the TGW and
 * at both VPC attachments (an attachment's omitted option is on, the EC2 API default), within one
 * region (never over a peering attachment), and only for inbound rules.
 */
export function crossingResolvesReferences(c: TgwCrossing): boolean {
  return (
    c.tgw.securityGroupReferencing &&
    c.peer === undefined &&
    c.ingress.securityGroupReferencing !== false &&
    c.egress.securityGroupReferencing !== false
  );
}
