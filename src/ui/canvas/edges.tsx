import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
import type { FlowEdgeData, PeeringEdgeData } from './derive';

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
