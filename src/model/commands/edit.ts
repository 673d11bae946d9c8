// Editing commands: everything the canvas and the inspector do to a design. Each is plain data and a
// pure Design → Design function (src/model/command.ts), so the same edit runs from the UI, a fix,
// the CLI or a test. Unknown ids make a command a no-op rather than an error: a stale command from
// an old undo step or a worker result must never corrupt the design.
import { defineCommand, freshId, updateVpc } from '../command';
import { KINDS, named, VPC_KINDS } from '../kinds';
import type {
  Account,
  Appliance,
  Design,
  Endpoint,
  LayoutBox,
  Operation,
  Peering,
  Repository,
  Route,
  RouteTable,
  SecurityGroup,
  SgRule,
  Subnet,
  Vpc,
  WorkerConfiguration,
} from '../schema';

export interface Point {
  x: number;
  y: number;
}

type Fields = Record<string, unknown>;

const place = (design: Design, id: string, at: Point | undefined): Design =>
  at
    ? { ...design, layout: { ...design.layout, [id]: { x: Math.round(at.x), y: Math.round(at.y) } } }
    : design;

/** Sets or deletes (value `undefined`) keys of an object; `id` is identity and never changes here. */
export function withFields<T extends object>(element: T, fields: Fields): T {
  const next: Fields = { ...(element as Fields) };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id') continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/** Replaces the element with `id` wherever it lives (every list the kind descriptors name); returns the design unchanged when absent. */
function mapElement(design: Design, id: string, update: <T extends { id: string }>(el: T) => T): Design {
  let changed = false;
  const one = <T extends { id: string }>(el: T): T => {
    if (el.id !== id) return el;
    const next = update(el);
    if (next !== el) changed = true;
    return next;
  };
  const map = <T extends { id: string }>(list: T[]): T[] =>
    list.some((el) => el.id === id) ? list.map(one) : list;
  const next: Record<string, unknown> = { ...design };
  for (const kind of Object.values(KINDS)) {
    const place = kind.place;
    if (place.in !== 'design') continue;
    if ('single' in place) {
      const el = design[place.single];
      if (el) next[place.single] = one(el);
    } else if (kind.kind === 'transitGateway') {
      next.transitGateways = design.transitGateways.map((t) => {
        if (t.id === id) return one(t);
        const routeTables = map(t.routeTables);
        return routeTables === t.routeTables ? t : { ...t, routeTables };
      });
    } else if (kind.kind === 'vpc') {
      next.vpcs = design.vpcs.map((vpc) => {
        if (vpc.id === id) return one(vpc);
        let inner: Record<string, unknown> | undefined;
        for (const { place: p } of VPC_KINDS) {
          const list = map(vpc[p.list] as { id: string }[]);
          if (list !== vpc[p.list]) (inner ??= {})[p.list] = list;
        }
        return inner ? { ...vpc, ...inner } : vpc;
      });
    } else next[place.list] = map(design[place.list] as { id: string }[]);
  }
  return changed ? (next as Design) : design;
}

function mapRouteTable(design: Design, id: string, update: (t: RouteTable) => RouteTable): Design {
  return mapElement(design, id, (el) => update(el as unknown as RouteTable) as unknown as typeof el);
}

function mapSecurityGroup(design: Design, id: string, update: (g: SecurityGroup) => SecurityGroup): Design {
  return mapElement(design, id, (el) => update(el as unknown as SecurityGroup) as unknown as typeof el);
}

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

// ─── adding ──────────────────────────────────────────────────────────────────────────────────────

export const addAccount = defineCommand<{ account: Account; at?: Point }>({
  type: 'account/add',
  describe: ({ account }) => `Added ${named('account', account)}`,
  perform: (design, { account, at }) =>
    design.accounts.some((a) => a.id === account.id)
      ? design
      : place({ ...design, accounts: [...design.accounts, account] }, account.id, at),
});

export const addVpc = defineCommand<{ vpc: Vpc; at?: Point }>({
  type: 'vpc/add',
  describe: ({ vpc }) => `Added ${named('vpc', vpc)}`,
  perform: (design, { vpc, at }) =>
    design.vpcs.some((v) => v.id === vpc.id)
      ? design
      : place({ ...design, vpcs: [...design.vpcs, vpc] }, vpc.id, at),
});

export const addSubnet = defineCommand<{ vpc: string; subnet: Subnet; at?: Point }>({
  type: 'subnet/add',
  describe: ({ subnet }) => `Added ${named('subnet', subnet)}`,
  perform: (design, { vpc, subnet, at }) => {
    const next = updateVpc(design, vpc, (v) => ({ ...v, subnets: [...v.subnets, subnet] }));
    return next === design ? design : place(next, subnet.id, at);
  },
});

export const addRouteTable = defineCommand<{ vpc: string; routeTable: RouteTable }>({
  type: 'route-table/add',
  describe: ({ routeTable }) => `Added ${named('routeTable', routeTable)}`,
  perform: (design, { vpc, routeTable }) =>
    updateVpc(design, vpc, (v) => ({ ...v, routeTables: [...v.routeTables, routeTable] })),
});

export const addSecurityGroup = defineCommand<{ vpc: string; securityGroup: SecurityGroup }>({
  type: 'security-group/add',
  describe: ({ securityGroup }) => `Added ${named('securityGroup', securityGroup)}`,
  perform: (design, { vpc, securityGroup }) =>
    updateVpc(design, vpc, (v) => ({ ...v, securityGroups: [...v.securityGroups, securityGroup] })),
});

export const addEndpoint = defineCommand<{ vpc: string; endpoint: Endpoint }>({
  type: 'endpoint/add',
  describe: ({ endpoint }) => `Added ${endpoint.service} endpoint`,
  perform: (design, { vpc, endpoint }) =>
    updateVpc(design, vpc, (v) => ({ ...v, endpoints: [...v.endpoints, endpoint] })),
});

export const addRepository = defineCommand<{ repository: Repository; at?: Point }>({
  type: 'repository/add',
  describe: ({ repository }) => `Added ${named('repository', repository)}`,
  perform: (design, { repository, at }) =>
    design.repositories.some((r) => r.id === repository.id)
      ? design
      : place({ ...design, repositories: [...design.repositories, repository] }, repository.id, at),
});

/** The format allows one appliance per design; setting it replaces any previous one. */
export const setAppliance = defineCommand<{ appliance: Appliance }>({
  type: 'appliance/set',
  describe: ({ appliance }) => `Placed appliance ${appliance.name || appliance.id}`,
  perform: (design, { appliance }) => ({ ...design, appliance }),
});

export const addWorkerConfiguration = defineCommand<{ workerConfiguration: WorkerConfiguration }>({
  type: 'worker-configuration/add',
  describe: ({ workerConfiguration: w }) => `Added ${named('workerConfiguration', w)}`,
  perform: (design, { workerConfiguration }) => ({
    ...design,
    workerConfigurations: [...design.workerConfigurations, workerConfiguration],
  }),
});

export const addOperation = defineCommand<{ operation: Operation }>({
  type: 'operation/add',
  describe: ({ operation }) => `Added operation ${operation.name || operation.kind}`,
  perform: (design, { operation }) => ({ ...design, operations: [...design.operations, operation] }),
});

// ─── peerings ────────────────────────────────────────────────────────────────────────────────────

/** Why a peering between two VPCs would be refused, or null when it may be drawn. */
export function peeringRefusal(design: Design, requester: string, accepter: string): string | null {
  if (requester === accepter) return 'A VPC cannot be peered with itself.';
  const names = new Map(design.vpcs.map((v) => [v.id, v.name || v.id]));
  if (!names.has(requester) || !names.has(accepter)) return 'Peerings join two VPCs.';
  const existing = design.peerings.find(
    (p) =>
      (p.requester === requester && p.accepter === accepter) ||
      (p.requester === accepter && p.accepter === requester),
  );
  if (existing)
    return `${names.get(requester)} and ${names.get(accepter)} are already peered (${existing.name || existing.id}).`;
  return null;
}

export const connectPeering = defineCommand<{ peering: Peering }>({
  type: 'peering/connect',
  describe: ({ peering }) => `Peered ${peering.requester} with ${peering.accepter}`,
  perform: (design, { peering }) =>
    peeringRefusal(design, peering.requester, peering.accepter) !== null
      ? design
      : { ...design, peerings: [...design.peerings, peering] },
});

// ─── fields ──────────────────────────────────────────────────────────────────────────────────────

/** Sets fields of any element by id; a field given as `undefined` is removed (optional fields). */
export const setFields = defineCommand<{ id: string; fields: Fields }>({
  type: 'element/set',
  describe: ({ id, fields }) => `Changed ${Object.keys(fields).join(', ')} of ${id}`,
  perform: (design, { id, fields }) => mapElement(design, id, (el) => withFields(el, fields)),
});

const DESIGN_FIELDS = new Set(['name', 'privateNetworkDeployment', 'backupAccount']);

export const setDesignFields = defineCommand<{ fields: Fields }>({
  type: 'design/set',
  describe: ({ fields }) => `Changed design ${Object.keys(fields).join(', ')}`,
  perform: (design, { fields }) =>
    withFields(design, Object.fromEntries(Object.entries(fields).filter(([k]) => DESIGN_FIELDS.has(k)))),
});

/** Exactly one main route table per VPC (AWS): making one main demotes its siblings. */
export const setMainRouteTable = defineCommand<{ routeTable: string }>({
  type: 'route-table/set-main',
  describe: ({ routeTable }) => `Made ${routeTable} the main route table`,
  perform: (design, { routeTable }) => {
    const vpc = design.vpcs.find((v) => v.routeTables.some((t) => t.id === routeTable));
    if (!vpc) return design;
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      routeTables: v.routeTables.map((t) => ({ ...t, main: t.id === routeTable })),
    }));
  },
});

