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

/** The JSON path of an element from where it sits (see Entry). */
function pathOf(kind: ElementKind, at: number, inVpc: number): string {
  if (at < 0) return `$.${ARRAY_OF[kind]}`;
  if (inVpc < 0) return `$.${ARRAY_OF[kind]}[${at}]`;
  if (KINDS[kind].place.in === 'transitGateway')
    return `$.transitGateways[${at}].${ARRAY_OF[kind]}[${inVpc}]`;
  return `$.vpcs[${at}].${ARRAY_OF[kind]}[${inVpc}]`;
}

/**
 * One indexed element. Its JSON path is spelled out only when read (findings about the element,
 * the duplicate-id rule): the index is rebuilt on every edit, and most paths are never needed.
 */
class Entry<T> implements Located<T> {
  constructor(
    readonly element: T,
    readonly kind: ElementKind,
    readonly vpc: Vpc | undefined,
    /** Position in the design's array of that kind, or of the holding VPC in `vpcs`; -1 for a single slot. */
    private readonly at: number,
    /** Position inside the holding VPC's array, or -1 for top-level elements. */
    private readonly inVpc: number,
  ) {}

  get path(): string {
    return pathOf(this.kind, this.at, this.inVpc);
  }
}

const nameField = (element: unknown): string | undefined => (element as { name?: string }).name;

type AnyElement = { id: string; name?: string };
type AnyEntry = Entry<AnyElement>;

/** Kinds by number, so the index keeps each element's kind in a byte. */
const KIND_AT = Object.keys(KINDS) as ElementKind[];
const CODE_OF = Object.fromEntries(KIND_AT.map((k, i) => [k, i])) as Record<ElementKind, number>;

/**
 * Every element of a design in document order (the appliance last), each in a numbered slot:
 * the element, its kind, where it sits and the slot of its VPC. Rules look up a few thousand of a
 * design's elements, so the index keeps numbers in typed arrays and makes an element's Located
 * wrapper only when a lookup asks for it, instead of one per element held for the whole validation.
 */
class Slots {
  readonly elements: AnyElement[] = [];
  kinds: Uint8Array;
  at: Int32Array;
  inVpc: Int32Array;
  /** Slot of the holding VPC, or -1. */
  holder: Int32Array;
  /** Made once every element is in (entries are made on lookups, after the index is built). */
  private entries: (AnyEntry | undefined)[] = [];
  count = 0;

  /** `capacity` is a guess: the arrays double when it is short. */
  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.at = new Int32Array(capacity);
    this.inVpc = new Int32Array(capacity);
    this.holder = new Int32Array(capacity);
  }

  add(element: AnyElement, kind: ElementKind, holder: number, at: number, inVpc: number): number {
    const slot = this.count++;
    if (slot === this.kinds.length) this.grow();
    this.elements.push(element);
    this.kinds[slot] = CODE_OF[kind];
    this.holder[slot] = holder;
    this.at[slot] = at;
    this.inVpc[slot] = inVpc;
    return slot;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const wider = <A extends Uint8Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.kinds = wider(this.kinds, (n) => new Uint8Array(n));
    this.at = wider(this.at, (n) => new Int32Array(n));
    this.inVpc = wider(this.inVpc, (n) => new Int32Array(n));
    this.holder = wider(this.holder, (n) => new Int32Array(n));
  }

  /** Called once the last element is in. */
  done(): void {
    this.entries = new Array<AnyEntry | undefined>(this.count);
  }

  kindOf(slot: number): ElementKind {
    return KIND_AT[this.kinds[slot]!]!;
  }

  entry(slot: number): AnyEntry {
    let e = this.entries[slot];
    if (e === undefined) {
      const holder = this.holder[slot]!;
      const vpc = holder < 0 ? undefined : (this.elements[holder] as Vpc);
      e = new Entry(this.elements[slot]!, this.kindOf(slot), vpc, this.at[slot]!, this.inVpc[slot]!);
      this.entries[slot] = e;
    }
    return e;
  }

  path(slot: number): string {
    return pathOf(this.kindOf(slot), this.at[slot]!, this.inVpc[slot]!);
  }
}

