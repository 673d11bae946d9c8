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
import type { AttachmentEdgeData, FlowEdgeData, PeeringEdgeData } from './derive';
import type { Box } from './layout';
import { svgPath } from './router';
import { labelSize, routePeering, sameBox, type Obstacles, type PeeringRoute } from './routes';

/** The obstacles and every peering's route, computed once per layout by the canvas. */
export const RoutingContext = createContext<{
  obstacles: Obstacles;
  routes: ReadonlyMap<string, PeeringRoute>;
  /** Whether a line without a planned route searches a way round (else it is drawn direct). */
  search: boolean;
}>({
  obstacles: { boxes: [], labelBlockers: [] },
  routes: new Map(),
  search: true,
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

/** A routed line with its label: how peerings and TGW attachments are drawn. */
function RoutedLink({
  edge,
  name,
  pending,
  issues,
  kind,
  testId,
}: {
  edge: EdgeProps;
  name: string;
  pending: boolean;
  issues: PeeringEdgeData['issues'];
  /** Names the line in its tooltip ("Peering", "TGW attachment"). */
  kind: string;
  testId: string;
}) {
  const { selected, source, target } = edge;
  const { obstacles, routes, search } = useContext(RoutingContext);
  const from = boxOf(useInternalNode(source));
  const to = boxOf(useInternalNode(target));
  const size = labelSize(name, !!issues);
  const planned = routes.get(edge.id);
  // While a VPC is dragged, its lines follow it, routed on their own.
  const current = !!planned && !!from && !!to && sameBox(planned.from, from) && sameBox(planned.to, to);
  const [fx, fy, fw, fh] = from ? [from.x, from.y, from.w, from.h] : [];
  const [tx, ty, tw, th] = to ? [to.x, to.y, to.w, to.h] : [];
  const live = useMemo(() => {
    if (current || fx === undefined || tx === undefined) return null;
    const a = { x: fx, y: fy!, w: fw!, h: fh! };
    const b = { x: tx, y: ty!, w: tw!, h: th! };
    return routePeering(source, target, a, b, { w: size.w, h: size.h }, obstacles, [], [], search);
  }, [current, fx, fy, fw, fh, tx, ty, tw, th, source, target, size.w, size.h, obstacles, search]);
  const route = current ? planned : live;
  const [path, labelX, labelY] = route
    ? [svgPath(route.points), route.label.x, route.label.y]
    : getBezierPath(edge);
  const status = pending ? 'pending acceptance' : 'active';
  const state = `${pending ? ' is-pending' : ''}${selected ? ' is-selected' : ''}${
    issues ? ` has-${issues.severity}` : ''
  }`;
  return (
    <>
      <BaseEdge id={edge.id} path={path} className={`pnd-peering${state}`} />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`pnd-edge-label nodrag nopan${state}`}
          data-testid={testId}
          title={`${kind} ${name} · ${status}${issues ? ` · ${issues.count} ${issues.severity}` : ''}`}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            maxWidth: route?.labelWidth ?? size.w,
          }}
          onClick={() => useUiStore.getState().select([edge.id], { tab: 'inspector' })}
        >
          <span className="pnd-edge-name">{name}</span>
          {issues && <span className={`pnd-issue-badge pnd-issue-${issues.severity}`}>{issues.count}</span>}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const PeeringEdge = memo(function PeeringEdge(props: EdgeProps<Edge<PeeringEdgeData>>) {
  const { data } = props;
  return (
    <RoutedLink
      edge={props}
      name={data?.peering.name || props.id}
      pending={data?.peering.status === 'pending-acceptance'}
      issues={data?.issues}
      kind="Peering"
      testId={`peering-${props.id}`}
    />
  );
});

export const AttachmentEdge = memo(function AttachmentEdge(props: EdgeProps<Edge<AttachmentEdgeData>>) {
  const { data } = props;
  return (
    <RoutedLink
      edge={props}
      name={data?.attachment.name || props.id}
      pending={data?.attachment.status === 'pending-acceptance'}
      issues={data?.issues}
      kind={data?.attachment.peerTransitGateway ? 'TGW peering attachment' : 'TGW attachment'}
      testId={`tgw-attachment-${props.id}`}
    />
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

export const edgeTypes = { peering: PeeringEdge, tgwAttachment: AttachmentEdge, flow: FlowEdge };
