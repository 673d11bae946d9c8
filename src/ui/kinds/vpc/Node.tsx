// The VPC on the canvas: a plain outline below the level-of-detail zoom; above it, its header,
// its peering anchors and the ⊕ that starts a peering.
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { VpcNodeData } from '../../canvas/derive';
import { useNodeIssues } from '../../canvas/issues';
import { useCanvasDetailed, useHandlesFollowDetail } from '../../canvas/lod';
import { classes, FlowHandles, IssueBadge } from '../../canvas/node-parts';

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
