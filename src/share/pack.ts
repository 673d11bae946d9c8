// The compact form of a design inside a share link (format tag "1"): every element becomes an array
// of its field values in a fixed order, values equal to their format-1 default are left out, and
// `format`/`version` are implied by the tag. Deflate then only has to squeeze the values.
//
// The field orders below are frozen for tag "1": links already sent must keep opening. A field the
// schema gains later is not lost — it travels in the element's trailing "extra fields" object — or
// is given a new position after all existing ones, never an object-valued one: an older link's
// extras object then lands where such a field would be, and is read as the extras it is.
//
// Unpacking never trusts its input: anything that does not look like a packed element is passed
// through unchanged, so the schema check that follows reports it with a JSON path in design terms.

/** A field of a packed element: its name, the default that may be left out, and its own shape. */
interface Field {
  key: string;
  /** The format-1 default (design-format.md); a value equal to it is omitted. */
  empty?: '' | [] | boolean | string | number;
  /** Elements of this array (or this single object) are packed with this shape. */
  shape?: Shape;
}

type Shape = readonly Field[];

const f = (key: string, empty?: Field['empty'], shape?: Shape): Field => ({ key, empty, shape });
const list = (key: string, shape?: Shape): Field => ({ key, empty: [], shape });

const SG_RULE: Shape = [
  f('protocol'),
  f('fromPort'),
  f('toPort'),
  f('cidr'),
  f('securityGroup'),
  f('description'),
];
const ROUTE: Shape = [f('destination'), f('peering'), f('gateway'), f('transitGateway')];
const ROUTE_TABLE: Shape = [f('id'), f('name'), f('main', false), list('routes', ROUTE)];
const SUBNET: Shape = [
  f('id'),
  f('name', ''),
  f('cidr'),
  f('az'),
  f('routeTable'),
  f('mapPublicIpOnLaunch', false),
];
const SECURITY_GROUP: Shape = [f('id'), f('name', ''), list('ingress', SG_RULE), list('egress', SG_RULE)];
const ENDPOINT: Shape = [
  f('id'),
  f('name'),
  f('service'),
  f('type'),
  list('subnets'),
  list('securityGroups'),
  list('routeTables'),
  f('privateDns', true),
];
const VPC: Shape = [
  f('id'),
  f('name', ''),
  f('account'),
  f('region'),
  f('cidr'),
  list('secondaryCidrs'),
  f('dnsSupport', true),
  f('dnsHostnames', false),
  list('subnets', SUBNET),
  list('routeTables', ROUTE_TABLE),
  list('securityGroups', SECURITY_GROUP),
  list('endpoints', ENDPOINT),
];
const ACCOUNT: Shape = [f('id'), f('name', ''), f('accountId')];
const PEERING: Shape = [f('id'), f('name'), f('requester'), f('accepter'), f('status', 'active')];
const APPLIANCE: Shape = [f('id'), f('name', ''), f('vpc'), f('subnet'), f('ip'), list('securityGroups')];
const REPOSITORY: Shape = [
  f('id'),
  f('name', ''),
  f('account'),
  f('region'),
  f('bucket'),
  f('tier', 'standard'),
  f('s3Endpoint'),
];
const WORKER_CONFIGURATION: Shape = [
  f('id'),
  f('name'),
  f('account'),
  f('region'),
  f('vpc'),
  f('subnet'),
  f('securityGroup'),
];
const OPERATION: Shape = [
  f('id'),
  f('name'),
  f('kind'),
  f('account'),
  f('region'),
  f('repository'),
  f('archiveRepository'),
  f('vpc'),
  f('workersIn', 'backup-account'),
  f('restoreToOriginal', false),
];
const TGW_ROUTE: Shape = [f('destination'), f('attachment'), f('blackhole')];
const TGW_ROUTE_TABLE: Shape = [f('id'), f('name'), list('routes', TGW_ROUTE)];
const TRANSIT_GATEWAY: Shape = [
  f('id'),
  f('name', ''),
  f('account'),
  f('region'),
  f('asn', 64512),
  f('defaultAssociationRouteTable'),
  f('defaultPropagationRouteTable'),
  f('securityGroupReferencing', false),
  list('sharedWith'),
  list('routeTables', TGW_ROUTE_TABLE),
];
const TGW_ATTACHMENT: Shape = [
  f('id'),
  f('name'),
  f('transitGateway'),
  f('vpc'),
  list('subnets'),
  f('peerTransitGateway'),
  f('routeTable'),
  f('peerRouteTable'),
  // No default: omitted (the default propagation table) and [] (none) differ.
  f('propagations'),
  f('status', 'active'),
  f('securityGroupReferencing'),
];
const LAYOUT_BOX: Shape = [f('x'), f('y'), f('w'), f('h')];

/** `layout` is a record keyed by element id; it travels as [id, ...box] entries. */
const LAYOUT = 'layout';

const DESIGN: Shape = [
  f('name', ''),
  f('privateNetworkDeployment', true),
  f('backupAccount'),
  list('accounts', ACCOUNT),
  list('vpcs', VPC),
  list('peerings', PEERING),
  f('appliance', undefined, APPLIANCE),
  list('repositories', REPOSITORY),
  list('workerConfigurations', WORKER_CONFIGURATION),
  list('operations', OPERATION),
  f(LAYOUT),
  list('transitGateways', TRANSIT_GATEWAY),
  list('transitGatewayAttachments', TGW_ATTACHMENT),
];

