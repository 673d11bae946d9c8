import { createContext, memo, useContext, useMemo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  useInternalNode,
  type Edge,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
import type { FlowEdgeData, PeeringEdgeData } from './derive';
import type { Box } from './layout';
import { svgPath } from './router';
import { labelSize, routePeering, sameBox, type Obstacles, type PeeringRoute } from './routes';

/** The obstacles and every peering's route, computed once per layout by the canvas. */
export const RoutingContext = createContext<{
  obstacles: Obstacles;
  routes: ReadonlyMap<string, PeeringRoute>;
}>({
  obstacles: { boxes: [], labelBlockers: [] },
  routes: new Map(),
});

function boxOf(node: InternalNode | undefined): Box | null {
  if (!node) return null;
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    w: node.measured.width ?? node.width ?? 0,
    h: node.measured.height ?? node.height ?? 0,
  };
}

export const PeeringEdge = memo(function PeeringEdge(props: EdgeProps<Edge<PeeringEdgeData>>) {
  const { data, selected, source, target } = props;
  const { obstacles, routes } = useContext(RoutingContext);
  const from = boxOf(useInternalNode(source));
  const to = boxOf(useInternalNode(target));
  const name = data?.peering.name || props.id;
  const pending = data?.peering.status === 'pending-acceptance';
  const issues = data?.issues;
  const size = labelSize(name, !!issues);
  const planned = routes.get(props.id);
  // While a VPC is dragged, its lines follow it, routed on their own.
  const current = !!planned && !!from && !!to && sameBox(planned.from, from) && sameBox(planned.to, to);
  const [fx, fy, fw, fh] = from ? [from.x, from.y, from.w, from.h] : [];
  const [tx, ty, tw, th] = to ? [to.x, to.y, to.w, to.h] : [];
  const live = useMemo(() => {
    if (current || fx === undefined || tx === undefined) return null;
    const a = { x: fx, y: fy!, w: fw!, h: fh! };
    const b = { x: tx, y: ty!, w: tw!, h: th! };
    return routePeering(source, target, a, b, { w: size.w, h: size.h }, obstacles);
  }, [current, fx, fy, fw, fh, tx, ty, tw, th, source, target, size.w, size.h, obstacles]);
  const route = current ? planned : live;
  const [path, labelX, labelY] = route
    ? [svgPath(route.points), route.label.x, route.label.y]
    : getBezierPath(props);
  const status = pending ? 'pending acceptance' : 'active';
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
          title={`Peering ${name} · ${status}${issues ? ` · ${issues.count} ${issues.severity}` : ''}`}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            maxWidth: route?.labelWidth ?? size.w,
          }}
          onClick={() => useUiStore.getState().select([props.id], { tab: 'inspector' })}
        >
          <span className="pnd-edge-name">{name}</span>
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
