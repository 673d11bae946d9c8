import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { PeeringEdgeData } from './derive';

export const PeeringEdge = memo(function PeeringEdge(props: EdgeProps<Edge<PeeringEdgeData>>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const pending = data?.peering.status === 'pending-acceptance';
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`pnd-peering${pending ? ' is-pending' : ''}${selected ? ' is-selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`pnd-edge-label${pending ? ' is-pending' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {data?.peering.name || props.id}
          {pending && <span className="pnd-muted"> · pending acceptance</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

export const edgeTypes = { peering: PeeringEdge };
