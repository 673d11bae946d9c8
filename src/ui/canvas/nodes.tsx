// Custom nodes: memoized, defined at module level (React Flow's performance guide). Each reads its
// own findings (issues.ts), so a validation answer re-renders only the nodes whose badge changed.
import { memo, type ReactNode } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
import type {
  AccountNodeData,
  RepositoryNodeData,
  SubnetNodeData,
  TransitGatewayNodeData,
  VpcNodeData,
} from './derive';
import type { Issues } from './elements';
import { useNodeIssues } from './issues';
import { useCanvasDetailed, useHandlesFollowDetail } from './lod';
import { useBackgroundPan, useModifierHeld } from './pan';

function classes(kind: string, selected: boolean | undefined, issues: Issues | undefined): string {
  return `pnd-node pnd-${kind}${selected ? ' is-selected' : ''}${issues ? ` has-${issues.severity}` : ''}`;
}

function IssueBadge({ issues }: { issues: Issues | undefined }) {
  if (!issues) return null;
  return (
    <span
      className={`pnd-issue-badge pnd-issue-${issues.severity}`}
      title={`${issues.count} ${issues.severity === 'info' ? 'note' : issues.severity}${issues.count > 1 ? 's' : ''}`}
      data-testid="issue-badge"
    >
      {issues.severity === 'error' ? '!' : issues.severity === 'warning' ? '▲' : 'i'} {issues.count}
    </span>
  );
}

/** Invisible anchors for the flow overlay's edges (never for drawing connections). */
function FlowHandles() {
  return (
    <>
      <Handle
        id="flow-in"
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="pnd-flow-handle"
      />
      <Handle
        id="flow-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pnd-flow-handle"
      />
    </>
  );
}

/** A chip inside a node that selects the element it stands for (endpoint, workers, appliance). */
function Chip({
  id,
  className,
  title,
  children,
}: {
  id: string;
  className: string;
  title: string;
  children: ReactNode;
}) {
  const selected = useUiStore((s) => s.selection.includes(id));
  return (
    <button
      type="button"
      className={`pnd-chip nodrag ${className}${selected ? ' is-selected' : ''}`}
      title={title}
      aria-label={title}
      aria-pressed={selected}
      data-testid={`chip-${id}`}
      onClick={(event) => {
        event.stopPropagation();
        const { select, selection } = useUiStore.getState();
        // Shift/Ctrl/Cmd adds to (or takes from) the selection, as on canvas nodes.
        if (event.shiftKey || event.ctrlKey || event.metaKey)
          select(selected ? selection.filter((x) => x !== id) : [...selection, id], { tab: 'inspector' });
        else select([id], { tab: 'inspector' });
      }}
    >
      {children}
    </button>
  );
}

export const AccountNode = memo(function AccountNode({ data, selected }: NodeProps<Node<AccountNodeData>>) {
  const { account, roles } = data;
  const issues = useNodeIssues(account.id);
  const pan = useBackgroundPan();
  const free = useModifierHeld();
  return (
    <div className={classes('account', selected, issues)} data-testid={`account-${account.id}`}>
      {/* The background pans (React Flow does not drag from a nodrag element) unless a modifier
          is held; the header always moves the account. */}
      <div
        className={`pnd-account-body${free ? ' is-free' : ' nodrag'}`}
        data-testid={`account-body-${account.id}`}
        {...(free ? {} : pan)}
      />
      <div className="pnd-node-header pnd-account-header" title="Drag to move the account">
        <span className="pnd-kind">Account</span>
        <strong className="pnd-name">{account.name || account.id}</strong>
        <span className="pnd-mono">{account.accountId || '(no account id)'}</span>
        {roles.map((r) => (
          <span key={r} className={`pnd-badge pnd-role-${r}`}>
            {r}
          </span>
        ))}
        <IssueBadge issues={issues} />
      </div>
    </div>
  );
});