// ─── routes and security-group rules ─────────────────────────────────────────────────────────────

export const addRoute = defineCommand<{ routeTable: string; route: Route }>({
  type: 'route/add',
  describe: ({ route, routeTable }) => `Added route ${route.destination} to ${routeTable}`,
  perform: (design, { routeTable, route }) =>
    mapRouteTable(design, routeTable, (t) => ({ ...t, routes: [...t.routes, route] })),
});

export const setRoute = defineCommand<{ routeTable: string; index: number; route: Route }>({
  type: 'route/set',
  describe: ({ route, routeTable }) => `Changed route ${route.destination} in ${routeTable}`,
  perform: (design, { routeTable, index, route }) =>
    mapRouteTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: replaceAt(t.routes, index, route) } : t,
    ),
});

export const removeRoute = defineCommand<{ routeTable: string; index: number }>({
  type: 'route/remove',
  describe: ({ routeTable }) => `Removed a route from ${routeTable}`,
  perform: (design, { routeTable, index }) =>
    mapRouteTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: t.routes.filter((_, i) => i !== index) } : t,
    ),
});

export type RuleDirection = 'ingress' | 'egress';

export const addSgRule = defineCommand<{ securityGroup: string; direction: RuleDirection; rule: SgRule }>({
  type: 'sg-rule/add',
  describe: ({ securityGroup, direction }) => `Added an ${direction} rule to ${securityGroup}`,
  perform: (design, { securityGroup, direction, rule }) =>
    mapSecurityGroup(design, securityGroup, (g) => ({ ...g, [direction]: [...g[direction], rule] })),
});

