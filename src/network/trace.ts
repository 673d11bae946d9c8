// The answer to "can A reach B on tcp/443?": a hop-by-hop trace in the manner of Batfish
// traceroute and AWS Reachability Analyzer. Rules read traces; the canvas shows them when a user
// asks "why is this red?". Fields may be added; the names here are what the UI relies on.

export type Verdict = 'pass' | 'fail' | 'skip';

export type HopKind =
  | 'source'
  | 'route-table'
  | 'route'
  | 'peering'
  | 'destination-route-table'
  | 'return-route'
  | 'sg-egress'
  | 'sg-ingress'
  | 'destination';

export interface Hop {
  kind: HopKind;
  verdict: Verdict;
  /** One line a user reads: "worker routes: 11.0.0.0/16 → pcx-worker-repo (longest match)". */
  detail: string;
  /** Ids of the elements this hop looked at. */
  elements: string[];
}

export interface Trace {
  ok: boolean;
  hops: Hop[];
  /** Ids of the elements that block the flow (empty when ok). */
  blocking: string[];
}
