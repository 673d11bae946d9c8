// The canvas: nodes and edges derived from the design, decorated with findings and selection.
// Edits leave through commands only. A drag moves nodes locally and lands in the design once, at
// drag stop, so one drag is one undo step and validation runs once per drag, not per frame.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type DragEvent,
  type ReactNode,
} from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import { removePreviewAfterPaint } from '../../app/preview';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { useFlowPaths, useValidationStore } from '../../app/validation';
import { connectPeering, peeringRefusal } from '../../model/commands/peering';
import { newId } from '../../model/commands/element';
import { attachmentRefusal } from '../../model/commands/tgw-attachment';
import { EdgeDeriver, deriveFlowEdges, NodeDeriver, type DesignNode, type FlowEdgeData } from './derive';
import { CanvasTools } from './CanvasTools';
import { CULL_ABOVE, cullNodes, useViewRegion } from './cull';
import { canvasAspect, FIT_OPTIONS, useFitOnOpen } from './fit';
import { containerAt, planLanding } from './landing';
import { DRAG_MIME, planDrop, type DropTarget, type PaletteKind } from './drop';
import { edgeTypes, RoutingContext } from './edges';
import { issuesOf } from './issues';
import { useCanvasDetail, useDetailed, useFitDone } from './lod';
import { nodeTypes } from './node-types';
import { absoluteBoxes, ObstacleMemo } from './obstacles';
import { OverviewLayer } from './overview';
import { overviewOf } from './overview-paths';
import { MIN_ZOOM } from './view';
import { MAX_ROUTED_PEERINGS, RouteMemo, type Obstacles, type PeeringRoute } from './routes';
import { connectToTgw, endsOnTgw } from '../kinds/tgwAttachment/connect';

