// The backup appliance: it must exist to use repositories, and it still talks to public S3.
import { cidrOf } from '../network/cidr';
import { routeParts } from '../network/next-hop';
import { analysisOf } from './analysis';
import type { Report, Rule } from './types';
import { VEEAM } from './sources';

const name = JSON.stringify;

export const applianceMissing: Rule = {
  meta: {
    id: 'appliance/missing',
    severity: 'warning',
    title: 'No backup appliance',
    explanation:
      'The backup appliance itself reads and writes every repository an operation uses (through its S3 endpoint), so its network path cannot be checked until the design places it.',
    sources: [VEEAM.peering, VEEAM.applianceInPrivate],
    fixable: false,
  },
  check(ctx) {
    if (ctx.design.appliance) return [];
    const used = [...analysisOf(ctx).requirements.usedRepositories.keys()];
    if (!used.length) return [];
    return [
      {
        message: `Operations use repositories ${used.map((r) => name(ctx.index.nameOf(r))).join(', ')}, but the design has no backup appliance, so its path to their S3 endpoints cannot be checked. Place the appliance in its VPC and subnet.`,
        elements: used,
      },
    ];
  },
};

// An address in Amazon S3's public range (us-east-1), standing in for "the public S3 endpoint".
const PUBLIC_S3_ADDRESS = cidrOf('52.216.0.1/32')!;

export const s3PublicEndpointNeeded: Rule = {
  meta: {
    id: 's3/public-endpoint-needed',
    severity: 'info',
    title: 'Appliance still needs the public S3 endpoint',
    explanation:
      'Even with private network deployment, the appliance uses the public s3.<region>.amazonaws.com endpoint to create and edit repositories, restore its configuration, export VPC configuration and reach the temporary buckets of RDS SQL Server backups.',
    sources: [VEEAM.enablePrivate, VEEAM.limitations],
    fixable: false,
  },
  check(ctx) {
    const a = ctx.design.appliance;
    if (!a || !ctx.design.privateNetworkDeployment || !ctx.design.repositories.length) return [];
    const { net } = analysisOf(ctx);
    const vpc = ctx.index.vpcs.get(a.vpc)?.element;
    const subnet = ctx.index.subnets.get(a.subnet);
    if (!vpc || subnet?.vpc?.id !== vpc.id) return [];
    const parts = routeParts(net, vpc, net.tableOf(subnet.element, vpc), PUBLIC_S3_ADDRESS);
    if (parts[0]!.hop.kind === 'gateway') return [];
    const finding: Report = {
      message: `Appliance ${name(ctx.index.nameOf(a.id))} has no route to the internet from subnet ${name(ctx.index.nameOf(subnet.element.id))}, but it still needs the public S3 endpoint to create or edit repositories, restore its configuration, export VPC configuration and back up RDS SQL Server. Add a route 0.0.0.0/0 to a NAT or internet gateway, or accept that those tasks fail.`,
      elements: [a.id, subnet.element.id],
    };
    return [finding];
  },
};
