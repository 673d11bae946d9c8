// The canvas: nodes and edges derived from the design, decorated with findings and selection.
// Edits leave through commands only. A drag moves nodes locally and lands in the design once, at
// drag stop, so one drag is one undo step and validation runs once per drag, not per frame.
import { useCallback, useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type InternalNode,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { useFlowPaths, useValidationStore } from '../../app/validation';
import { connectPeering, newId, peeringRefusal, setLayout } from '../../model/commands/edit';
import type { LayoutBox } from '../../model/schema';
import { EdgeDeriver, deriveFlowEdges, NodeDeriver, type DesignNode, type FlowEdgeData } from './derive';
import { DRAG_MIME, planDrop, type DropTarget, type PaletteKind } from './drop';
import { edgeTypes } from './edges';
import { issuesByPlace } from './elements';
import { nodeTypes } from './nodes';

const CONTAINER_DEPTH: Record<string, number> = { account: 1, repository: 2, vpc: 2, subnet: 3 };

/** The innermost node under a flow-space point. */
export function containerAt(nodes: Iterable<InternalNode>, point: XYPosition): DropTarget {
  let best: InternalNode | undefined;
  for (const node of nodes) {
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? node.width ?? 0;
    const h = node.measured.height ?? node.height ?? 0;
    if (point.x < x || point.y < y || point.x > x + w || point.y > y + h) continue;
    if (!best || (CONTAINER_DEPTH[node.type ?? ''] ?? 0) > (CONTAINER_DEPTH[best.type ?? ''] ?? 0))
      best = node;
  }
  return best ? { id: best.id, type: best.type as NonNullable<DropTarget>['type'] } : null;
}

/** Runs a palette drop (mouse or keyboard): applies it, or explains the refusal. */
export function performDrop(kind: PaletteKind, target: DropTarget, at: XYPosition | undefined): void {
  const { design, apply } = useDesignStore.getState();
  const ui = useUiStore.getState();
  const result = planDrop(design, kind, target, at);
  if ('refused' in result) ui.notify(result.refused);
  else if ('pickServices' in result) ui.setEndpointDrop(result.pickServices);
  else {
    apply(result.commands);
    ui.select([result.select], { tab: 'inspector' });
  }
}

function connectVpcs(source: string, target: string): void {
  const { design, apply } = useDesignStore.getState();
  const refusal = peeringRefusal(design, source, target);
  if (refusal) {
    useUiStore.getState().notify(refusal);
    return;
  }
  const name = (id: string) => design.vpcs.find((v) => v.id === id)?.name || id;
  const id = newId(design, `pcx-${source}-${target}`);
  apply([
    connectPeering({
      peering: {
        id,
        name: `${name(source)} ↔ ${name(target)}`,
        requester: source,
        accepter: target,
        status: 'active',
      },
    }),
  ]);
  useUiStore.getState().select([id], { tab: 'inspector' });
}

/** A plain click on a node or edge replaces the selection: elements without a node of their own
 * (a chip, an operation) must not stay selected behind it, or Delete would take them too. With
 * Shift or Ctrl/Cmd held React Flow adds to the selection instead, and so does this. */
function keepOnlyCanvasIds(selection: Set<string>, store: ReturnType<typeof useStoreApi>) {
  const { nodeLookup, edgeLookup, multiSelectionActive } = store.getState();
  if (multiSelectionActive) return;
  for (const id of selection) if (!nodeLookup.has(id) && !edgeLookup.has(id)) selection.delete(id);
}

export function DesignCanvas({ colorMode, children }: { colorMode: 'light' | 'dark'; children?: ReactNode }) {
  const design = useDesignStore((s) => s.design);
  const apply = useDesignStore((s) => s.apply);
  const selection = useUiStore((s) => s.selection);
  const zoomRequest = useUiStore((s) => s.zoomRequest);
  const showFlows = useUiStore((s) => s.showFlows);
  const findings = useValidationStore((s) => s.findings);
  const flows = useValidationStore((s) => s.flows);
  const fitRequest = useUiStore((s) => s.fitRequest);
  const renderAll = useUiStore((s) => s.renderAll);
  const { screenToFlowPosition, getInternalNode, fitView, getNodes, setViewport } = useReactFlow();
  const rfStore = useStoreApi();
  const [deriver] = useState(() => new NodeDeriver());
  const [edgeDeriver] = useState(() => new EdgeDeriver());
  const [dragged, setDragged] = useState<ReadonlyMap<string, XYPosition> | null>(null);

  const issues = useMemo(() => issuesByPlace(design, findings), [design, findings]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const derived = useMemo(
    () => deriver.nodes(design, { issues, selected }),
    [deriver, design, issues, selected],
  );
  const nodes = useMemo(
    () =>
      dragged
        ? derived.map((n) => {
            const p = dragged.get(n.id);
            return p ? ({ ...n, position: p } as DesignNode) : n;
          })
        : derived,
    [derived, dragged],
  );
  const peerings = useMemo(
    () => edgeDeriver.edges(design, { issues, selected }),
    [edgeDeriver, design, issues, selected],
  );
  const flowPaths = useFlowPaths(showFlows);
  const flowEdges = useMemo(
    () => (showFlows && flowPaths ? deriveFlowEdges(design, flows, flowPaths) : []),
    [showFlows, design, flows, flowPaths],
  );
  const edges = useMemo<Edge[]>(() => [...peerings, ...flowEdges], [peerings, flowEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignNode>[]) => {
      const moving = new Map<string, XYPosition>();
      const landed: Record<string, LayoutBox> = {};
      let selectionChanged = false;
      const nextSelection = new Set(useUiStore.getState().selection);
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else landed[change.id] = { x: change.position.x, y: change.position.y };
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) {
            keepOnlyCanvasIds(nextSelection, rfStore);
            nextSelection.add(change.id);
          } else nextSelection.delete(change.id);
        }
      }
      if (moving.size) setDragged((prev) => new Map([...(prev ?? []), ...moving]));
      if (Object.keys(landed).length) {
        apply([setLayout({ boxes: landed })]);
        setDragged(null);
      }
      if (selectionChanged) useUiStore.getState().select([...nextSelection]);
    },
    [apply, rfStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const nextSelection = new Set(useUiStore.getState().selection);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select' || change.id.startsWith('flow:')) continue;
        changed = true;
        if (change.selected) {
          keepOnlyCanvasIds(nextSelection, rfStore);
          nextSelection.add(change.id);
        } else nextSelection.delete(change.id);
      }
      if (changed) useUiStore.getState().select([...nextSelection]);
    },
    [rfStore],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => peeringRefusal(useDesignStore.getState().design, c.source, c.target) === null,
    [],
  );
  const onConnect = useCallback((c: Connection) => connectVpcs(c.source, c.target), []);
  // React Flow calls onConnectEnd after onConnect too; only connections it refused or that ended
  // off a handle are handled there.
  // A connection dropped on a VPC's body (not its handle) still peers the two VPCs; a refused one
  // (self, duplicate) says why instead of silently snapping back.
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode) return;
    const from = state.fromNode.id;
    let to = state.toNode?.id;
    if (!to) {
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      // Every element under the pointer, not just the top one: an edge or label may lie over the VPC.
      const vpcNode = document
        .elementsFromPoint(point.clientX, point.clientY)
        .map((el) => el.closest('.react-flow__node-vpc'))
        .find((el) => el !== null);
      to = vpcNode?.getAttribute('data-id') ?? undefined;
    }
    if (!to) return;
    connectVpcs(from, to);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(DRAG_MIME) as PaletteKind;
      if (!kind) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const internal = getNodes().flatMap((n) => getInternalNode(n.id) ?? []);
      const target = containerAt(internal, point);
      const origin = target ? getInternalNode(target.id)?.internals.positionAbsolute : undefined;
      performDrop(kind, target, origin ? { x: point.x - origin.x, y: point.y - origin.y } : point);
    },
    [screenToFlowPosition, getInternalNode, getNodes],
  );

  useEffect(() => {
    if (!zoomRequest) return;
    const ids = useUiStore.getState().selection.filter((id) => getInternalNode(id));
    if (ids.length)
      void fitView({ nodes: ids.map((id) => ({ id })), duration: 300, padding: 0.4, maxZoom: 1.5 });
  }, [zoomRequest, fitView, getInternalNode]);

  useEffect(() => {
    if (!fitRequest) return;
    // Wait a frame so React Flow has the new design's nodes; an empty design starts at 100 %.
    const frame = requestAnimationFrame(() => {
      if (getNodes().length) void fitView({ maxZoom: 1 });
      else void setViewport({ x: 0, y: 0, zoom: 1 });
    });
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fitView, getNodes, setViewport]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      onEdgeClick={(_, edge) => {
        if (edge.type === 'flow')
          useUiStore.getState().setOpenTrace((edge.data as FlowEdgeData).flow.flow.id);
      }}
      onPaneClick={() => useUiStore.getState().select([])}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      colorMode={colorMode}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      fitView
      fitViewOptions={{ maxZoom: 1 }}
      minZoom={0.05}
      // Hundreds of nodes: only those in view are in the DOM (React Flow's performance guide).
      onlyRenderVisibleElements={!renderAll}
      proOptions={{ hideAttribution: true }}
      aria-label="Design canvas"
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable ariaLabel="Overview map" />
      {children}
    </ReactFlow>
  );
}