const NO_ROUTES: ReadonlyMap<string, PeeringRoute> = new Map();
const NO_OBSTACLES: Obstacles = { boxes: [], labelBlockers: [] };

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
  const fromTgw = design.transitGateways.some((t) => t.id === source);
  if (fromTgw || endsOnTgw(design, target)) {
    connectToTgw(source, target);
    return;
  }
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
  const issues = useValidationStore(issuesOf);
  const flows = useValidationStore((s) => s.flows);
  const fitRequest = useUiStore((s) => s.fitRequest);
  const renderAll = useUiStore((s) => s.renderAll);
  const { screenToFlowPosition, getInternalNode, fitView, fitBounds, getNodes, setViewport } = useReactFlow();
  const rfStore = useStoreApi();
  const [deriver] = useState(() => new NodeDeriver(canvasAspect()));
  const [edgeDeriver] = useState(() => new EdgeDeriver());
  const [dragged, setDragged] = useState<ReadonlyMap<string, XYPosition> | null>(null);

  useFitOnOpen(design);

  const detailed = useDetailed();
  // Before the nodes paint, so a VPC is never drawn at the other level for a frame.
  useLayoutEffect(() => useCanvasDetail.setState({ detailed }), [detailed]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const derived = useMemo(() => deriver.nodes(design, selected), [deriver, design, selected]);
  // Zoomed out, React Flow mounts no subnets and only the selected VPCs; the overview draws the rest.
  const outline = useMemo(
    () => (detailed ? derived : derived.filter((n) => n.type !== 'subnet')),
    [derived, detailed],
  );
  const withDrag = useMemo(
    () =>
      dragged
        ? outline.map((n) => {
            const p = dragged.get(n.id);
            return p ? ({ ...n, position: p } as DesignNode) : n;
          })
        : outline,
    [outline, dragged],
  );
  // From the design's boxes, not the dragged ones: lines re-route once a drag lands.
  const [obstacleMemo] = useState(() => new ObstacleMemo());
  // Zoomed out no line is routed round anything (the overview draws them straight).
  const obstacles = useMemo(
    () => (detailed ? obstacleMemo.of(derived) : NO_OBSTACLES),
    [obstacleMemo, derived, detailed],
  );
  const peerings = useMemo(
    () => edgeDeriver.edges(design, { issues, selected }),
    [edgeDeriver, design, issues, selected],
  );
  const [routeMemo] = useState(() => new RouteMemo());
  // Lines are planned together (labels avoiding each other) only on a design small enough to plan
  // at once and only when drawn in detail; otherwise each mounted line is drawn direct on its own.
  const planned = detailed && peerings.length <= MAX_ROUTED_PEERINGS;
  const routes = useMemo(
    () => (planned ? routeMemo.of(peerings, obstacles) : NO_ROUTES),
    [planned, routeMemo, peerings, obstacles],
  );
  const routing = useMemo(() => ({ obstacles, routes, search: planned }), [obstacles, routes, planned]);
  const flowPaths = useFlowPaths(showFlows);
  const flowEdges = useMemo(() => {
    if (!showFlows || !flowPaths) return [];
    const all = deriveFlowEdges(design, flows, flowPaths);
    if (detailed) return all;
    // Zoomed out, a path ends at the VPC drawn in place of its subnet.
    const parentOf = new Map(derived.flatMap((n) => (n.type === 'subnet' ? [[n.id, n.parentId!]] : [])));
    return all
      .map((e) => ({
        ...e,
        source: parentOf.get(e.source) ?? e.source,
        target: parentOf.get(e.target) ?? e.target,
      }))
      .filter((e) => e.source !== e.target);
  }, [showFlows, design, flows, flowPaths, detailed, derived]);
  const allEdges = useMemo<Edge[]>(() => [...peerings, ...flowEdges], [peerings, flowEdges]);
  const region = useViewRegion(detailed && outline.length > CULL_ABOVE);
  const nodes = useMemo(() => {
    if (!detailed) return withDrag.filter((n) => n.type !== 'vpc' || selected.has(n.id));
    return region ? cullNodes(withDrag, allEdges, region, selected) : withDrag;
  }, [withDrag, detailed, selected, region, allEdges]);
  const mounted = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes]);
  const edges = useMemo(
    () =>
      nodes === withDrag ? allEdges : allEdges.filter((e) => mounted.has(e.source) && mounted.has(e.target)),
    [allEdges, nodes, withDrag, mounted],
  );
  const overview = useMemo(
    () => (detailed ? null : overviewOf(withDrag, allEdges, mounted, issues)),
    [detailed, withDrag, allEdges, mounted, issues],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignNode>[]) => {
      const moving = new Map<string, XYPosition>();
      const landed = new Map<string, XYPosition>();
      let selectionChanged = false;
      const nextSelection = new Set(useUiStore.getState().selection);
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else landed.set(change.id, change.position);
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) {
            keepOnlyCanvasIds(nextSelection, rfStore);
            nextSelection.add(change.id);
          } else nextSelection.delete(change.id);
        }
      }
      if (moving.size) setDragged((prev) => new Map([...(prev ?? []), ...moving]));
      if (landed.size) {
        const internal = getNodes().flatMap((n) => getInternalNode(n.id) ?? []);
        const { commands, refused } = planLanding(useDesignStore.getState().design, landed, internal);
        apply(commands);
        if (refused[0]) useUiStore.getState().notify(refused[0]);
        setDragged(null);
      }
      if (selectionChanged) useUiStore.getState().select([...nextSelection]);
    },
    [apply, rfStore, getNodes, getInternalNode],
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

  const isValidConnection = useCallback((c: Connection | Edge) => {
    const { design } = useDesignStore.getState();
    return (
      (endsOnTgw(design, c.target)
        ? attachmentRefusal(design, c.source, c.target)
        : peeringRefusal(design, c.source, c.target)) === null
    );
  }, []);
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
        .map((el) => el.closest('.react-flow__node-vpc, .react-flow__node-transitGateway'))
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
    // An element not mounted at this zoom (a subnet, or a VPC of the overview) is reached through
    // its box on the canvas; the zoom then mounts it.
    const ids = useUiStore.getState().selection;
    if (ids.every((id) => getInternalNode(id))) {
      if (ids.length)
        void fitView({ nodes: ids.map((id) => ({ id })), duration: 300, padding: 0.4, maxZoom: 1.5 });
      return;
    }
    const { design } = useDesignStore.getState();
    const boxes = absoluteBoxes(deriver.nodes(design, new Set(ids)));
    const { vpcs } = design;
    const vpcOf = (id: string) => vpcs.find((v) => v.subnets.some((s) => s.id === id))?.id;
    const found = ids.flatMap((id) => boxes.get(id)?.box ?? boxes.get(vpcOf(id) ?? '')?.box ?? []);
    if (!found.length) return;
    const x = Math.min(...found.map((b) => b.x));
    const y = Math.min(...found.map((b) => b.y));
    const width = Math.max(...found.map((b) => b.x + b.w)) - x;
    const height = Math.max(...found.map((b) => b.y + b.h)) - y;
    void fitBounds({ x, y, width, height }, { duration: 300, padding: 0.4 });
  }, [zoomRequest, fitView, fitBounds, getInternalNode, deriver]);

  useEffect(() => {
    if (!fitRequest) return;
    // Wait a frame so React Flow has the new design's nodes; an empty design starts at 100 %.
    // Asked of the design, not of React Flow's nodes, which may still be the previous design's: a
    // fit queued then would wait for the next node to appear and move the view under the user.
    const frame = requestAnimationFrame(() => {
      const { design } = useDesignStore.getState();
      const drawn = design.accounts.length || design.vpcs.length || design.repositories.length;
      const done = drawn ? fitView(FIT_OPTIONS) : setViewport({ x: 0, y: 0, zoom: 1 });
      void done.then(() => {
        useFitDone.setState((s) => ({ request: Math.max(s.request, fitRequest) }));
        // The canvas now draws what the page's preview of a received link showed (app/preview.ts).
        if (drawn) removePreviewAfterPaint();
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fitView, setViewport]);

  return (
    <RoutingContext value={routing}>
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
        // Zoomed out, a double click on a (selected, so mounted) VPC zooms to it, like on the overview.
        onNodeDoubleClick={(_, node) => {
          if (!detailed && node.type === 'vpc')
            void fitView({ nodes: [{ id: node.id }], padding: 0.2, duration: 300 });
        }}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        colorMode={colorMode}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={MIN_ZOOM}
        // Hundreds of nodes: only those in view are in the DOM (React Flow's performance guide).
        onlyRenderVisibleElements={!renderAll}
        proOptions={{ hideAttribution: true }}
        aria-label="Design canvas"
      >
        <Background />
        <Controls />
        {overview && <OverviewLayer overview={overview} />}
        <CanvasTools />
        {children}
      </ReactFlow>
    </RoutingContext>
  );
}