/** Implied by the format tag, so never carried. */
const IMPLIED = new Set(['format', 'version']);

/** Keys that could reach an object's prototype: never copied from a link (see parseJsonSafely). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const PACKED_SHAPES = {
  design: DESIGN,
  account: ACCOUNT,
  vpc: VPC,
  subnet: SUBNET,
  routeTable: ROUTE_TABLE,
  route: ROUTE,
  securityGroup: SECURITY_GROUP,
  sgRule: SG_RULE,
  endpoint: ENDPOINT,
  peering: PEERING,
  appliance: APPLIANCE,
  repository: REPOSITORY,
  workerConfiguration: WORKER_CONFIGURATION,
  operation: OPERATION,
  layoutBox: LAYOUT_BOX,
  transitGateway: TRANSIT_GATEWAY,
  tgwRouteTable: TGW_ROUTE_TABLE,
  tgwRoute: TGW_ROUTE,
  tgwAttachment: TGW_ATTACHMENT,
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDefault(value: unknown, empty: Field['empty']): boolean {
  if (empty === undefined) return false;
  if (Array.isArray(empty)) return Array.isArray(value) && value.length === 0;
  return value === empty;
}

function packValue(value: unknown, field: Field): unknown {
  if (field.key === LAYOUT && isRecord(value)) {
    // A box that is not an object cannot pass the schema, so a parsed design never has one.
    return Object.keys(value).flatMap((id) => {
      const box = value[id];
      return isRecord(box) ? [[id, ...packElement(box, LAYOUT_BOX)]] : [];
    });
  }
  if (!field.shape) return value;
  if (Array.isArray(value))
    return value.map((item) => (isRecord(item) ? packElement(item, field.shape!) : item));
  return isRecord(value) ? packElement(value, field.shape) : value;
}

/** [v0, v1, …] with absent/default values as null and trailing nulls dropped; [..., {extras}] if any. */
function packElement(element: Record<string, unknown>, shape: Shape, implied?: Set<string>): unknown[] {
  const out: unknown[] = shape.map((field) => {
    const value = element[field.key];
    return value === undefined || isDefault(value, field.empty) ? null : packValue(value, field);
  });
  const known = new Set(shape.map((field) => field.key));
  const extras: Record<string, unknown> = {};
  let hasExtras = false;
  for (const key of Object.keys(element)) {
    if (known.has(key) || implied?.has(key) || UNSAFE_KEYS.has(key)) continue;
    if (element[key] === undefined) continue;
    extras[key] = element[key];
    hasExtras = true;
  }
  if (hasExtras) return [...out, extras];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

/** The compact value carried by a link. Expects a parsed design (format 1). */
export function packDesign(design: object): unknown[] {
  return packElement(design as Record<string, unknown>, DESIGN, IMPLIED);
}

/** `defaults`: put back the format-1 defaults the packing left out (see unpackDesign). */
function unpackValue(value: unknown, field: Field, defaults: boolean): unknown {
  if (field.key === LAYOUT && Array.isArray(value)) {
    const layout: Record<string, unknown> = {};
    for (const entry of value) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || UNSAFE_KEYS.has(entry[0])) continue;
      const [id, ...box] = entry as [string, ...unknown[]];
      layout[id] = unpackElement(box, LAYOUT_BOX, defaults);
    }
    return layout;
  }
  if (!field.shape) return value;
  if (field.empty !== undefined) {
    // A list: its items are packed elements.
    return Array.isArray(value) ? value.map((item) => unpackElement(item, field.shape!, defaults)) : value;
  }
  return unpackElement(value, field.shape, defaults);
}

/** Whether a field's packed value may be a plain object (a single element such as the appliance). */
function holdsObject(field: Field): boolean {
  return field.key !== LAYOUT && field.shape !== undefined && field.empty === undefined;
}

function unpackElement(packed: unknown, shape: Shape, defaults: boolean): unknown {
  if (!Array.isArray(packed)) return packed;
  const element: Record<string, unknown> = {};
  const last: unknown = packed[packed.length - 1];
  // The extras object closes the array: after every position, or (a link packed before later
  // positions were added) where a field that never holds an object sits.
  const at = packed.length - 1;
  const extras =
    isRecord(last) && (at === shape.length || (at < shape.length && !holdsObject(shape[at]!))) ? at : -1;
  if (extras >= 0 && isRecord(last)) {
    for (const key of Object.keys(last)) {
      if (!UNSAFE_KEYS.has(key) && !IMPLIED.has(key)) element[key] = last[key];
    }
  }
  shape.forEach((field, i) => {
    if (i === extras) return;
    const value: unknown = packed[i];
    if (value === null || value === undefined) {
      if (defaults && field.empty !== undefined)
        element[field.key] = Array.isArray(field.empty) ? [] : field.empty;
      else delete element[field.key];
      return;
    }
    element[field.key] = unpackValue(value, field, defaults);
  });
  return element;
}

/**
 * The raw design object a link carried, ready for loadDesignValue (which fills the defaults).
 * With `defaults`, the defaults the packing left out are put back in their places: the page
 * previews that copy without the check (app/link-preview.ts); the check gets its own without them, so
 * the design it gives is the same either way.
 */
export function unpackDesign(packed: unknown, format: string, version: number, defaults = false): unknown {
  const design = unpackElement(packed, DESIGN, defaults);
  if (!isRecord(design)) return design;
  // The implied fields come first so a saved copy reads like any other design file.
  return { format, version, ...design };
}