/** A kind's lookup as a view of the one id map: right whenever every id is unique. */
function view<T>(slots: Slots, bySlot: Map<string, number>, kind: ElementKind): Lookup<T> {
  const code = CODE_OF[kind];
  return {
    get: (id) => {
      const slot = bySlot.get(id);
      return slot !== undefined && slots.kinds[slot] === code
        ? (slots.entry(slot) as unknown as Located<T>)
        : undefined;
    },
    has: (id) => {
      const slot = bySlot.get(id);
      return slot !== undefined && slots.kinds[slot] === code;
    },
  };
}

/** A kind's own map, first element wins (designs that repeat ids). */
function own<T>(slots: Slots, byId: Map<string, number>): Lookup<T> {
  return {
    get: (id) => {
      const slot = byId.get(id);
      return slot === undefined ? undefined : (slots.entry(slot) as unknown as Located<T>);
    },
    has: (id) => byId.has(id),
  };
}

export function indexDesign(design: Design): DesignIndex {
  // One map from id to the slot holding it. With unique ids (the normal case) each kind's lookup
  // is a view of it; only a design that repeats ids gets the map redone first-one-wins and a map
  // per kind. The index is rebuilt on every edit.
  // A guess from the VPCs (each brings its subnets, tables, groups and endpoints); the arrays grow past it.
  const slots = new Slots(64 + design.vpcs.length * 16);
  const bySlot = new Map<string, number>();
  let duplicates = false;
  let vpcSlot = -1;
  forEachOf(
    design,
    (element, kind, vpc, at, inVpc) => {
      const slot = slots.add(element, kind, vpc === undefined ? -1 : vpcSlot, at, inVpc);
      if (kind === 'vpc') vpcSlot = slot;
      const known = bySlot.size;
      bySlot.set(element.id, slot);
      if (bySlot.size === known) duplicates = true;
    },
    'skip',
  );
  const elements = slots.count;

  let byKind: Map<string, number>[] | undefined;
  if (duplicates) {
    bySlot.clear();
    byKind = KIND_AT.map(() => new Map<string, number>());
    for (let slot = 0; slot < elements; slot++) {
      const id = slots.elements[slot]!.id;
      if (!bySlot.has(id)) bySlot.set(id, slot);
      const map = byKind[slots.kinds[slot]!]!;
      if (!map.has(id)) map.set(id, slot);
    }
  }
  const lookup = <T>(kind: ElementKind): Lookup<T> =>
    byKind ? own<T>(slots, byKind[CODE_OF[kind]]!) : view<T>(slots, bySlot, kind);
  const vpcs = lookup<Vpc>('vpc');
  const a = design.appliance;
  const applianceSlot = a ? slots.add(a, 'appliance', -1, -1, -1) : -1;
  slots.done();
  let appliance: Entry<Appliance> | undefined;
  if (a) {
    appliance = new Entry(a, 'appliance', vpcs.get(a.vpc)?.element, -1, -1);
    if (bySlot.has(a.id)) duplicates = true;
    else bySlot.set(a.id, applianceSlot);
  }

  let all: DesignIndex['all'] | undefined;
  let names: Map<string, string> | undefined;
  // Only with repeated ids can the first element holding an id differ from the first one with a
  // name; then the names come from one walk over the whole design, as they always used to.
  const walk = () => {
    all = new Map();
    names = new Map();
    for (let slot = 0; slot < slots.count; slot++) {
      const element = slots.elements[slot]!;
      const id = element.id;
      const item = { kind: slots.kindOf(slot), path: slots.path(slot) };
      const seen = all.get(id);
      if (seen) seen.push(item);
      else all.set(id, [item]);
      const name = nameField(element);
      if (name && !names.has(id)) names.set(id, name);
    }
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
        const slot = bySlot.get(id);
        return (slot !== undefined && nameField(slots.elements[slot])) || id;
      }
      if (!names) walk();
      return names!.get(id) || id;
    },
    kindOf: (id) => {
      const slot = bySlot.get(id);
      return slot === undefined ? undefined : slots.kindOf(slot);
    },
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

/** Whether some element of `kind` has this id: locate without making the element's Located. */
export function holds(index: DesignIndex, kind: ElementKind, id: string): boolean {
  const list = LOOKUP_OF[kind];
  if (list !== undefined) return (index[list] as Lookup<{ id: string }>).has(id);
  return index.appliance?.element.id === id;
}
