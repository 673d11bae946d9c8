// The Transit Gateway on the canvas, in its account; attachments end on it.
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { TransitGatewayNodeData } from '../../canvas/derive';
import { useNodeIssues } from '../../canvas/issues';
import { classes, FlowHandles, IssueBadge } from '../../canvas/node-parts';

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
