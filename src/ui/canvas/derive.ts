// Canvas nodes and edges derived from the design — never a second truth (React Flow's guide).
import type { Edge, Node } from '@xyflow/react';
import { accountRoles, type AccountRole } from '../../model/roles';
import type {
  Account,
  Design,
  Endpoint,
  Peering,
  Repository,
  Subnet,
  Vpc,
  WorkerConfiguration,
} from '../../model/schema';
import { layoutDesign, type Box } from './layout';

export type AccountNodeData = { account: Account; roles: AccountRole[] };
export type VpcNodeData = { vpc: Vpc };
export type SubnetNodeData = {
  subnet: Subnet;
  endpoints: Endpoint[];
  workerConfigurations: WorkerConfiguration[];
  hasAppliance: boolean;
};
export type RepositoryNodeData = { repository: Repository };
export type PeeringEdgeData = { peering: Peering };

export type DesignNode =
  | Node<AccountNodeData, 'account'>
  | Node<VpcNodeData, 'vpc'>
  | Node<SubnetNodeData, 'subnet'>
  | Node<RepositoryNodeData, 'repository'>;

const sized = (box: Box) => ({ position: { x: box.x, y: box.y }, width: box.w, height: box.h });

export function deriveNodes(design: Design): DesignNode[] {
  const boxes = layoutDesign(design);
  const roles = accountRoles(design);
  const accountIds = new Set(design.accounts.map((a) => a.id));
  const nodes: DesignNode[] = [];
  const boxOf = (id: string): Box => boxes.get(id) ?? { x: 0, y: 0, w: 200, h: 80 };

  for (const account of design.accounts) {
    nodes.push({
      id: account.id,
      type: 'account',
      data: { account, roles: roles.get(account.id) ?? [] },
      ...sized(boxOf(account.id)),
    });
  }
  for (const vpc of design.vpcs) {
    const parent = accountIds.has(vpc.account) ? { parentId: vpc.account, extent: 'parent' as const } : {};
    nodes.push({ id: vpc.id, type: 'vpc', data: { vpc }, ...parent, ...sized(boxOf(vpc.id)) });
    for (const subnet of vpc.subnets) {
      nodes.push({
        id: subnet.id,
        type: 'subnet',
        parentId: vpc.id,
        extent: 'parent',
        data: {
          subnet,
          endpoints: vpc.endpoints.filter((e) => e.subnets.includes(subnet.id)),
          workerConfigurations: design.workerConfigurations.filter((w) => w.subnet === subnet.id),
          hasAppliance: design.appliance?.subnet === subnet.id,
        },
        ...sized(boxOf(subnet.id)),
      });
    }
  }
  for (const repository of design.repositories) {
    const parent = accountIds.has(repository.account)
      ? { parentId: repository.account, extent: 'parent' as const }
      : {};
    nodes.push({
      id: repository.id,
      type: 'repository',
      data: { repository },
      ...parent,
      ...sized(boxOf(repository.id)),
    });
  }
  return nodes;
}

export function deriveEdges(design: Design): Edge<PeeringEdgeData>[] {
  const vpcIds = new Set(design.vpcs.map((v) => v.id));
  return design.peerings
    .filter((p) => vpcIds.has(p.requester) && vpcIds.has(p.accepter) && p.requester !== p.accepter)
    .map((peering) => ({
      id: peering.id,
      source: peering.requester,
      target: peering.accepter,
      type: 'peering',
      data: { peering },
      zIndex: 10,
    }));
}
