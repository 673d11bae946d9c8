// What Veeam asks for once the network exists, as Outputs of the stack that holds each element:
// every repository's S3 interface endpoint DNS name (the repository's "S3 endpoint" setting) and,
// per worker configuration, the subnet and security group ids to enter.
import { logicalId } from '../labels';
import type { Builder } from './builder';
import { getAtt, ref } from './intrinsics';

export function veeamOutputs(b: Builder) {
  const { design, index } = b.model;
  for (const repo of design.repositories) {
    const endpoint =
      repo.s3Endpoint === undefined ? undefined : index.endpoints.get(repo.s3Endpoint)?.element;
    const place = endpoint && endpoint.type === 'Interface' ? b.placed.get(endpoint) : undefined;
    if (!place) continue;
    // DnsEntries are "<hosted zone id>:<DNS name>", the endpoint's regional name first.
    b.output(
      place.stack,
      `s3dns:${repo.id}`,
      `${logicalId(repo.id)}S3EndpointDnsName`,
      { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, getAtt(place.id, 'DnsEntries')] }] }] },
      `DNS name of the S3 interface endpoint of repository "${repo.name || repo.id}" (its S3 endpoint setting in Veeam)`,
    );
  }
  for (const wc of design.workerConfigurations) {
    const subnet = index.subnets.get(wc.subnet)?.element;
    const group = index.securityGroups.get(wc.securityGroup)?.element;
    const subnetPlace = subnet && b.placed.get(subnet);
    const groupPlace = group && b.placed.get(group);
    const name = wc.name || wc.id;
    if (subnetPlace) {
      b.output(
        subnetPlace.stack,
        `wcsubnet:${wc.id}`,
        `${logicalId(wc.id)}SubnetId`,
        ref(subnetPlace.id),
        `Subnet of worker configuration "${name}"`,
      );
    }
    if (groupPlace) {
      b.output(
        groupPlace.stack,
        `wcsg:${wc.id}`,
        `${logicalId(wc.id)}SecurityGroupId`,
        getAtt(groupPlace.id, 'GroupId'),
        `Security group of worker configuration "${name}"`,
      );
    }
  }
}
