import type { SecurityGroup, SgRule } from '../schema';
import type { KindDescriptor } from './types';

export const securityGroup: KindDescriptor<'securityGroup'> = {
  kind: 'securityGroup',
  place: { in: 'vpc', list: 'securityGroups' },
  label: { singular: 'security group', plural: 'security groups' },
  idPrefix: 'sg',
  references: [
    {
      // Groups of a peered VPC in the same region may be referenced, so not `sameVpc`.
      field: 'securityGroup',
      items: ['ingress', 'egress'],
      target: 'securityGroup',
      onDelete: 'prune',
      shownAs: 'securityGroup',
      pruned: (g, rules) => [
        `${rules.length} rule(s) of security group ${g.name || g.id} that referenced a deleted group`,
      ],
    },
  ],
};

export function createSecurityGroup(p: {
  id: string;
  name?: string;
  ingress?: SgRule[];
  egress?: SgRule[];
}): SecurityGroup {
  return { id: p.id, name: p.name ?? '', ingress: p.ingress ?? [], egress: p.egress ?? [] };
}

/**
 * The group guarding interface endpoints: their network interfaces must admit HTTPS from the
 * workers (`from`, a range covering the worker subnets); answers leave through the stateful group.
 */
export function createEndpointGroup(p: { id: string; from: string }): SecurityGroup {
  return createSecurityGroup({
    id: p.id,
    name: 'interface endpoints',
    ingress: [
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: p.from, description: 'HTTPS from the VPC' },
    ],
    egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
  });
}

/** The group for worker instances: they only open connections out (tcp/443 to endpoints and S3). */
export function createWorkerGroup(p: { id: string }): SecurityGroup {
  return createSecurityGroup({
    id: p.id,
    name: 'workers',
    egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', description: 'HTTPS out' }],
  });
}
