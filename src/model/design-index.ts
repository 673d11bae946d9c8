// Lookups over a design by id. Built once per validation and shared by every rule and by the UI.
import type {
  Account,
  Appliance,
  Design,
  Endpoint,
  Operation,
  Peering,
  Repository,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  WorkerConfiguration,
} from './schema';

export type ElementKind =
  | 'account'
  | 'vpc'
  | 'subnet'
  | 'routeTable'
  | 'securityGroup'
  | 'endpoint'
  | 'peering'
  | 'appliance'
  | 'repository'
  | 'workerConfiguration'
  | 'operation';

export interface Located<T> {
  element: T;
  /** The VPC that holds it, for subnets, route tables, groups and endpoints. */
  vpc?: Vpc;
  /** JSON path of the element in the document, e.g. `$.vpcs[1].subnets[0]`. */
  path: string;
}

/** Elements of one kind by id: the first element of that kind holding the id. */
export interface Lookup<T> {
  get(id: string): Located<T> | undefined;
  has(id: string): boolean;
}

export interface DesignIndex {
  readonly design: Design;
  readonly accounts: Lookup<Account>;
  readonly vpcs: Lookup<Vpc>;
  readonly subnets: Lookup<Subnet>;
  readonly routeTables: Lookup<RouteTable>;
  readonly securityGroups: Lookup<SecurityGroup>;
  readonly endpoints: Lookup<Endpoint>;
  readonly peerings: Lookup<Peering>;
  readonly repositories: Lookup<Repository>;
  readonly workerConfigurations: Lookup<WorkerConfiguration>;
  readonly operations: Lookup<Operation>;
  readonly appliance?: Located<Appliance>;
  /** Every id with its kind(s) and path(s), duplicates included (built on first read). */
  readonly all: Map<string, { kind: ElementKind; path: string }[]>;
  /** Whether some id names more than one element (design/duplicate-id reads `all` only then). */
  readonly hasDuplicateIds: boolean;
  /** The user-visible name of an element (falls back to its id). */
  nameOf(id: string): string;
  kindOf(id: string): ElementKind | undefined;
}

const ARRAY_OF: Record<ElementKind, string> = {
  account: 'accounts',
  vpc: 'vpcs',
  subnet: 'subnets',
  routeTable: 'routeTables',
  securityGroup: 'securityGroups',
  endpoint: 'endpoints',
  peering: 'peerings',
  appliance: 'appliance',
  repository: 'repositories',
  workerConfiguration: 'workerConfigurations',
  operation: 'operations',
};

/**
 * One indexed element. Its JSON path is spelled out only when read (findings about the element,
 * the duplicate-id rule): the index is rebuilt on every edit, and most paths are never needed.
 */
class Entry<T> implements Located<T> {
  constructor(
    readonly element: T,
    readonly kind: ElementKind,
    readonly vpc: Vpc | undefined,
    /** Position in the design's array of that kind, or of the holding VPC in `vpcs`. */
    private readonly at: number,
    /** Position inside the holding VPC's array, or -1 for top-level elements. */
    private readonly inVpc: number,
  ) {}

  get path(): string {
    if (this.kind === 'appliance') return '$.appliance';
    if (this.inVpc < 0) return `$.${ARRAY_OF[this.kind]}[${this.at}]`;
    return `$.vpcs[${this.at}].${ARRAY_OF[this.kind]}[${this.inVpc}]`;
  }
}

/** Calls `visit` for every element in document order (the order of `all` and of first names). */
function forEachElement(design: Design, visit: (entry: Entry<{ id: string }>) => void): void {
  // Indexed loops: the index is built with this walk on every edit.
  const {
    accounts: as,
    vpcs: vs,
    peerings: ps,
    repositories: rs,
    workerConfigurations: ws,
    operations: os,
  } = design;
  for (let i = 0; i < as.length; i++) visit(new Entry(as[i]!, 'account', undefined, i, -1));
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    visit(new Entry(v, 'vpc', undefined, i, -1));
    const { subnets: s, routeTables: t, securityGroups: g, endpoints: e } = v;
    for (let j = 0; j < s.length; j++) visit(new Entry(s[j]!, 'subnet', v, i, j));
    for (let j = 0; j < t.length; j++) visit(new Entry(t[j]!, 'routeTable', v, i, j));
    for (let j = 0; j < g.length; j++) visit(new Entry(g[j]!, 'securityGroup', v, i, j));
    for (let j = 0; j < e.length; j++) visit(new Entry(e[j]!, 'endpoint', v, i, j));
  }
  for (let i = 0; i < ps.length; i++) visit(new Entry(ps[i]!, 'peering', undefined, i, -1));
  for (let i = 0; i < rs.length; i++) visit(new Entry(rs[i]!, 'repository', undefined, i, -1));
  for (let i = 0; i < ws.length; i++) visit(new Entry(ws[i]!, 'workerConfiguration', undefined, i, -1));
  for (let i = 0; i < os.length; i++) visit(new Entry(os[i]!, 'operation', undefined, i, -1));
}

