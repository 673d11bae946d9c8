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
  TgwAttachment,
  TgwRouteTable,
  TransitGateway,
  Vpc,
  WorkerConfiguration,
} from './schema';
import { forEachElement as forEachOf, KINDS } from './kinds';
import type { ElementKind } from './kinds/types';

export type { ElementKind } from './kinds/types';

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
  readonly transitGateways: Lookup<TransitGateway>;
  /** A TGW route table; `vpc` is unset, the holding TGW is found through `tgwOf`. */
  readonly tgwRouteTables: Lookup<TgwRouteTable>;
  readonly tgwAttachments: Lookup<TgwAttachment>;
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

/** The document list (or slot) of each kind, as JSON paths spell it. */
const ARRAY_OF = Object.fromEntries(
  Object.values(KINDS).map((k) => [k.kind, 'single' in k.place ? k.place.single : k.place.list]),
) as Record<ElementKind, string>;

/** The index's lookup for each kind held in a list (a single slot has none). */
const LOOKUP_OF: Partial<Record<ElementKind, keyof DesignIndex>> = {
  ...(Object.fromEntries(
    Object.values(KINDS).flatMap((k) =>
      k.place.in !== 'transitGateway' && 'list' in k.place ? [[k.kind, k.place.list]] : [],
    ),
  ) as Partial<Record<ElementKind, keyof DesignIndex>>),
  transitGateway: 'transitGateways',
  tgwRouteTable: 'tgwRouteTables',
  tgwAttachment: 'tgwAttachments',
};

/** What the entries of one kind in one index share: the kind, and the design that places them. */
interface Place {
  readonly kind: ElementKind;
  readonly design: Design;
}

/** The JSON path of an element from its positions, as `forEachElement` gives them. */
function spellPath(kind: ElementKind, at: number, inVpc: number): string {
  if (at < 0) return `$.${ARRAY_OF[kind]}`;
  if (inVpc < 0) return `$.${ARRAY_OF[kind]}[${at}]`;
  if (KINDS[kind].place.in === 'transitGateway')
    return `$.transitGateways[${at}].${ARRAY_OF[kind]}[${inVpc}]`;
  return `$.vpcs[${at}].${ARRAY_OF[kind]}[${inVpc}]`;
}

/**
 * One indexed element: three fields, since the index is rebuilt on every edit and a large design
 * has tens of thousands of elements. Its JSON path is looked for only when read: `all` spells the
 * paths from its own walk, and nothing else reads them on a whole design.
 */
class Entry<T> implements Located<T> {
  constructor(
    readonly element: T,
    readonly vpc: Vpc | undefined,
    readonly place: Place,
  ) {}

  get kind(): ElementKind {
    return this.place.kind;
  }

  get path(): string {
    const { design, kind } = this.place;
    if (kind === 'appliance') return spellPath(kind, -1, -1);
    let path = '';
    forEachOf(
      design,
      (element, k, _vpc, at, inVpc) => {
        if (!path && element === this.element) path = spellPath(k, at, inVpc);
      },
      'skip',
    );
    return path;
  }
}

/** Calls `visit` for every element in document order but the design's single slots (the appliance). */
function forEachElement(
  design: Design,
  places: Record<ElementKind, Place>,
  visit: (entry: Entry<{ id: string }>, at: number, inVpc: number) => void,
): void {
  forEachOf(
    design,
    (element, kind, vpc, at, inVpc) => visit(new Entry(element, vpc, places[kind]), at, inVpc),
    'skip',
  );
}

const nameField = (element: unknown): string | undefined => (element as { name?: string }).name;

type AnyEntry = Entry<{ id: string }>;

/** A kind's lookup as a view of the one id map: right whenever every id is unique. */
function view<T>(byId: Map<string, AnyEntry>, kind: ElementKind): Lookup<T> {
  const get = (id: string) => {
    const e = byId.get(id);
    return e !== undefined && e.place.kind === kind ? (e as unknown as Located<T>) : undefined;
  };
  return { get, has: (id) => get(id) !== undefined };
}

export function indexDesign(design: Design): DesignIndex {
  // One map from id to the element holding it. With unique ids (the normal case) each kind's
  // lookup is a view of it; only a design that repeats ids gets the map rebuilt first-one-wins and a
  // map per kind. One map is a third of the work of a map per kind plus a map of first elements,
  // and the index is rebuilt on every edit.
  const places = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { kind, design }])) as Record<
    ElementKind,
    Place
  >;
  const byId = new Map<string, AnyEntry>();
  let duplicates = false;
  forEachElement(design, places, (e) => {
    const size = byId.size;
    byId.set(e.element.id, e);
    if (byId.size === size) duplicates = true;
  });

  let byKind: Map<ElementKind, Map<string, AnyEntry>> | undefined;
  if (duplicates) {
    byId.clear();
    byKind = new Map();
    forEachElement(design, places, (e) => {
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
    appliance = new Entry(a, vpcs.get(a.vpc)?.element, places.appliance);
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
    const note = (entry: AnyEntry, at: number, inVpc: number) => {
      const id = entry.element.id;
      const item = { kind: entry.kind, path: spellPath(entry.kind, at, inVpc) };
      const seen = all!.get(id);
      if (seen) seen.push(item);
      else all!.set(id, [item]);
      const name = nameField(entry.element);
      if (name && !names!.has(id)) names!.set(id, name);
    };
    forEachElement(design, places, note);
    if (appliance) note(appliance, -1, -1);
  };

  // Spelled out, not spread from the kind table: rules read these on every lookup, and a literal
  // gives the index one fixed shape.
  return {
    design,
    accounts: lookup('account'),
    vpcs,
    subnets: lookup('subnet'),
    routeTables: lookup('routeTable'),
    securityGroups: lookup('securityGroup'),
    endpoints: lookup('endpoint'),
    peerings: lookup('peering'),
    transitGateways: lookup('transitGateway'),
    tgwRouteTables: lookup('tgwRouteTable'),
    tgwAttachments: lookup('tgwAttachment'),
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
  const list = LOOKUP_OF[kind];
  if (list !== undefined) return (index[list] as Lookup<{ id: string }>).get(id);
  return index.appliance?.element.id === id ? index.appliance : undefined;
}
