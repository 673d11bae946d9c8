// Custom nodes: memoized, defined at module level (React Flow's performance guide).
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { AccountNodeData, RepositoryNodeData, SubnetNodeData, VpcNodeData } from './derive';

export const AccountNode = memo(function AccountNode({ data, selected }: NodeProps<Node<AccountNodeData>>) {
  const { account, roles } = data;
  return (
    <div
      className={`pnd-node pnd-account${selected ? ' is-selected' : ''}`}
      data-testid={`account-${account.id}`}
    >
      <div className="pnd-node-header">
        <span className="pnd-kind">Account</span>
        <strong className="pnd-name">{account.name || account.id}</strong>
        <span className="pnd-mono">{account.accountId}</span>
        {roles.map((r) => (
          <span key={r} className={`pnd-badge pnd-role-${r}`}>
            {r}
          </span>
        ))}
      </div>
    </div>
  );
});

export const VpcNode = memo(function VpcNode({ data, selected }: NodeProps<Node<VpcNodeData>>) {
  const { vpc } = data;
  return (
    <div className={`pnd-node pnd-vpc${selected ? ' is-selected' : ''}`} data-testid={`vpc-${vpc.id}`}>
      <Handle type="target" position={Position.Left} className="pnd-handle" />
      <div className="pnd-node-header">
        <span className="pnd-kind">VPC</span>
        <strong className="pnd-name">{vpc.name || vpc.id}</strong>
        <span className="pnd-mono">{vpc.cidr}</span>
        <span className="pnd-muted">{vpc.region}</span>
      </div>
      <Handle type="source" position={Position.Right} className="pnd-handle" />
    </div>
  );
});

export const SubnetNode = memo(function SubnetNode({ data, selected }: NodeProps<Node<SubnetNodeData>>) {
  const { subnet, endpoints, workerConfigurations, hasAppliance } = data;
  return (
    <div
      className={`pnd-node pnd-subnet${selected ? ' is-selected' : ''}`}
      data-testid={`subnet-${subnet.id}`}
    >
      <div className="pnd-subnet-title">
        <strong className="pnd-name">{subnet.name || subnet.id}</strong>
        <span className="pnd-mono">{subnet.cidr}</span>
        <span className="pnd-muted">{subnet.az}</span>
      </div>
      <div className="pnd-chips">
        {hasAppliance && <span className="pnd-chip pnd-chip-appliance">appliance</span>}
        {workerConfigurations.map((w) => (
          <span key={w.id} className="pnd-chip pnd-chip-worker" title={w.name ?? w.id}>
            workers
          </span>
        ))}
        {endpoints.map((e) => (
          <span key={e.id} className="pnd-chip pnd-chip-endpoint" title={`${e.type} endpoint ${e.id}`}>
            {e.service}
          </span>
        ))}
      </div>
    </div>
  );
});

export const RepositoryNode = memo(function RepositoryNode({
  data,
  selected,
}: NodeProps<Node<RepositoryNodeData>>) {
  const { repository } = data;
  return (
    <div
      className={`pnd-node pnd-repository${selected ? ' is-selected' : ''}`}
      data-testid={`repository-${repository.id}`}
    >
      <span className="pnd-kind">S3 repository · {repository.tier}</span>
      <strong className="pnd-name">{repository.name || repository.id}</strong>
      <span className="pnd-mono">{repository.bucket}</span>
      <span className="pnd-muted">{repository.region}</span>
    </div>
  );
});

export const nodeTypes = {
  account: AccountNode,
  vpc: VpcNode,
  subnet: SubnetNode,
  repository: RepositoryNode,
};
