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

export interface DesignIndex {
  readonly design: Design;
  readonly accounts: Map<string, Located<Account>>;
  readonly vpcs: Map<string, Located<Vpc>>;
  readonly subnets: Map<string, Located<Subnet>>;
  readonly routeTables: Map<string, Located<RouteTable>>;
  readonly securityGroups: Map<string, Located<SecurityGroup>>;
  readonly endpoints: Map<string, Located<Endpoint>>;
  readonly peerings: Map<string, Located<Peering>>;
  readonly repositories: Map<string, Located<Repository>>;
  readonly workerConfigurations: Map<string, Located<WorkerConfiguration>>;
  readonly operations: Map<string, Located<Operation>>;
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
  design.accounts.forEach((a, i) => visit(new Entry(a, 'account', undefined, i, -1)));
  design.vpcs.forEach((v, i) => {
    visit(new Entry(v, 'vpc', undefined, i, -1));
    v.subnets.forEach((s, j) => visit(new Entry(s, 'subnet', v, i, j)));
    v.routeTables.forEach((t, j) => visit(new Entry(t, 'routeTable', v, i, j)));
    v.securityGroups.forEach((g, j) => visit(new Entry(g, 'securityGroup', v, i, j)));
    v.endpoints.forEach((e, j) => visit(new Entry(e, 'endpoint', v, i, j)));
  });
  design.peerings.forEach((p, i) => visit(new Entry(p, 'peering', undefined, i, -1)));
  design.repositories.forEach((r, i) => visit(new Entry(r, 'repository', undefined, i, -1)));
  design.workerConfigurations.forEach((w, i) => visit(new Entry(w, 'workerConfiguration', undefined, i, -1)));
  design.operations.forEach((o, i) => visit(new Entry(o, 'operation', undefined, i, -1)));
}

const nameField = (element: unknown): string | undefined => (element as { name?: string }).name;

export function indexDesign(design: Design): DesignIndex {
  // The first element holding each id: its kind is kindOf, its name nameOf (unless ids repeat).
  const first = new Map<string, Entry<{ id: string }>>();
  let duplicates = false;
  const put = <T extends { id: string }>(map: Map<string, Located<T>>, entry: Entry<T>) => {
    const id = entry.element.id;
    if (first.has(id)) {
      duplicates = true;
      if (!map.has(id)) map.set(id, entry);
      return;
    }
    first.set(id, entry);
    map.set(id, entry);
  };

  const accounts = new Map<string, Located<Account>>();
  const vpcs = new Map<string, Located<Vpc>>();
  const subnets = new Map<string, Located<Subnet>>();
  const routeTables = new Map<string, Located<RouteTable>>();
  const securityGroups = new Map<string, Located<SecurityGroup>>();
  const endpoints = new Map<string, Located<Endpoint>>();
  const peerings = new Map<string, Located<Peering>>();
  const repositories = new Map<string, Located<Repository>>();
  const workerConfigurations = new Map<string, Located<WorkerConfiguration>>();
  const operations = new Map<string, Located<Operation>>();

  const { accounts: as, vpcs: vs, peerings: ps, repositories: rs } = design;
  for (let i = 0; i < as.length; i++) put(accounts, new Entry(as[i]!, 'account', undefined, i, -1));
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    put(vpcs, new Entry(v, 'vpc', undefined, i, -1));
    const { subnets: s, routeTables: t, securityGroups: g, endpoints: e } = v;
    for (let j = 0; j < s.length; j++) put(subnets, new Entry(s[j]!, 'subnet', v, i, j));
    for (let j = 0; j < t.length; j++) put(routeTables, new Entry(t[j]!, 'routeTable', v, i, j));
    for (let j = 0; j < g.length; j++) put(securityGroups, new Entry(g[j]!, 'securityGroup', v, i, j));
    for (let j = 0; j < e.length; j++) put(endpoints, new Entry(e[j]!, 'endpoint', v, i, j));
  }
  for (let i = 0; i < ps.length; i++) put(peerings, new Entry(ps[i]!, 'peering', undefined, i, -1));
  for (let i = 0; i < rs.length; i++) put(repositories, new Entry(rs[i]!, 'repository', undefined, i, -1));
  const ws = design.workerConfigurations;
  for (let i = 0; i < ws.length; i++)
    put(workerConfigurations, new Entry(ws[i]!, 'workerConfiguration', undefined, i, -1));
  const os = design.operations;
  for (let i = 0; i < os.length; i++) put(operations, new Entry(os[i]!, 'operation', undefined, i, -1));
  let appliance: Located<Appliance> | undefined;
  if (design.appliance) {
    const a = design.appliance;
    appliance = new Entry(a, 'appliance', vpcs.get(a.vpc)?.element, 0, -1);
    if (first.has(a.id)) duplicates = true;
    else first.set(a.id, appliance as Entry<Appliance>);
  }

  let all: DesignIndex['all'] | undefined;
  let names: Map<string, string> | undefined;
  // Only with repeated ids can the first element holding an id differ from the first one with a
  // name; then the names come from one walk over the whole design, as they always used to.
  const walk = () => {
    all = new Map();
    names = new Map();
    const note = (entry: Entry<{ id: string }>) => {
      const id = entry.element.id;
      const item = { kind: entry.kind, path: entry.path };
      const seen = all!.get(id);
      if (seen) seen.push(item);
      else all!.set(id, [item]);
      const name = nameField(entry.element);
      if (name && !names!.has(id)) names!.set(id, name);
    };
    forEachElement(design, note);
    if (appliance) note(appliance as Entry<Appliance>);
  };

  return {
    design,
    accounts,
    vpcs,
    subnets,
    routeTables,
    securityGroups,
    endpoints,
    peerings,
    repositories,
    workerConfigurations,
    operations,
    appliance,
    get all() {
      if (!all) walk();
      return all!;
    },
    hasDuplicateIds: duplicates,
    nameOf(id) {
      if (!duplicates) {
        const entry = first.get(id);
        return (entry && nameField(entry.element)) || id;
      }
      if (!names) walk();
      return names!.get(id) || id;
    },
    kindOf: (id) => first.get(id)?.kind,
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
