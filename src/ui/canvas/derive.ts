// Canvas nodes and edges derived from the design — never a second truth (React Flow's guide).
// Selection decorates nodes; findings decorate edges here and reach nodes through their own
// selectors (issues.ts). The flow overlay adds one edge per traced path.
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { accountRoles, type AccountRole } from '../../model/roles';
import type {
  Account,
  Appliance,
  Design,
  Endpoint,
  Peering,
  Repository,
  Subnet,
  TgwAttachment,
  TransitGateway,
  Vpc,
  WorkerConfiguration,
} from '../../model/schema';
import type { FlowPaths, FlowSummary } from '../../app/analysis';
import { elementPlaces, type Issues } from './elements';
import { LayoutCache, layoutDesign, sameItems, type Box } from './layout';

export type AccountNodeData = { account: Account; roles: AccountRole[] };
export type VpcNodeData = { vpc: Vpc };
export type SubnetNodeData = {
  subnet: Subnet;
  endpoints: Endpoint[];
  workerConfigurations: WorkerConfiguration[];
  appliance?: Appliance;
};
export type RepositoryNodeData = { repository: Repository };
export type TransitGatewayNodeData = { transitGateway: TransitGateway };
export type PeeringEdgeData = { peering: Peering; issues?: Issues };
/** A TGW attachment drawn as a line: VPC → TGW, or TGW → peer TGW. */
export type AttachmentEdgeData = { attachment: TgwAttachment; issues?: Issues };
export type FlowEdgeData = { flow: FlowSummary; ok: boolean };

export type DesignNode =
  | Node<AccountNodeData, 'account'>
  | Node<VpcNodeData, 'vpc'>
  | Node<SubnetNodeData, 'subnet'>
  | Node<RepositoryNodeData, 'repository'>
  | Node<TransitGatewayNodeData, 'transitGateway'>;

export interface Decorations {
  issues: ReadonlyMap<string, Issues>;
  selected: ReadonlySet<string>;
}

const NO_DECORATIONS: Decorations = { issues: new Map(), selected: new Set() };
const NO_SELECTION: ReadonlySet<string> = new Set();

// Sizes are known, so they are handed to React Flow as measured: nodes render in one pass without
// a measuring round trip (which matters at hundreds of nodes).
const sized = (box: Box) => ({
  position: { x: box.x, y: box.y },
  width: box.w,
  height: box.h,
  measured: { width: box.w, height: box.h },
});

/** A handle centred on the left or right border, as React Flow's stylesheet places it. */
function side(id: string, type: 'source' | 'target', position: Position, box: Box, size: number): NodeHandle {
  const x = position === Position.Left ? -size / 2 : box.w - size / 2;
  return { id, type, position, x, y: box.h / 2 - size / 2, width: size, height: size };
}

/**
 * Where each node's handles sit (as the kinds' Node.tsx and styles.css draw them). React Flow draws every
 * node it has no handle positions for once, just to measure them, even with only the visible
 * nodes rendered; given them, it draws only what is in view. A drawn node is measured as usual.
 */
function handlesOf(type: DesignNode['type'], box: Box): NodeHandle[] {
  const flow = [
    side('flow-in', 'target', Position.Left, box, 1),
    side('flow-out', 'source', Position.Right, box, 1),
  ];
  if (type === 'account') return [];
  if (type === 'transitGateway')
    return [
      side('tgw-in', 'target', Position.Left, box, 10),
      side('tgw-out', 'source', Position.Right, box, 10),
      { id: 'connect', type: 'source', position: Position.Top, x: box.w - 22, y: 6, width: 16, height: 16 },
      ...flow,
    ];
  if (type !== 'vpc') return flow;
  return [
    side('peer-in', 'target', Position.Left, box, 10),
    side('peer-out', 'source', Position.Right, box, 10),
    { id: 'connect', type: 'source', position: Position.Top, x: box.w - 22, y: 6, width: 16, height: 16 },
    ...flow,
  ];
}

const DEFAULT_BOX: Box = { x: 0, y: 0, w: 200, h: 80 };

interface Remembered<T> {
  inputs: unknown[];
  value: T;
}

/**
 * Canvas nodes for a design, remembered between calls. The design is immutable, so an element
 * whose object, box and contents are unchanged keeps its node object, and React Flow and the
 * memoized node components skip it: an edit to one VPC re-renders that VPC, not three hundred, and
 * a selection change touches only the nodes whose selection changed. Layout is re-packed only for
 * accounts whose contents changed (LayoutCache).
 */
export class NodeDeriver {
  private readonly layout: LayoutCache;
  private base = new Map<string, Remembered<DesignNode>>();
  private decorated = new Map<string, { base: DesignNode; node: DesignNode }>();
  private lastDesign: Design | null = null;
  private lastBase: DesignNode[] = [];

