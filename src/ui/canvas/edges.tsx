import { memo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  Position,
  useInternalNode,
  type Edge,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
import type { FlowEdgeData, PeeringEdgeData } from './derive';

type Side = { x: number; y: number; position: Position };

/** The middle of the side of `node` that faces `other` (React Flow's "floating edges" pattern). */
function facingSide(node: InternalNode, other: InternalNode): Side {
  const w = node.measured.width ?? node.width ?? 0;
  const h = node.measured.height ?? node.height ?? 0;
  const { x, y } = node.internals.positionAbsolute;
  const ow = other.measured.width ?? other.width ?? 0;
  const oh = other.measured.height ?? other.height ?? 0;
  const dx = other.internals.positionAbsolute.x + ow / 2 - (x + w / 2);
  const dy = other.internals.positionAbsolute.y + oh / 2 - (y + h / 2);
  // Compare against the boxes' proportions so wide VPCs side by side connect left/right.
  if (Math.abs(dx) / Math.max(w + ow, 1) >= Math.abs(dy) / Math.max(h + oh, 1))
    return dx > 0
      ? { x: x + w, y: y + h / 2, position: Position.Right }
      : { x, y: y + h / 2, position: Position.Left };
  return dy > 0
    ? { x: x + w / 2, y: y + h, position: Position.Bottom }
    : { x: x + w / 2, y, position: Position.Top };
}

export const PeeringEdge = memo(function PeeringEdge(props: EdgeProps<Edge<PeeringEdgeData>>) {
  const { data, selected } = props;
  const sourceNode = useInternalNode(props.source);
  const targetNode = useInternalNode(props.target);
  const from: Side =
    sourceNode && targetNode
      ? facingSide(sourceNode, targetNode)
      : { x: props.sourceX, y: props.sourceY, position: props.sourcePosition };
  const to: Side =
    sourceNode && targetNode
      ? facingSide(targetNode, sourceNode)
      : { x: props.targetX, y: props.targetY, position: props.targetPosition };
  const [path, labelX, labelY] = getBezierPath({
    sourceX: from.x,
    sourceY: from.y,
    targetX: to.x,
    targetY: to.y,
    sourcePosition: from.position,
    targetPosition: to.position,
  });
  const pending = data?.peering.status === 'pending-acceptance';
  const issues = data?.issues;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`pnd-peering${pending ? ' is-pending' : ''}${selected ? ' is-selected' : ''}${
          issues ? ` has-${issues.severity}` : ''
        }`}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`pnd-edge-label nodrag nopan${pending ? ' is-pending' : ''}${selected ? ' is-selected' : ''}${
            issues ? ` has-${issues.severity}` : ''
          }`}
          data-testid={`peering-${props.id}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          onClick={() => useUiStore.getState().select([props.id], { tab: 'inspector' })}
        >
          {data?.peering.name || props.id}
          <span className="pnd-muted"> · {pending ? 'pending acceptance' : 'active'}</span>
          {issues && <span className={`pnd-issue-badge pnd-issue-${issues.severity}`}>{issues.count}</span>}
        </button>
      </EdgeLabelRenderer>
    </>
  );
});

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<Edge<FlowEdgeData>>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const ok = data?.ok ?? false;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`pnd-flow ${ok ? 'is-ok' : 'is-failing'}`}
        interactionWidth={14}
      />
      {!ok && data && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="pnd-flow-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => useUiStore.getState().setOpenTrace(data.flow.flow.id)}
            aria-label={`Why does this flow fail: ${data.flow.flow.description}`}
          >
            ✕ why?
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { peering: PeeringEdge, flow: FlowEdge };
