// Import from AWS: a collection folder of `aws ec2 describe-*` output in, a format-1 design and
// the import's own findings out. Pure: the CLI reads the folder from disk, the app from a drop or
// a zip; both hand over the same path → text map.
import type { Account, Design, Vpc } from '../../model/schema';
import { FORMAT } from '../../model/schema';
import { ImportLog, type ImportFinding } from '../findings';
import { withComputedLayout } from '../layout';
import { readCollection, type Located, type RegionInput } from './folder';
import { buildPeerings } from './peerings';
import type { CliPeering, CliVpc } from './shapes';
import { buildTransitGateways } from './transit-gateways';
import { buildVpc } from './vpcs';

export interface ImportResult {
  design: Design;
  findings: ImportFinding[];
  /** What came in, for the summary: accounts, regions, and element counts. */
  summary: ImportSummary;
}

export interface ImportSummary {
  accounts: string[];
  regions: string[];
  /** The `ACCOUNT_ID/REGION` folders read. */
  places: string[];
  vpcs: number;
  subnets: number;
  routeTables: number;
  securityGroups: number;
  endpoints: number;
  peerings: number;
}

export const accountDesignId = (accountId: string) => `acct-${accountId}`;

export function importAws(files: ReadonlyMap<string, string>): ImportResult {
  const log = new ImportLog();
  const regions = readCollection(files, log);
  if (!regions.length)
    log.add(
      'empty',
      'error',
      'no ACCOUNT_ID/REGION folder with describe-*.json files was found (scripts/collect-aws.sh writes that layout)',
    );
  const knownGroups = new Set(regions.flatMap((r) => r.securityGroups.map((g) => g.item.GroupId)));

  // A VPC shared through AWS RAM shows up in its participants' folders too: keep the owner's view.
  const chosen = new Map<string, { region: RegionInput; vpc: Located<CliVpc> }>();
  for (const region of regions)
    for (const vpc of region.vpcs) {
      const before = chosen.get(vpc.item.VpcId);
      if (!before) chosen.set(vpc.item.VpcId, { region, vpc });
      else {
        const ownerHere = vpc.item.OwnerId === region.accountId;
        log.add(
          'duplicate',
          'info',
          `VPC ${vpc.item.VpcId} is described in ${before.vpc.file} and ${vpc.file} (a shared VPC); the design keeps the owner's view`,
          { file: vpc.file, path: vpc.path, elements: [vpc.item.VpcId] },
        );
        if (ownerHere && before.vpc.item.OwnerId !== before.region.accountId)
          chosen.set(vpc.item.VpcId, { region, vpc });
      }
    }

  const accountIds = [...new Set(regions.map((r) => r.accountId))];
  const accounts: Account[] = accountIds.map((id) => ({
    id: accountDesignId(id),
    name: `Account ${id}`,
    accountId: id,
  }));
  const vpcs: Vpc[] = [...chosen.values()].map(({ region, vpc }) =>
    buildVpc(region, vpc, { log, accountDesignId: accountDesignId(region.accountId), knownGroups }),
  );
  const peeringViews = regions.flatMap((r) =>
    r.peerings.map((p): Located<CliPeering> & { accountId: string } => ({ ...p, accountId: r.accountId })),
  );
  const peerings = buildPeerings(peeringViews, new Set(vpcs.map((v) => v.id)), log);
  const peeringIds = new Set(peerings.map((p) => p.id));
  const { transitGateways, attachments } = buildTransitGateways(
    regions,
    new Set(vpcs.map((v) => v.id)),
    accountDesignId,
    log,
  );
  const tgwIds = new Set(transitGateways.map((t) => t.id));
  const attachmentIds = new Set(attachments.map((a) => a.id));
  for (const tgw of transitGateways)
    for (const table of tgw.routeTables)
      table.routes = table.routes.filter((r) => {
        if (r.attachment === undefined || attachmentIds.has(r.attachment)) return true;
        log.add(
          'not-judged',
          'info',
          `TGW route ${r.destination} → ${r.attachment} of ${table.id}: that attachment is not in the design; left out`,
          { elements: [table.id] },
        );
        return false;
      });
  const network = vpcs.map((v) => dropRoutesToMissingTargets(v, peeringIds, tgwIds, log));

  const design: Design = {
    format: FORMAT,
    version: 1,
    name: `Imported from AWS (${accountIds.join(', ') || 'nothing'})`,
    privateNetworkDeployment: true,
    transitGateways,
    transitGatewayAttachments: attachments,
    accounts,
    vpcs: network,
    peerings,
    repositories: [],
    workerConfigurations: [],
    operations: [],
  };
  return { design: withComputedLayout(design), findings: log.findings, summary: summarize(design, regions) };
}

function dropRoutesToMissingTargets(
  vpc: Vpc,
  peerings: ReadonlySet<string>,
  tgws: ReadonlySet<string>,
  log: ImportLog,
): Vpc {
  return {
    ...vpc,
    routeTables: vpc.routeTables.map((t) => ({
      ...t,
      routes: t.routes.filter((r) => {
        if (r.transitGateway !== undefined) {
          if (tgws.has(r.transitGateway)) return true;
          log.add(
            'not-judged',
            'info',
            `route ${r.destination} → ${r.transitGateway} of ${t.id}: that Transit Gateway is not in the collection; left out`,
            { elements: [t.id] },
          );
          return false;
        }
        if (r.peering === undefined || peerings.has(r.peering)) return true;
        log.add(
          'not-judged',
          'info',
          `route ${r.destination} → ${r.peering} of ${t.id}: that peering is not in the design (see above); left out`,
          { elements: [t.id] },
        );
        return false;
      }),
    })),
  };
}

export function summarize(design: Design, regions?: readonly RegionInput[]): ImportSummary {
  const all = design.vpcs;
  return {
    accounts: design.accounts.map((a) => a.accountId),
    regions: [...new Set(regions ? regions.map((r) => r.region) : all.map((v) => v.region))].sort(),
    places: (regions ?? []).map((r) => `${r.accountId}/${r.region}`),
    vpcs: all.length,
    subnets: all.reduce((n, v) => n + v.subnets.length, 0),
    routeTables: all.reduce((n, v) => n + v.routeTables.length, 0),
    securityGroups: all.reduce((n, v) => n + v.securityGroups.length, 0),
    endpoints: all.reduce((n, v) => n + v.endpoints.length, 0),
    peerings: design.peerings.length,
  };
}