export const setSgRule = defineCommand<{
  securityGroup: string;
  direction: RuleDirection;
  index: number;
  rule: SgRule;
}>({
  type: 'sg-rule/set',
  describe: ({ securityGroup, direction }) => `Changed an ${direction} rule of ${securityGroup}`,
  perform: (design, { securityGroup, direction, index, rule }) =>
    mapSecurityGroup(design, securityGroup, (g) =>
      index in g[direction] ? { ...g, [direction]: replaceAt(g[direction], index, rule) } : g,
    ),
});

export const removeSgRule = defineCommand<{ securityGroup: string; direction: RuleDirection; index: number }>(
  {
    type: 'sg-rule/remove',
    describe: ({ securityGroup, direction }) => `Removed an ${direction} rule from ${securityGroup}`,
    perform: (design, { securityGroup, direction, index }) =>
      mapSecurityGroup(design, securityGroup, (g) =>
        index in g[direction] ? { ...g, [direction]: g[direction].filter((_, i) => i !== index) } : g,
      ),
  },
);

/** Moves an operation up or down the list (the order users read them in). */
export const moveOperation = defineCommand<{ id: string; by: number }>({
  type: 'operation/move',
  describe: ({ id }) => `Reordered operation ${id}`,
  perform: (design, { id, by }) => {
    const from = design.operations.findIndex((o) => o.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= design.operations.length || by === 0) return design;
    const operations = design.operations.filter((o) => o.id !== id);
    operations.splice(to, 0, design.operations[from]!);
    return { ...design, operations };
  },
});