const nameField = (element: unknown): string | undefined => (element as { name?: string }).name;

type AnyEntry = Entry<{ id: string }>;

/** A kind's lookup as a view of the one id map: right whenever every id is unique. */
function view<T>(byId: Map<string, AnyEntry>, kind: ElementKind): Lookup<T> {
  const get = (id: string) => {
    const e = byId.get(id);
    return e !== undefined && e.kind === kind ? (e as unknown as Located<T>) : undefined;
  };
  return { get, has: (id) => get(id) !== undefined };
}

export function indexDesign(design: Design): DesignIndex {
  // One map from id to the element holding it. With unique ids (the normal case) each kind's
  // lookup is a view of it; only a design that repeats ids gets the map rebuilt first-one-wins and a
  // map per kind. One map is a third of the work of a map per kind plus a map of first elements,
  // and the index is rebuilt on every edit.
  const byId = new Map<string, AnyEntry>();
  let duplicates = false;
  forEachElement(design, (e) => {
    const size = byId.size;
    byId.set(e.element.id, e);
    if (byId.size === size) duplicates = true;
  });

  let byKind: Map<ElementKind, Map<string, AnyEntry>> | undefined;
  if (duplicates) {
    byId.clear();
    byKind = new Map();
    forEachElement(design, (e) => {
      const id = e.element.id;
      if (!byId.has(id)) byId.set(id, e);
      let map = byKind!.get(e.kind);
      if (!map) byKind!.set(e.kind, (map = new Map()));
      if (!map.has(id)) map.set(id, e);
    });
  }
  const lookup = <T>(kind: ElementKind): Lookup<T> =>
    byKind ? ((byKind.get(kind) ?? new Map()) as unknown as Lookup<T>) : view<T>(byId, kind);
  const vpcs = lookup<Vpc>('vpc');
  let appliance: Entry<Appliance> | undefined;
  if (design.appliance) {
    const a = design.appliance;
    appliance = new Entry(a, 'appliance', vpcs.get(a.vpc)?.element, 0, -1);
    if (byId.has(a.id)) duplicates = true;
    else byId.set(a.id, appliance);
  }

  let all: DesignIndex['all'] | undefined;
  let names: Map<string, string> | undefined;
  // Only with repeated ids can the first element holding an id differ from the first one with a
  // name; then the names come from one walk over the whole design, as they always used to.
  const walk = () => {
    all = new Map();
    names = new Map();
    const note = (entry: AnyEntry) => {
      const id = entry.element.id;
      const item = { kind: entry.kind, path: entry.path };
      const seen = all!.get(id);
      if (seen) seen.push(item);
      else all!.set(id, [item]);
      const name = nameField(entry.element);
      if (name && !names!.has(id)) names!.set(id, name);
    };
    forEachElement(design, note);
    if (appliance) note(appliance);
  };

  return {
    design,
    accounts: lookup('account'),
    vpcs,
    subnets: lookup('subnet'),
    routeTables: lookup('routeTable'),
    securityGroups: lookup('securityGroup'),
    endpoints: lookup('endpoint'),
    peerings: lookup('peering'),
    repositories: lookup('repository'),
    workerConfigurations: lookup('workerConfiguration'),
    operations: lookup('operation'),
    appliance,
    get all() {
      if (!all) walk();
      return all!;
    },
    hasDuplicateIds: duplicates,
    nameOf(id) {
      if (!duplicates) {
        const entry = byId.get(id);
        return (entry && nameField(entry.element)) || id;
      }
      if (!names) walk();
      return names!.get(id) || id;
    },
    kindOf: (id) => byId.get(id)?.kind,
  };
}
/** The first element of `kind` with this id (the appliance only by its own id). */
export function locate(
  index: DesignIndex,
  kind: ElementKind,
  id: string,
): Located<{ id: string }> | undefined {
  switch (kind) {
    case 'account':
      return index.accounts.get(id);
    case 'vpc':
      return index.vpcs.get(id);
    case 'subnet':
      return index.subnets.get(id);
    case 'routeTable':
      return index.routeTables.get(id);
    case 'securityGroup':
      return index.securityGroups.get(id);
    case 'endpoint':
      return index.endpoints.get(id);
    case 'peering':
      return index.peerings.get(id);
    case 'repository':
      return index.repositories.get(id);
    case 'workerConfiguration':
      return index.workerConfigurations.get(id);
    case 'operation':
      return index.operations.get(id);
    case 'appliance':
      return index.appliance?.element.id === id ? index.appliance : undefined;
  }
}
