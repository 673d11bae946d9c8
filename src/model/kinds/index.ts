// The registry of element kinds, in document order. Everything that walks "every element" or
// "every reference" reads this table; a new kind is a module here plus one line below.
import type { Design } from '../schema';
import { account } from './account';
import { appliance } from './appliance';
import { endpoint } from './endpoint';
import { operation } from './operation';
import { peering } from './peering';
import { repository } from './repository';
import { routeTable } from './route-table';
import { securityGroup } from './security-group';
import { subnet } from './subnet';
import { tgwAttachment } from './tgw-attachment';
import { tgwRouteTable, transitGateway } from './transit-gateway';
import type { DesignReference, ElementKind, KindDescriptor, Place, VpcList } from './types';
import { vpc } from './vpc';
import { workerConfiguration } from './worker-configuration';

export type * from './types';
export { createAccount } from './account';
export { createAppliance } from './appliance';
export { createInterfaceEndpoint } from './endpoint';
export { createOperation } from './operation';
export { createPeering } from './peering';
export { createRepository } from './repository';
export { createRouteTable } from './route-table';
export { createEndpointGroup, createSecurityGroup, createWorkerGroup } from './security-group';
export { createSubnet } from './subnet';
export { createPeeringAttachment, createVpcAttachment } from './tgw-attachment';
export { createTransitGateway } from './transit-gateway';
export { createVpc } from './vpc';
export { createWorkerConfiguration } from './worker-configuration';

/** Every kind, in the order its elements appear in the document (a VPC's own lists follow the VPC). */
export const KINDS: { readonly [K in ElementKind]: KindDescriptor<K> } = {
  account,
  vpc,
  subnet,
  routeTable,
  securityGroup,
  endpoint,
  peering,
  transitGateway,
  tgwRouteTable,
  tgwAttachment,
  appliance,
  repository,
  workerConfiguration,
  operation,
};

export const KIND_LIST: readonly KindDescriptor[] = Object.values(KINDS) as KindDescriptor[];

/** Kinds living in a list of each VPC, in document order. */
export const VPC_KINDS: readonly (KindDescriptor & { place: { in: 'vpc'; list: VpcList } })[] =
  KIND_LIST.filter(
    (k): k is KindDescriptor & { place: { in: 'vpc'; list: VpcList } } => k.place.in === 'vpc',
  );

/** The VPC's lists that hold elements. */
export const VPC_LISTS: readonly VpcList[] = VPC_KINDS.map((k) => k.place.list);

/** Kinds living in a list of each Transit Gateway (its route tables). */
export const TGW_KINDS: readonly (KindDescriptor & {
  place: Extract<Place, { in: 'transitGateway' }>;
})[] = KIND_LIST.filter(
  (k): k is KindDescriptor & { place: Extract<Place, { in: 'transitGateway' }> } =>
    k.place.in === 'transitGateway',
);

/** The kinds held inside an element of a container kind (a VPC's lists, a TGW's route tables). */
export const INNER_KINDS: Partial<
  Record<ElementKind, readonly (KindDescriptor & { place: { list: string } })[]>
> = { vpc: VPC_KINDS, transitGateway: TGW_KINDS };

/** References the design document itself holds. */
export const DESIGN_REFERENCES: readonly DesignReference[] = [
  {
    field: 'backupAccount',
    target: 'account',
    onDelete: 'clear',
    // Veeam treats the appliance's own account as the backup account unless told otherwise.
    cleared: 'the backup account falls back to the appliance account',
  },
];

/** How messages name a kind: "route table", "VPC". */
export function kindLabel(kind: ElementKind): string {
  return KINDS[kind].label.singular;
}

/** The element's kind label and name, as change summaries say it: "subnet workers". */
export function named(kind: ElementKind, element: { id: string; name?: string }): string {
  return `${kindLabel(kind)} ${element.name || element.id}`;
}

type AnyElement = { id: string; name?: string };

/**
 * Calls `visit` for every element in document order. The design's single slots (the appliance)
 * come in kind order, or not at all with `singles: 'skip'` (the index adds them itself, last).
 * Indexed loops: the design index is built with this walk on every edit.
 */
export function forEachElement(
  design: Design,
  visit: (
    element: AnyElement,
    kind: ElementKind,
    vpc: Design['vpcs'][number] | undefined,
    at: number,
    inVpc: number,
  ) => void,
  singles: 'in-order' | 'skip' = 'in-order',
): void {
  for (const k of KIND_LIST) {
    const place = k.place;
    if (place.in === 'vpc') continue;
    if ('single' in place) {
      const el = design[place.single];
      if (singles === 'in-order' && el) visit(el, k.kind, undefined, 0, -1);
      continue;
    }
    if (place.in !== 'design') continue;
    const list = design[place.list] as readonly AnyElement[];
    const holdsKinds = k.kind === 'vpc';
    const inner = INNER_KINDS[k.kind];
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      visit(el, k.kind, undefined, i, -1);
      if (inner === undefined) continue;
      const v = holdsKinds ? (el as Design['vpcs'][number]) : undefined;
      // Indexed: an iterator here allocates a result per kind for every VPC of a large design.
      for (let k = 0; k < inner.length; k++) {
        const kind = inner[k]!;
        const items = (el as unknown as Record<string, readonly AnyElement[]>)[kind.place.list]!;
        for (let j = 0; j < items.length; j++) visit(items[j]!, kind.kind, v, i, j);
      }
    }
  }
}

/** The VPC holding an element (subnet, route table, group or endpoint) with that id. */
export function vpcHoldingId(design: Design, id: string): Design['vpcs'][number] | undefined {
  return design.vpcs.find((v) =>
    VPC_LISTS.some((list) => (v[list] as readonly AnyElement[]).some((e) => e.id === id)),
  );
}