// ─── layout ──────────────────────────────────────────────────────────────────────────────────────

/** Stores canvas positions (and sizes, when given); one call per finished drag or nudge. */
export const setLayout = defineCommand<{ boxes: Record<string, LayoutBox> }>({
  type: 'layout/set',
  describe: ({ boxes }) => `Moved ${Object.keys(boxes).length} element(s)`,
  perform: (design, { boxes }) => {
    const layout = { ...design.layout };
    let changed = false;
    for (const [id, box] of Object.entries(boxes)) {
      const old = layout[id];
      const next = { ...old, ...box, x: Math.round(box.x), y: Math.round(box.y) };
      if (old && old.x === next.x && old.y === next.y && old.w === next.w && old.h === next.h) continue;
      layout[id] = next;
      changed = true;
    }
    return changed ? { ...design, layout } : design;
  },
});

// ─── moving a VPC between accounts ───────────────────────────────────────────────────────────────

/** Why the VPC may not move to that account, or null when it may. */
export function vpcMoveRefusal(design: Design, vpcId: string, accountId: string): string | null {
  const vpc = design.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return 'No such VPC.';
  if (!design.accounts.some((a) => a.id === accountId)) return 'No such account.';
  if (vpc.account === accountId) return 'The VPC is already in that account.';
  // An RDS/EFS operation names the VPC its database or file system lives in, inside its production
  // account; moving that VPC elsewhere would silently change what the operation protects.
  const pinned = design.operations.find((o) => o.vpc === vpcId && o.account && o.account !== accountId);
  if (pinned)
    return `Operation ${pinned.name || pinned.id} protects resources in this VPC in its own account.`;
  return null;
}

export const moveVpcToAccount = defineCommand<{ vpc: string; account: string }>({
  type: 'vpc/move-account',
  describe: ({ vpc, account }) => `Moved VPC ${vpc} to account ${account}`,
  perform: (design, { vpc, account }) => {
    if (vpcMoveRefusal(design, vpc, account) !== null) return design;
    const layout = { ...design.layout };
    // The old position is relative to the old account; let the packer place it in the new one.
    delete layout[vpc];
    return {
      ...updateVpc(design, vpc, (v) => ({ ...v, account })),
      // A worker configuration belongs to the account that owns its VPC (Veeam picks it per account).
      workerConfigurations: design.workerConfigurations.map((w) => (w.vpc === vpc ? { ...w, account } : w)),
      layout,
    };
  },
});

// ─── deleting with reference cleanup (./delete.ts) ───────────────────────────────────────────────

export { deleteElements, deletion, type Deletion } from './delete';

// ─── ids for new elements ────────────────────────────────────────────────────────────────────────

/** A fresh id for a new element of a kind, readable in files and Terraform: `vpc-2`, `sn-3`. */
export function newId(design: Design, stem: string, taken: ReadonlySet<string> = new Set()): string {
  let candidate = freshId(design, stem);
  for (let n = 2; taken.has(candidate); n++) candidate = freshId(design, `${stem}-${n}`);
  return candidate;
}
