// The public pages the rules rest on. Each rule's meta lists the ones it cites; docs/rules.md and
// the Problems panel's "learn more" link them. Veeam pages are those of the Veeam Backup for AWS
// user guide (build 10.0), AWS pages those of its user guides.
export interface SourceLink {
  title: string;
  /** A public https URL, or a path inside this repository. */
  url: string;
}

const veeam = (page: string, title: string): SourceLink => ({
  title: `Veeam Backup for AWS guide: ${title}`,
  url: `https://helpcenter.veeam.com/docs/vbaws/guide/${page}.html`,
});
const aws = (path: string, title: string): SourceLink => ({
  title: `AWS: ${title}`,
  url: `https://docs.aws.amazon.com/${path}`,
});

export const VEEAM = {
  addS3Endpoint: veeam('repositories_add_s3endpoint', 'Adding S3 repositories — S3 endpoint'),
  applianceInPrivate: veeam('appliance_in_private', 'Backup appliance in a private network'),
  configureRouting: veeam('configure_routing_network', 'Configuring routing'),
  privateNetworks: veeam('configuring_private_networks', 'Configuring private networks'),
  interfaceEndpoints: veeam('create_interface_endpoints', 'Creating interface endpoints'),
  peering: veeam('create_vpc_peering_connection', 'Creating VPC peering connections'),
  enablePrivate: veeam('enable_private_network_deployment', 'Enabling private network deployment'),
  limitations: veeam('limitations', 'Limitations'),
  ports: veeam('ports', 'Ports'),
  workerGroups: veeam('seciruty_groups_workers', 'Security groups for worker instances'),
  workersLocation: veeam('workers_location', 'Worker instances location'),
  workerSettings: veeam('worker_settings', 'Worker settings'),
  workerConfigProduction: veeam('worker_add_config_prod', 'Adding worker configurations (production)'),
  workersInPrivate: veeam('worker_instances_in_private', 'Worker instances in private networks'),
} as const;

export const AWS = {
  accountIds: aws('accounts/latest/reference/manage-acct-identifiers.html', 'AWS account identifiers'),
  regions: aws('global-infrastructure/latest/regions/aws-regions.html', 'AWS Regions'),
  partitions: aws(
    'whitepapers/latest/aws-fault-isolation-boundaries/partitions.html',
    'AWS partitions (aws, aws-us-gov, aws-cn)',
  ),
  vpcCidrs: aws('vpc/latest/userguide/vpc-cidr-blocks.html', 'VPC CIDR blocks'),
  subnetSizing: aws(
    'vpc/latest/userguide/subnet-sizing.html',
    'Subnet CIDR blocks (sizes and reserved addresses)',
  ),
  subnets: aws('vpc/latest/userguide/configure-subnets.html', 'Subnets for your VPC'),
  routeTables: aws('vpc/latest/userguide/VPC_Route_Tables.html', 'Route tables (local route)'),
  routePriority: aws(
    'vpc/latest/userguide/route-tables-priority.html',
    'Route priority (longest prefix match)',
  ),
  peeringLimitations: aws(
    'vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations',
    'VPC peering limitations',
  ),
  peeringRoutes: aws('vpc/latest/peering/vpc-peering-routing.html', 'Update route tables for VPC peering'),
  peeringAccept: aws(
    'vpc/latest/peering/accept-vpc-peering-connection.html',
    'Accept a VPC peering connection',
  ),
  peeringGroups: aws(
    'vpc/latest/peering/vpc-peering-security-groups.html',
    'Security groups for VPC peering',
  ),
  peeringQuotas: aws('vpc/latest/peering/vpc-peering-connection-quotas.html', 'VPC peering quotas'),
  tgwAttachments: aws('vpc/latest/tgw/tgw-vpc-attachments.html', 'Transit gateway VPC attachments'),
  tgwRouteTables: aws('vpc/latest/tgw/tgw-route-tables.html', 'Transit gateway route tables'),
  tgwPeering: aws('vpc/latest/tgw/tgw-peering.html', 'Transit gateway peering attachments'),
  tgwSharing: aws('vpc/latest/tgw/tgw-transit-gateways.html#tgw-sharing', 'Sharing a transit gateway'),
  tgwSgReferencing: aws(
    'vpc/latest/tgw/tgw-sg-updates.html',
    'Security group referencing on transit gateways',
  ),
  sgRules: aws('vpc/latest/userguide/security-group-rules.html', 'Security group rules'),
  vpcDns: aws('vpc/latest/userguide/vpc-dns.html', 'DNS attributes for your VPC'),
  interfaceEndpoint: aws(
    'vpc/latest/privatelink/create-interface-endpoint.html',
    'Access an AWS service using an interface VPC endpoint',
  ),
  endpointDns: aws(
    'vpc/latest/privatelink/privatelink-access-aws-services.html',
    'Interface endpoint DNS names',
  ),
  s3Interface: aws(
    'AmazonS3/latest/userguide/privatelink-interface-endpoints.html',
    'Amazon S3 interface endpoints',
  ),
  vpcQuotas: aws('vpc/latest/userguide/amazon-vpc-limits.html', 'Amazon VPC quotas'),
  endpointQuotas: aws('vpc/latest/privatelink/vpc-endpoints-quotas.html', 'AWS PrivateLink quotas'),
} as const;

export const RFC1918: SourceLink = { title: 'RFC 1918', url: 'https://www.rfc-editor.org/rfc/rfc1918' };
export const DESIGN_FORMAT: SourceLink = {
  title: 'Design format 1',
  url: 'design-format.md',
};