  /** `aspect`: width over height of the canvas the packed layout should fill. */
  constructor(aspect?: number) {
    this.layout = new LayoutCache(aspect);
  }

  private remember(
    next: Map<string, Remembered<DesignNode>>,
    id: string,
    inputs: unknown[],
    make: () => DesignNode,
  ): DesignNode {
    const old = this.base.get(id);
    const kept = old && sameItems(old.inputs, inputs) ? old : { inputs, value: make() };
    next.set(id, kept);
    return kept.value;
  }

  /** Undecorated nodes (selected: false, no issues) of the design. */
  private baseNodes(design: Design): DesignNode[] {
    if (design === this.lastDesign) return this.lastBase;
    const boxes = layoutDesign(design, this.layout);
    const roles = accountRoles(design);
    const accountIds = new Set(design.accounts.map((a) => a.id));
    const workersIn = new Map<string, WorkerConfiguration[]>();
    for (const w of design.workerConfigurations) {
      const list = workersIn.get(w.subnet);
      if (list) list.push(w);
      else workersIn.set(w.subnet, [w]);
    }
    const next = new Map<string, Remembered<DesignNode>>();
    const nodes: DesignNode[] = [];
    const boxOf = (id: string): Box => boxes.get(id) ?? DEFAULT_BOX;
    const place = (box: Box) => [box.x, box.y, box.w, box.h];

    for (const account of design.accounts) {
      const box = boxOf(account.id);
      const accountRoles = roles.get(account.id) ?? [];
      nodes.push(
        this.remember(next, account.id, [account, ...place(box), accountRoles.join()], () => ({
          id: account.id,
          type: 'account',
          data: { account, roles: accountRoles },
          selected: false,
          ...sized(box),
          handles: handlesOf('account', box),
        })),
      );
    }
    for (const vpc of design.vpcs) {
      // No `extent`: a VPC can be dragged out of its account into another (landing.ts decides).
      const parent = accountIds.has(vpc.account) ? { parentId: vpc.account } : {};
      const box = boxOf(vpc.id);
      nodes.push(
        this.remember(next, vpc.id, [vpc, parent.parentId, ...place(box)], () => ({
          id: vpc.id,
          type: 'vpc',
          data: { vpc },
          ...parent,
          selected: false,
          ...sized(box),
          handles: handlesOf('vpc', box),
        })),
      );
      for (const subnet of vpc.subnets) {
        const box = boxOf(subnet.id);
        const endpoints = vpc.endpoints.filter((e) => e.subnets.includes(subnet.id));
        const workerConfigurations = workersIn.get(subnet.id) ?? [];
        const appliance = design.appliance?.subnet === subnet.id ? design.appliance : undefined;
        const inputs: unknown[] = [subnet, vpc.id, ...place(box), appliance, endpoints.length, ...endpoints];
        inputs.push(...workerConfigurations);
        nodes.push(
          this.remember(next, subnet.id, inputs, () => ({
            id: subnet.id,
            type: 'subnet',
            parentId: vpc.id,
            extent: 'parent',
            data: { subnet, endpoints, workerConfigurations, ...(appliance ? { appliance } : {}) },
            selected: false,
            ...sized(box),
            handles: handlesOf('subnet', box),
          })),
        );
      }
    }
    for (const repository of design.repositories) {
      const parent = accountIds.has(repository.account) ? { parentId: repository.account } : {};
      const box = boxOf(repository.id);
      nodes.push(
        this.remember(next, repository.id, [repository, parent.parentId, ...place(box)], () => ({
          id: repository.id,
          type: 'repository',
          data: { repository },
          ...parent,
          selected: false,
          ...sized(box),
          handles: handlesOf('repository', box),
        })),
      );
    }
    for (const transitGateway of design.transitGateways) {
      const parent = accountIds.has(transitGateway.account) ? { parentId: transitGateway.account } : {};
      const box = boxOf(transitGateway.id);
      nodes.push(
        this.remember(next, transitGateway.id, [transitGateway, parent.parentId, ...place(box)], () => ({
          id: transitGateway.id,
          type: 'transitGateway',
          data: { transitGateway },
          ...parent,
          selected: false,
          ...sized(box),
          handles: handlesOf('transitGateway', box),
        })),
      );
    }
    this.base = next;
    this.lastDesign = design;
    this.lastBase = nodes;
    return nodes;
  }

  /** The design's nodes, the selected ones marked selected. */
  nodes(design: Design, selected: ReadonlySet<string> = NO_SELECTION): DesignNode[] {
    const next = new Map<string, { base: DesignNode; node: DesignNode }>();
    const out = this.baseNodes(design).map((base) => {
      if (!selected.has(base.id)) return base;
      const old = this.decorated.get(base.id);
      const kept = old && old.base === base ? old : { base, node: { ...base, selected: true } as DesignNode };
      next.set(base.id, kept);
      return kept.node;
    });
    this.decorated = next;
    return out;
  }
}

