// Fixes that create what a required flow lacks, so that "Fix all" goes the whole way from drawn
// boxes to a working design: a peering (with the routes it needs on both sides) where no peering
// joins two VPCs that must talk, and an S3 interface endpoint for a repository that has none.
// The route, peering and endpoint rules attach these; the hop-by-hop fixes then finish the job.
import { freshId, type Command } from '../model/command';
import { addEndpoint } from '../model/commands/endpoint';
import { addRoute } from '../model/commands/route';
import { connectPeering } from '../model/commands/peering';
import { setFields } from '../model/commands/element';
import type { Design, Repository, Subnet, Vpc } from '../model/schema';
import { cidrOf, overlaps } from '../network/cidr';
import type { Fix } from './types';

const q = (s: string) => `"${s}"`;
const label = (x: { id: string; name?: string }) => x.name || x.id;

/** The route table a subnet's traffic leaves by: its own, or the VPC's main one. */
function tableOf(vpc: Vpc, subnet: Subnet | undefined): string | undefined {
  return subnet?.routeTable ?? vpc.routeTables.find((t) => t.main)?.id;
}

/** The id a new peering between two VPCs gets: the same whichever side asks, so that two findings
 * about one pair create one peering and their routes point at it. */
export function peeringIdFor(design: Design, a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return freshId(design, `pcx-${x!.replace(/^vpc-/, '')}-${y!.replace(/^vpc-/, '')}`);
}

export interface PeeringNeed {
  /** The VPC the traffic starts in, the subnets it leaves by and the range replies return to. */
  source: { vpc: Vpc; subnets: readonly Subnet[]; range: string };
  /** The VPC it must reach, the subnet it lands in and the block to route there. */
  target: { vpc: Vpc; subnet: Subnet | undefined; block: string };
}

/**
 * "Create peering": a new active peering between the two VPCs, a route to the target block in each
 * source subnet's route table, and the return route in the target subnet's table. None when the
 * VPCs' blocks overlap (AWS refuses to peer overlapping VPCs) or when they are already peered.
 */
export function createPeeringFix(design: Design, need: PeeringNeed): Fix | undefined {
  const { source, target } = need;
  if (source.vpc.id === target.vpc.id) return undefined;
  const already = design.peerings.some(
    (p) =>
      (p.requester === source.vpc.id && p.accepter === target.vpc.id) ||
      (p.requester === target.vpc.id && p.accepter === source.vpc.id),
  );
  if (already) return undefined;
  const blocksOf = (v: Vpc) => [v.cidr, ...v.secondaryCidrs].map(cidrOf).filter((c) => c !== undefined);
  const targetBlocks = blocksOf(target.vpc);
  if (blocksOf(source.vpc).some((a) => targetBlocks.some((b) => overlaps(a, b)))) return undefined;

  const id = peeringIdFor(design, source.vpc.id, target.vpc.id);
  const name = `${label(source.vpc)} ↔ ${label(target.vpc)}`;
  const commands: Command[] = [
    connectPeering({
      peering: { id, name, requester: source.vpc.id, accepter: target.vpc.id, status: 'active' },
    }),
  ];
  const sourceTables = new Set(
    (source.subnets.length ? source.subnets : [undefined]).map((s) => tableOf(source.vpc, s)),
  );
  for (const table of sourceTables)
    commands.push(
      addRoute({
        vpc: source.vpc.id,
        ...(table ? { routeTable: table } : {}),
        route: { destination: target.block, peering: id },
      }),
    );
  const back = tableOf(target.vpc, target.subnet);
  commands.push(
    addRoute({
      vpc: target.vpc.id,
      ...(back ? { routeTable: back } : {}),
      route: { destination: source.range, peering: id },
    }),
  );
  return {
    title: `Create peering ${q(name)} with routes ${target.block} and ${source.range} over it`,
    commands,
  };
}

/**
 * An S3 interface endpoint for a repository that has none: in a VPC of the repository's account and
 * region (an S3 endpoint serves its own region's buckets only), picked in the repository settings.
 * Its new group admits tcp/443 from the VPC itself; the flow checks then add the worker and
 * appliance ranges that must reach it. None when that account has no VPC with a subnet there.
 */
export function repositoryEndpointFix(design: Design, repository: Repository): Fix | undefined {
  const vpc = design.vpcs.find(
    (v) => v.account === repository.account && v.region === repository.region && v.subnets.length > 0,
  );
  if (!vpc) return undefined;
  const existing = vpc.endpoints.find((e) => e.type === 'Interface' && e.service === 's3');
  // addEndpoint names the endpoint the same way, so the repository can point at it in the same fix.
  const endpoint = existing?.id ?? freshId(design, `vpce-s3-${vpc.id.replace(/^vpc-/, '')}`);
  const commands: Command[] = [];
  if (!existing)
    commands.push(
      addEndpoint({
        vpc: vpc.id,
        endpoint: { service: 's3', subnets: [vpc.subnets[0]!.id], securityGroups: [], privateDns: false },
        createGroup: { name: 'S3 interface endpoint', ingressCidr: vpc.cidr },
      }),
    );
  commands.push(setFields({ id: repository.id, fields: { s3Endpoint: endpoint } }));
  return {
    title: existing
      ? `Pick S3 endpoint ${q(label(existing))} for repository ${q(label(repository))}`
      : `Create an S3 interface endpoint in VPC ${q(label(vpc))} and pick it for repository ${q(label(repository))}`,
    commands,
  };
}
