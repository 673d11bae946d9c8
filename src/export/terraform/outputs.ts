// outputs.tf: the AWS ids of every exported element by design element id, and what Veeam asks for
// next — each repository's S3 interface endpoint DNS name (the repository's "S3 endpoint" setting)
// and, per worker configuration, the subnet and security group ids to enter.
import type { Endpoint } from '../../model/schema';
import type { Context } from './context';
import { attr, hclInlineObject, hclString, object, renderHclFile, type TopBlock } from './hcl';

export function outputsFile(ctx: Context, header: string): string {
  const { labels, model } = ctx;
  const design = model.design;
  const output = (name: string, description: string, entries: [string, string][]): TopBlock => ({
    type: 'output',
    labels: [name],
    body: [attr('description', hclString(description)), object('value', entries)],
  });
  const byId = () => {
    const seen = new Set<string>();
    // Keys are element ids; a duplicated id (already an error finding) keeps its first element.
    return (id: string, expr: string): [string, string][] => {
      if (seen.has(id)) return [];
      seen.add(id);
      return [[hclString(id), expr]];
    };
  };
  const vpcs = design.vpcs;
  const entry = {
    vpc: byId(),
    subnet: byId(),
    table: byId(),
    group: byId(),
    endpoint: byId(),
    peering: byId(),
    repo: byId(),
    worker: byId(),
  };
  const endpointOf = (id: string | undefined): Endpoint | undefined =>
    id === undefined ? undefined : model.index.endpoints.get(id)?.element;

  const s3 = design.repositories.flatMap((repo) => {
    const endpoint = endpointOf(repo.s3Endpoint);
    if (!endpoint || endpoint.type !== 'Interface') return [];
    // The mock provider of `terraform test` leaves dns_entry empty; try() keeps the plan whole.
    return entry.repo(
      repo.id,
      `try(aws_vpc_endpoint.${labels.endpoint(endpoint)}.dns_entry[0].dns_name, null)`,
    );
  });
  const workers = design.workerConfigurations.flatMap((wc) => {
    const subnet = model.index.subnets.get(wc.subnet)?.element;
    const group = model.index.securityGroups.get(wc.securityGroup)?.element;
    if (!subnet || !group) return [];
    return entry.worker(
      wc.id,
      hclInlineObject([
        ['subnet_id', `aws_subnet.${labels.subnet(subnet)}.id`],
        ['security_group_id', `aws_security_group.${labels.securityGroup(group)}.id`],
      ]),
    );
  });

  const blocks = [
    output(
      'vpc_ids',
      'VPC ids by design element id',
      vpcs.flatMap((v) => entry.vpc(v.id, `aws_vpc.${labels.vpc(v)}.id`)),
    ),
    output(
      'subnet_ids',
      'Subnet ids by design element id',
      vpcs.flatMap((v) => v.subnets.flatMap((s) => entry.subnet(s.id, `aws_subnet.${labels.subnet(s)}.id`))),
    ),
    output(
      'route_table_ids',
      'Route table ids by design element id',
      vpcs.flatMap((v) =>
        v.routeTables.flatMap((t) => entry.table(t.id, `aws_route_table.${labels.routeTable(t)}.id`)),
      ),
    ),
    output(
      'security_group_ids',
      'Security group ids by design element id',
      vpcs.flatMap((v) =>
        v.securityGroups.flatMap((g) =>
          entry.group(g.id, `aws_security_group.${labels.securityGroup(g)}.id`),
        ),
      ),
    ),
    output(
      'vpc_endpoint_ids',
      'VPC endpoint ids by design element id',
      vpcs.flatMap((v) =>
        v.endpoints.flatMap((e) => entry.endpoint(e.id, `aws_vpc_endpoint.${labels.endpoint(e)}.id`)),
      ),
    ),
    output(
      'peering_connection_ids',
      'VPC peering connection ids by design element id',
      model.peerings.flatMap((p) =>
        entry.peering(p.peering.id, `aws_vpc_peering_connection.${labels.peering(p.peering)}.id`),
      ),
    ),
    output(
      's3_endpoint_dns_names',
      "DNS name of each repository's S3 interface endpoint (the repository's S3 endpoint setting in Veeam), by repository id",
      s3,
    ),
    output(
      'worker_configurations',
      'Subnet and security group ids to enter in each Veeam worker configuration, by worker configuration id',
      workers,
    ),
  ];
  return renderHclFile(header, blocks);
}