export function deriveNodes(design: Design, selected: ReadonlySet<string> = NO_SELECTION): DesignNode[] {
  return new NodeDeriver().nodes(design, selected);
}

/** Peering and TGW attachment edges, remembered between calls like the nodes (an unchanged
 * peering or attachment keeps its edge). */
export class EdgeDeriver {
  private previous = new Map<string, Remembered<Edge>>();

  edges(design: Design, decorations: Decorations = NO_DECORATIONS): Edge[] {
    const vpcIds = new Set(design.vpcs.map((v) => v.id));
    const next = new Map<string, Remembered<Edge>>();
    const out: Edge[] = [];
    const keep = (id: string, inputs: unknown[], make: () => Edge) => {
      const old = this.previous.get(id);
      const kept = old && sameItems(old.inputs, inputs) ? old : { inputs, value: make() };
      next.set(id, kept);
      out.push(kept.value);
    };
    for (const peering of design.peerings) {
      if (!vpcIds.has(peering.requester) || !vpcIds.has(peering.accepter)) continue;
      if (peering.requester === peering.accepter) continue;
      const issues = decorations.issues.get(peering.id);
      const selected = decorations.selected.has(peering.id);
      const inputs = [peering, selected, issues?.severity, issues?.count];
      const old = this.previous.get(peering.id);
      const kept =
        old && sameItems(old.inputs, inputs)
          ? old
          : {
              inputs,
              value: {
                id: peering.id,
                source: peering.requester,
                target: peering.accepter,
                sourceHandle: 'peer-out',
                targetHandle: 'peer-in',
                type: 'peering',
                data: issues ? { peering, issues } : { peering },
                selected,
                zIndex: 10,
              },
            };
      next.set(peering.id, kept);
      out.push(kept.value);
    }
    const tgwIds = new Set(design.transitGateways.map((t) => t.id));
    for (const attachment of design.transitGatewayAttachments) {
      if (!tgwIds.has(attachment.transitGateway)) continue;
      // A VPC attachment runs from the VPC to its TGW; a peering attachment from TGW to peer TGW.
      const source = attachment.vpc ?? attachment.transitGateway;
      const target = attachment.vpc ? attachment.transitGateway : attachment.peerTransitGateway;
      if (target === undefined || source === target) continue;
      if (attachment.vpc ? !vpcIds.has(source) : !tgwIds.has(target)) continue;
      const issues = decorations.issues.get(attachment.id);
      const selected = decorations.selected.has(attachment.id);
      keep(attachment.id, [attachment, selected, issues?.severity, issues?.count], () => ({
        id: attachment.id,
        source,
        target,
        sourceHandle: attachment.vpc ? 'peer-out' : 'tgw-out',
        targetHandle: 'tgw-in',
        type: 'tgwAttachment',
        data: issues ? { attachment, issues } : { attachment },
        selected,
        zIndex: 10,
      }));
    }
    this.previous = next;
    return out;
  }
}

export function deriveEdges(design: Design, decorations: Decorations = NO_DECORATIONS): Edge[] {
  return new EdgeDeriver().edges(design, decorations);
}

/** One edge per traced path of each required flow: source node → endpoint subnet node. */
export function deriveFlowEdges(
  design: Design,
  flows: readonly FlowSummary[],
  paths: readonly FlowPaths[],
): Edge<FlowEdgeData>[] {
  const { placeOf } = elementPlaces(design);
  const pathsOf = new Map(paths.map((p) => [p.id, p.paths]));
  const edges: Edge<FlowEdgeData>[] = [];
  for (const flow of flows) {
    const source = placeOf(flow.flow.source)?.node;
    if (!source) continue;
    const traced = pathsOf.get(flow.flow.id) ?? [];
    const targets = traced.length
      ? traced.map((t) => ({ node: placeOf(t.subnet)?.node, ok: t.ok, key: t.subnet }))
      : [{ node: placeOf(flow.flow.target)?.node, ok: flow.ok, key: flow.flow.target }];
    for (const t of targets) {
      // A worker reaching an endpoint in its own subnet has no path to draw; the flow list shows it.
      if (!t.node || t.node === source) continue;
      edges.push({
        id: `flow:${flow.flow.id}:${t.key}`,
        source,
        target: t.node,
        sourceHandle: 'flow-out',
        targetHandle: 'flow-in',
        type: 'flow',
        data: { flow, ok: t.ok },
        zIndex: 20,
        selectable: false,
        focusable: true,
        ariaLabel: `${t.ok ? 'Passing' : 'Failing'} flow: ${flow.flow.description}`,
      });
    }
  }
  return edges;
}
