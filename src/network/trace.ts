// The answer to "can A reach B on tcp/443?": a hop-by-hop trace in the manner of Batfish
// traceroute and AWS Reachability Analyzer. Rules read traces; the canvas shows them when a user
// asks "why is this red?". Fields may be added; the names here are what the UI relies on.

// Every flow is judged: a hop passes or fails. 'skip' stays for traces stored by older versions.
export type Verdict = 'pass' | 'fail' | 'skip';

export type HopKind =
  | 'source'
  | 'route-table'
  | 'route'
  | 'peering'
  | 'transit-gateway'
  | 'destination-route-table'
  | 'return-route'
  | 'sg-egress'
  | 'sg-ingress'
  | 'destination';

/**
 * Why a hop failed, as data for rules and the UI:
 * - `no-route`: no route (forward or return) covers the other side;
 * - `gateway`: the most specific route goes to an internet or NAT gateway;
 * - `other-peering`: the most specific route uses a peering that does not join these two VPCs;
 * - `foreign-peering`: that route's peering does not even involve the route table's VPC;
 * - `unknown-peering`: that route names a peering that does not exist;
 * - `local-shadow`: the other side's addresses lie in the VPC's own blocks, so the local route
 *   keeps the traffic inside the VPC;
 * - `no-peering`: no peering joins the two VPCs;
 * - `not-active`: the peering is still pending acceptance;
 * - `no-rule`: no security-group rule admits tcp/443;
 * - `no-endpoint`: the required endpoint does not exist (or is not an S3 interface endpoint);
 * - `no-subnets`: the endpoint has no subnet in its VPC, hence no network interface;
 * - `invalid`: an address the hop needs is not a valid CIDR, or lies outside its VPC's blocks;
 * - `tgw-unknown`: the route names a transit gateway that does not exist;
 * - `tgw-no-attachment`: a VPC has no (active) attachment to the TGW, or the TGW is in another region;
 * - `tgw-not-shared`: the VPC's account may not attach, the TGW is not shared with it;
 * - `tgw-az-not-attached`: the attachment has no subnet in the AZ of a subnet at either end;
 * - `tgw-no-route`: the TGW route table associated with the arriving attachment has no route
 *   (static or propagated) to the other side, or it leads elsewhere;
 * - `tgw-blackhole`: that route is a blackhole;
 * - `tgw-sg-reference`: the only rule that would admit the traffic names a group of the VPC on the
 *   other side of a TGW, which AWS does not resolve there (see `reference`).
 */
export type HopReason =
  | 'no-route'
  | 'gateway'
  | 'other-peering'
  | 'foreign-peering'
  | 'unknown-peering'
  | 'local-shadow'
  | 'no-peering'
  | 'not-active'
  | 'no-rule'
  | 'no-endpoint'
  | 'no-subnets'
  | 'invalid'
  | 'tgw-unknown'
  | 'tgw-no-attachment'
  | 'tgw-not-shared'
  | 'tgw-az-not-attached'
  | 'tgw-no-route'
  | 'tgw-blackhole'
  | 'tgw-sg-reference';

export interface Hop {
  kind: HopKind;
  verdict: Verdict;
  /** One line a user reads: "worker routes: 11.0.0.0/16 → pcx-worker-repo (longest match)". */
  detail: string;
  /** Ids of the elements this hop looked at. */
  elements: string[];
  reason?: HopReason;
  /** Route hops: the route table and the most specific matching route, if any. */
  routeTable?: string;
  route?: {
    destination: string;
    peering?: string;
    gateway?: string;
    transitGateway?: string;
    local?: boolean;
  };
  /** Route hops: `route` is more specific than the destination and takes only part of it. */
  partial?: boolean;
  /** Route and peering hops: the peering that joins the two VPCs, when there is one. */
  peering?: string;
  /** Transit-gateway hops: the TGW, the TGW route table that decided and the attachment at fault. */
  transitGateway?: string;
  tgwRouteTable?: string;
  attachment?: string;
  /** Transit-gateway hops: the VPC and AZ a missing attachment (subnet) is for. */
  vpc?: string;
  az?: string;
  /** Transit-gateway hops: on the way back (replies), not the way out. */
  returning?: boolean;
  /** Transit-gateway hops: the TGW route that matched, when one did. */
  tgwRoute?: { destination: string; attachment?: string; blackhole?: boolean; propagated?: boolean };
  /** Security-group hops: the groups that were checked. */
  groups?: string[];
  /**
   * Security-group hops failing with `tgw-sg-reference`: the group whose rule names `securityGroup`
   * across TGW `transitGateway`; `enabling` lists what must have security group referencing on
   * (the TGW, then the VPC attachments) when that would make AWS resolve it, and is absent when
   * nothing would (an outbound rule, or a peering attachment on the way).
   */
  reference?: { group: string; securityGroup: string; enabling?: string[] };
}

export interface Trace {
  ok: boolean;
  hops: Hop[];
  /** Ids of the elements that block the flow (empty when ok). */
  blocking: string[];
}
