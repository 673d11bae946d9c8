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
  /** Every id with its kind(s) and path(s), duplicates included. */
  readonly all: Map<string, { kind: ElementKind; path: string }[]>;
  /** The user-visible name of an element (falls back to its id). */
  nameOf(id: string): string;
  kindOf(id: string): ElementKind | undefined;
}

export function indexDesign(design: Design): DesignIndex {
  const all = new Map<string, { kind: ElementKind; path: string }[]>();
  const names = new Map<string, string>();
  const note = (id: string, kind: ElementKind, path: string, name?: string) => {
    const seen = all.get(id);
    if (seen) seen.push({ kind, path });
    else all.set(id, [{ kind, path }]);
    if (name && !names.has(id)) names.set(id, name);
  };
  const put = <T extends { id: string }>(
    map: Map<string, Located<T>>,
    kind: ElementKind,
    element: T,
    path: string,
    vpc?: Vpc,
  ) => {
    note(element.id, kind, path, (element as { name?: string }).name);
    if (!map.has(element.id)) map.set(element.id, { element, vpc, path });
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

  design.accounts.forEach((a, i) => put(accounts, 'account', a, `$.accounts[${i}]`));
  design.vpcs.forEach((v, i) => {
    const base = `$.vpcs[${i}]`;
    put(vpcs, 'vpc', v, base);
    v.subnets.forEach((s, j) => put(subnets, 'subnet', s, `${base}.subnets[${j}]`, v));
    v.routeTables.forEach((t, j) => put(routeTables, 'routeTable', t, `${base}.routeTables[${j}]`, v));
    v.securityGroups.forEach((g, j) =>
      put(securityGroups, 'securityGroup', g, `${base}.securityGroups[${j}]`, v),
    );
    v.endpoints.forEach((e, j) => put(endpoints, 'endpoint', e, `${base}.endpoints[${j}]`, v));
  });
  design.peerings.forEach((p, i) => put(peerings, 'peering', p, `$.peerings[${i}]`));
  design.repositories.forEach((r, i) => put(repositories, 'repository', r, `$.repositories[${i}]`));
  design.workerConfigurations.forEach((w, i) =>
    put(workerConfigurations, 'workerConfiguration', w, `$.workerConfigurations[${i}]`),
  );
  design.operations.forEach((o, i) => put(operations, 'operation', o, `$.operations[${i}]`));
  let appliance: Located<Appliance> | undefined;
  if (design.appliance) {
    note(design.appliance.id, 'appliance', '$.appliance', design.appliance.name);
    appliance = {
      element: design.appliance,
      path: '$.appliance',
      vpc: vpcs.get(design.appliance.vpc)?.element,
    };
  }

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
    all,
    nameOf: (id) => names.get(id) || id,
    kindOf: (id) => all.get(id)?.[0]?.kind,
  };
}
