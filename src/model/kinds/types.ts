// What a descriptor says about one element kind: where its elements live in the document, which of
// their fields name other elements, and what becomes of such a field when the element it names is
// deleted. The design index, deletion, the invalid-reference rule and "which VPC holds it" are
// derived from these declarations instead of being written once per kind.
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
} from '../schema';

/** The element types of the design by kind. */
export interface ElementTypes {
  account: Account;
  vpc: Vpc;
  subnet: Subnet;
  routeTable: RouteTable;
  securityGroup: SecurityGroup;
  endpoint: Endpoint;
  peering: Peering;
  transitGateway: TransitGateway;
  tgwRouteTable: TgwRouteTable;
  tgwAttachment: TgwAttachment;
  appliance: Appliance;
  repository: Repository;
  workerConfiguration: WorkerConfiguration;
  operation: Operation;
}

export type ElementKind = keyof ElementTypes;

/** Lists of the design document that hold elements. */
export type DesignList =
  | 'accounts'
  | 'vpcs'
  | 'peerings'
  | 'transitGateways'
  | 'transitGatewayAttachments'
  | 'repositories'
  | 'workerConfigurations'
  | 'operations';
/** Lists of a VPC that hold elements. */
export type VpcList = 'subnets' | 'routeTables' | 'securityGroups' | 'endpoints';

/** Where a kind's elements live: a list of the design, the design's one optional slot, a list of each VPC, or of each Transit Gateway. */
export type Place =
  | { readonly in: 'design'; readonly list: DesignList }
  | { readonly in: 'design'; readonly single: 'appliance' }
  | { readonly in: 'vpc'; readonly list: VpcList }
  | { readonly in: 'transitGateway'; readonly list: 'routeTables' };

/**
 * What deleting the named element does to the field: `cascade` deletes the holder too (it means
 * nothing without it), `clear` unsets the field, `prune` drops the id from the list (or, for a field
 * of list items such as routes, drops the items naming it).
 */
export type OnDelete = 'cascade' | 'clear' | 'prune';

export interface Reference<T = unknown> {
  /** The field holding an id (or, with `many`, a list of ids). */
  readonly field: string;
  readonly target: ElementKind;
  /** The field is a list of ids. */
  readonly many?: boolean;
  /** The field sits on the items of these lists of the holder (a route's `peering`, a rule's `securityGroup`). */
  readonly items?: readonly string[];
  readonly onDelete: OnDelete;
  /** The target must be in the holder's VPC (its own, or the one its `vpc` field names). */
  readonly sameVpc?: boolean;
  /** How findings name the field when that differs from `field`. */
  readonly shownAs?: string;
  /** What a `prune` tells the user, given the holder and the ids or items removed. */
  readonly pruned?: (holder: T, removed: readonly unknown[]) => readonly string[];
}

export interface Label {
  /** As in messages: "route table", "VPC". */
  readonly singular: string;
  readonly plural: string;
}

export interface KindDescriptor<K extends ElementKind = ElementKind> {
  readonly kind: K;
  readonly place: Place;
  readonly label: Label;
  /** Stem of ids of new elements: `sn` gives `sn`, `sn-2`, … */
  readonly idPrefix: string;
  readonly references: readonly Reference<ElementTypes[K]>[];
  /** What a `clear` tells the user, given the holder and the fields unset (default: "<kind> <name>: <fields> cleared"). */
  readonly cleared?: (holder: ElementTypes[K], fields: readonly string[]) => string;
}

/** References held by the design document itself. */
export interface DesignReference extends Reference<Design> {
  readonly many?: false;
  readonly onDelete: 'clear';
  readonly cleared: string;
}