export const VpcNode = memo(function VpcNode({ data, selected }: NodeProps<Node<VpcNodeData>>) {
  const { vpc } = data;
  const issues = useNodeIssues(vpc.id);
  const detailed = useCanvasDetailed();
  useHandlesFollowDetail(vpc.id, detailed);
  const label = vpc.name || vpc.id;
  if (!detailed)
    return (
      <div className={`${classes('vpc', selected, issues)} is-outline`} data-testid={`vpc-${vpc.id}`}>
        <Handle
          id="peer-in"
          type="target"
          position={Position.Left}
          isConnectable={false}
          className="pnd-handle"
        />
        <Handle
          id="peer-out"
          type="source"
          position={Position.Right}
          isConnectable={false}
          className="pnd-handle"
        />
        <FlowHandles />
      </div>
    );
  return (
    <div className={classes('vpc', selected, issues)} data-testid={`vpc-${vpc.id}`}>
      {/* Peering edges attach left and right; a connection can end on the left anchor or anywhere
          on the VPC, and starts from the ⊕ in the header, where no edge lies over it. */}
      <Handle
        id="peer-in"
        type="target"
        position={Position.Left}
        isConnectableStart={false}
        className="pnd-handle"
        title={`Peering target of ${label}`}
      />
      <Handle
        id="peer-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pnd-handle"
      />
      <div className="pnd-node-header">
        <span className="pnd-kind">VPC</span>
        <strong className="pnd-name">{label}</strong>
        <span className="pnd-mono">{vpc.cidr}</span>
        <span className="pnd-muted">{vpc.region}</span>
        <IssueBadge issues={issues} />
      </div>
      <Handle
        id="connect"
        type="source"
        position={Position.Top}
        isConnectableEnd={false}
        className="pnd-connect-handle"
        title={`Drag to another VPC to peer it with ${label}`}
      />
      <FlowHandles />
    </div>
  );
});

export const SubnetNode = memo(function SubnetNode({ data, selected }: NodeProps<Node<SubnetNodeData>>) {
  const { subnet, endpoints, workerConfigurations, appliance } = data;
  const issues = useNodeIssues(subnet.id);
  return (
    <div className={classes('subnet', selected, issues)} data-testid={`subnet-${subnet.id}`}>
      <FlowHandles />
      <div className="pnd-subnet-title">
        <strong className="pnd-name">{subnet.name || subnet.id}</strong>
        <span className="pnd-mono">{subnet.cidr}</span>
        <span className="pnd-muted">{subnet.az}</span>
        <IssueBadge issues={issues} />
      </div>
      <div className="pnd-chips">
        {appliance && (
          <Chip
            id={appliance.id}
            className="pnd-chip-appliance"
            title={`Appliance ${appliance.name || appliance.id}`}
          >
            ◆ appliance
          </Chip>
        )}
        {workerConfigurations.map((w) => (
          <Chip
            key={w.id}
            id={w.id}
            className="pnd-chip-worker"
            title={`Worker configuration ${w.name || w.id}`}
          >
            ⚙ workers
          </Chip>
        ))}
        {endpoints.map((e) => (
          <Chip
            key={e.id}
            id={e.id}
            className="pnd-chip-endpoint"
            title={`${e.type} endpoint ${e.service} (${e.id})`}
          >
            ⬡ {e.service}
          </Chip>
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
  const issues = useNodeIssues(repository.id);
  return (
    <div className={classes('repository', selected, issues)} data-testid={`repository-${repository.id}`}>
      <FlowHandles />
      <span className="pnd-kind">
        S3 repository · {repository.tier} <IssueBadge issues={issues} />
      </span>
      <strong className="pnd-name">{repository.name || repository.id}</strong>
      <span className="pnd-mono">{repository.bucket}</span>
      <span className="pnd-muted">{repository.region}</span>
    </div>
  );
});

export const TransitGatewayNode = memo(function TransitGatewayNode({
  data,
  selected,
}: NodeProps<Node<TransitGatewayNodeData>>) {
  const { transitGateway: tgw } = data;
  const issues = useNodeIssues(tgw.id);
  const label = tgw.name || tgw.id;
  return (
    <div className={classes('tgw', selected, issues)} data-testid={`tgw-${tgw.id}`}>
      {/* Attachments end on the left anchor (or anywhere on the node); a drag from the ⊕ starts a
          peering attachment to a TGW in another region. */}
      <Handle
        id="tgw-in"
        type="target"
        position={Position.Left}
        isConnectableStart={false}
        className="pnd-handle"
        title={`Attach to ${label}`}
      />
      <Handle
        id="tgw-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pnd-handle"
      />
      <span className="pnd-kind">
        Transit Gateway <IssueBadge issues={issues} />
      </span>
      <strong className="pnd-name">{label}</strong>
      <span className="pnd-mono">ASN {tgw.asn}</span>
      <span className="pnd-muted">{tgw.region}</span>
      <Handle
        id="connect"
        type="source"
        position={Position.Top}
        isConnectableEnd={false}
        className="pnd-connect-handle"
        title={`Drag to a Transit Gateway in another region to peer it with ${label}`}
      />
      <FlowHandles />
    </div>
  );
});

export const nodeTypes = {
  transitGateway: TransitGatewayNode,
  account: AccountNode,
  vpc: VpcNode,
  subnet: SubnetNode,
  repository: RepositoryNode,
};
