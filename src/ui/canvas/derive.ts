// Canvas nodes and edges derived from the design — never a second truth (React Flow's guide).
// Findings and selection decorate them; the flow overlay adds one edge per traced path.
import type { Edge, Node } from '@xyflow/react';
import { accountRoles, type AccountRole } from '../../model/roles';
import type {
  Account,
  Appliance,
  Design,
  Endpoint,
  Peering,
  Repository,
  Subnet,
  Vpc,
  WorkerConfiguration,
} from '../../model/schema';
import type { FlowPaths, FlowSummary } from '../../app/analysis';
import { elementPlaces, type Issues } from './elements';
import { layoutDesign, type Box } from './layout';

export type AccountNodeData = { account: Account; roles: AccountRole[]; issues?: Issues };
export type VpcNodeData = { vpc: Vpc; issues?: Issues };
export type SubnetNodeData = {
  subnet: Subnet;
  endpoints: Endpoint[];
  workerConfigurations: WorkerConfiguration[];
  appliance?: Appliance;
  issues?: Issues;
};
export type RepositoryNodeData = { repository: Repository; issues?: Issues };
export type PeeringEdgeData = { peering: Peering; issues?: Issues };
export type FlowEdgeData = { flow: FlowSummary; ok: boolean };

export type DesignNode =
  | Node<AccountNodeData, 'account'>
  | Node<VpcNodeData, 'vpc'>
  | Node<SubnetNodeData, 'subnet'>
  | Node<RepositoryNodeData, 'repository'>;

export interface Decorations {
  issues: ReadonlyMap<string, Issues>;
  selected: ReadonlySet<string>;
}

const NO_DECORATIONS: Decorations = { issues: new Map(), selected: new Set() };

// Sizes are known, so they are handed to React Flow as measured: nodes render in one pass without
// a measuring round trip (which matters at hundreds of nodes).
const sized = (box: Box) => ({
  position: { x: box.x, y: box.y },
  width: box.w,
  height: box.h,
  measured: { width: box.w, height: box.h },
});

export function deriveNodes(design: Design, decorations: Decorations = NO_DECORATIONS): DesignNode[] {
  const boxes = layoutDesign(design);
  const roles = accountRoles(design);
  const accountIds = new Set(design.accounts.map((a) => a.id));
  const nodes: DesignNode[] = [];
  const boxOf = (id: string): Box => boxes.get(id) ?? { x: 0, y: 0, w: 200, h: 80 };
  const deco = (id: string) => ({ selected: decorations.selected.has(id) });
  const issues = (id: string) => {
    const found = decorations.issues.get(id);
    return found ? { issues: found } : {};
  };

  for (const account of design.accounts) {
    nodes.push({
      id: account.id,
      type: 'account',
      data: { account, roles: roles.get(account.id) ?? [], ...issues(account.id) },
      ...deco(account.id),
      ...sized(boxOf(account.id)),
    });
  }
  for (const vpc of design.vpcs) {
    const parent = accountIds.has(vpc.account) ? { parentId: vpc.account, extent: 'parent' as const } : {};
    nodes.push({
      id: vpc.id,
      type: 'vpc',
      data: { vpc, ...issues(vpc.id) },
      ...parent,
      ...deco(vpc.id),
      ...sized(boxOf(vpc.id)),
    });
    for (const subnet of vpc.subnets) {
      const appliance = design.appliance?.subnet === subnet.id ? { appliance: design.appliance } : {};
      nodes.push({
        id: subnet.id,
        type: 'subnet',
        parentId: vpc.id,
        extent: 'parent',
        data: {
          subnet,
          endpoints: vpc.endpoints.filter((e) => e.subnets.includes(subnet.id)),
          workerConfigurations: design.workerConfigurations.filter((w) => w.subnet === subnet.id),
          ...appliance,
          ...issues(subnet.id),
        },
        ...deco(subnet.id),
        ...sized(boxOf(subnet.id)),
      });
    }
  }
  for (const repository of design.repositories) {
    const parent = accountIds.has(repository.account)
      ? { parentId: repository.account, extent: 'parent' as const }
      : {};
    nodes.push({
      id: repository.id,
      type: 'repository',
      data: { repository, ...issues(repository.id) },
      ...parent,
      ...deco(repository.id),
      ...sized(boxOf(repository.id)),
    });
  }
  return nodes;
}

export function deriveEdges(design: Design, decorations: Decorations = NO_DECORATIONS): Edge[] {
  const vpcIds = new Set(design.vpcs.map((v) => v.id));
  return design.peerings
    .filter((p) => vpcIds.has(p.requester) && vpcIds.has(p.accepter) && p.requester !== p.accepter)
    .map((peering) => {
      const issues = decorations.issues.get(peering.id);
      return {
        id: peering.id,
        source: peering.requester,
        target: peering.accepter,
        sourceHandle: 'peer-out',
        targetHandle: 'peer-in',
        type: 'peering',
        data: issues ? { peering, issues } : { peering },
        selected: decorations.selected.has(peering.id),
        zIndex: 10,
      };
    });
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

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
    );
  }
  return false;
}

function sameNode(a: DesignNode, b: DesignNode): boolean {
  if (a.type !== b.type || a.parentId !== b.parentId || a.selected !== b.selected) return false;
  if (a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  if (a.width !== b.width || a.height !== b.height) return false;
  const da = a.data as Record<string, unknown>;
  const db = b.data as Record<string, unknown>;
  const keys = Object.keys(da);
  return keys.length === Object.keys(db).length && keys.every((k) => sameValue(da[k], db[k]));
}

/**
 * Keeps the previous node object when nothing it shows changed, so React Flow and the memoized
 * node components skip it: an edit to one field re-renders one node, not three hundred.
 */
export class NodeReuse {
  private previous = new Map<string, DesignNode>();

  reconcile(nodes: DesignNode[]): DesignNode[] {
    const next = new Map<string, DesignNode>();
    const out = nodes.map((node) => {
      const old = this.previous.get(node.id);
      const kept = old && sameNode(old, node) ? old : node;
      next.set(node.id, kept);
      return kept;
    });
    this.previous = next;
    return out;
  }
}
