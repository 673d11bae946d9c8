// Variants of Example 3 (the Transit Gateway hub) that tests of several folders share.
import type { Design } from '../../src/model/schema';
import { edit, example } from './helpers';

const tgw = (d: Design, id: string) => d.transitGateways.find((t) => t.id === id)!;
const attachment = (d: Design, id: string) => d.transitGatewayAttachments.find((a) => a.id === id)!;

/**
 * Example 3 with the repository VPC moved into us-east-1 and attached to the us-east-1 TGW (shared
 * with the repository account), so the workers reach the S3 endpoint through one TGW in one region.
 */
export function sameRegionHub(): Design {
  return edit(example(3), (d) => {
    const repo = d.vpcs.find((v) => v.id === 'vpc-repo')!;
    repo.region = 'us-east-1';
    for (const s of repo.subnets) s.az = 'us-east-1a';
    repo.routeTables[0]!.routes = repo.routeTables[0]!.routes.map((r) => ({
      ...r,
      transitGateway: 'tgw-use1',
    }));
    tgw(d, 'tgw-usw2').sharedWith = [];
    d.repositories[0]!.region = 'us-east-1';
    const use1 = tgw(d, 'tgw-use1');
    use1.sharedWith = ['acct-repo'];
    // The repository VPC's propagated block replaces the static route over the peering.
    use1.routeTables[0]!.routes = [];
    Object.assign(attachment(d, 'tgw-attach-repo'), {
      transitGateway: 'tgw-use1',
      routeTable: 'tgw-rtb-use1',
      propagations: ['tgw-rtb-use1'],
    });
  });
}
