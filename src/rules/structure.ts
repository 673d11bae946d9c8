// Structural rules: the document loaded, but some ids do not line up. These never stop a design
// from opening; every other rule skips what a structural finding already reports.
import { locate, type DesignIndex, type ElementKind } from '../model/design-index';
import {
  DESIGN_REFERENCES,
  KINDS,
  TGW_KINDS,
  VPC_KINDS,
  VPC_LISTS,
  type KindDescriptor,
  type Place,
  type VpcList,
} from '../model/kinds';
import type { Vpc } from '../model/schema';
import { OPERATION_REQUIREMENTS } from '../veeam/operations';
import type { Report, Rule } from './types';
import { DESIGN_FORMAT } from './sources';

const KIND_LABEL: Record<ElementKind, string> = Object.fromEntries(
  Object.values(KINDS).map((k) => [k.kind, k.label.singular]),
) as Record<ElementKind, string>;

/**
 * One reference: the element holding it (`from`), the field as findings name it, the id it names and
 * the kind it must name; `withinVpc` when the target must live in one VPC (a subnet of the endpoint's
 * own VPC, …); `local`, the holder's VPC's elements of the wanted kind, where the target usually is.
 */
type Visit = (
  from: string,
  field: string,
  target: string,
  kind: ElementKind,
  withinVpc: string | undefined,
  local: readonly { id: string }[] | undefined,
) => void;

/** A kind's references as the walk reads them. */
interface FieldOf {
  field: string;
  shown: string;
  target: ElementKind;
  many: boolean;
  items: readonly string[] | undefined;
  sameVpc: boolean;
  /** Which of the holder VPC's lists (VPC_LISTS) holds the target kind, or -1 for targets outside VPCs. */
  local: number;
}

const FIELDS = Object.fromEntries(
  Object.values(KINDS).map((k) => [
    k.kind,
    k.references.map((r): FieldOf => ({
      field: r.field,
      shown: r.shownAs ?? r.field,
      target: r.target,
      many: r.many ?? false,
      items: r.items,
      sameVpc: r.sameVpc ?? false,
      local:
        KINDS[r.target].place.in === 'vpc'
          ? VPC_LISTS.indexOf((KINDS[r.target].place as { list: VpcList }).list)
          : -1,
    })),
  ]),
) as unknown as Record<ElementKind, readonly FieldOf[]>;

const OWN_KINDS = Object.values(KINDS).filter((k) => k.place.in === 'design') as (KindDescriptor & {
  place: Extract<Place, { in: 'design' }>;
})[];
/** The VPC's lists whose elements hold references, with those references. */
const INNER = VPC_KINDS.filter((k) => FIELDS[k.kind].length > 0).map(
  (k) => [VPC_LISTS.indexOf(k.place.list), FIELDS[k.kind]] as const,
);

type Lists = readonly (readonly { id: string }[])[];

/**
 * The holder VPC's lists of an element outside VPCs (a worker configuration, the appliance), refilled
 * for each such element and read only while its references are visited: one array for all of them.
 */
const holderLists: (readonly { id: string }[])[] = [];

/** The VPC's element lists in VPC_LISTS order, written into `into`. */
function listsOf(v: Vpc, into: (readonly { id: string }[])[]): Lists {
  for (let k = 0; k < VPC_LISTS.length; k++) into[k] = v[VPC_LISTS[k]!];
  return into;
}

/**
 * Visits the references of one element; `vpcId` and `lists` are its VPC's, when it lives in one.
 * With unique ids, an element of the wanted kind among the holder VPC's own is the one the id
 * names, and it sits in that VPC: such a reference is sound without a design-wide lookup, and
 * is not visited.
 */
function referencesOf(
  index: DesignIndex,
  unique: boolean,
  visit: Visit,
  element: { id: string },
  fields: readonly FieldOf[],
  vpcId: string | undefined,
  lists: Lists | undefined,
): void {
  const el = element as unknown as Record<string, unknown>;
  const from = element.id;
  // Outside a VPC, the holder's VPC is the one its `vpc` field names (appliance, worker configuration).
  if (vpcId === undefined && typeof el.vpc === 'string') vpcId = el.vpc;
  let looked = lists !== undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const { field, shown, target: kind } = f;
    let local: readonly { id: string }[] | undefined;
    if (f.local >= 0 && vpcId !== undefined) {
      if (!looked) {
        const holder = index.vpcs.get(vpcId)?.element;
        lists = holder && listsOf(holder, holderLists);
        looked = true;
      }
      local = lists?.[f.local];
    }
    const within = f.sameVpc ? vpcId : undefined;
    if (f.items !== undefined) {
      for (let l = 0; l < f.items.length; l++) {
        const items = el[f.items[l]!] as Record<string, unknown>[];
        for (let j = 0; j < items.length; j++) {
          const target = items[j]![field];
          if (typeof target === 'string' && !(unique && local !== undefined && hasId(local, target)))
            visit(from, shown, target, kind, within, local);
        }
      }
    } else if (f.many) {
      const ids = (el[field] as string[] | undefined) ?? [];
      for (let j = 0; j < ids.length; j++) {
        const target = ids[j]!;
        if (!(unique && local !== undefined && hasId(local, target)))
          visit(from, shown, target, kind, within, local);
      }
    } else {
      const target = el[field];
      if (typeof target === 'string' && !(unique && local !== undefined && hasId(local, target)))
        visit(from, shown, target, kind, within, local);
    }
  }
}

/**
 * Calls `visit` for every reference the kind descriptors declare, in document order (a visitor,
 * so large designs allocate nothing per reference), but those found sound among the holder VPC's own.
 */
function forEachReference(index: DesignIndex, visit: Visit): void {
  const d = index.design;
  const unique = !index.hasDuplicateIds;
  for (const r of DESIGN_REFERENCES) {
    const target = d[r.field as keyof typeof d];
    if (typeof target === 'string') visit('design', r.field, target, r.target, undefined, undefined);
  }
  // Refilled for each VPC in turn (its elements' references are walked before the next VPC).
  const current: (readonly { id: string }[])[] = [];
  // Document order: each design list in kind order, a VPC's own lists right after the VPC.
  for (const kind of OWN_KINDS) {
    const fields = FIELDS[kind.kind];
    const place = kind.place;
    if ('single' in place) {
      const el = d[place.single];
      if (el) referencesOf(index, unique, visit, el, fields, undefined, undefined);
      continue;
    }
    const list = d[place.list] as readonly { id: string }[];
    const holds = kind.kind === 'vpc';
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      if (fields.length) referencesOf(index, unique, visit, el, fields, undefined, undefined);
      if (kind.kind === 'transitGateway')
        for (const inner of TGW_KINDS)
          for (const t of (el as unknown as Record<string, readonly { id: string }[]>)[inner.place.list]!)
            referencesOf(index, unique, visit, t, FIELDS[inner.kind], undefined, undefined);
      if (!holds) continue;
      const lists = listsOf(el as Vpc, current);
      for (let k = 0; k < INNER.length; k++) {
        const [inner, innerFields] = INNER[k]!;
        const items = lists[inner]!;
        for (let j = 0; j < items.length; j++)
          referencesOf(index, unique, visit, items[j]!, innerFields, el.id, lists);
      }
    }
  }
}

/** Whether a short list holds the id (longer ones answer "unknown" and go to the id map). */
function hasId(elements: readonly { id: string }[], id: string): boolean {
  if (elements.length > 32) return false;
  for (let i = 0; i < elements.length; i++) if (elements[i]!.id === id) return true;
  return false;
}

export const invalidReference: Rule = {
  meta: {
    id: 'design/invalid-reference',
    severity: 'error',
    title: 'Reference to a missing element',
    explanation:
      'Elements refer to each other by id. A reference that names no element of the expected kind (or one in another VPC where the element must be local) leaves the design incomplete, and nothing that depends on it can be checked.',
    sources: [DESIGN_FORMAT],
    fixable: false,
  },
  check({ index }) {
    const findings: Report[] = [];
    forEachReference(index, (from, field, targetId, kind, withinVpc) => {
      // The typed maps hold the first element of each kind per id, so a hit there is exactly
      // "some element with this id has the expected kind".
      const target = locate(index, kind, targetId);
      let problem: string | undefined;
      const want = KIND_LABEL[kind];
      if (!target) {
        const other = index.kindOf(targetId);
        problem = other
          ? `${field} names "${targetId}", which is a ${KIND_LABEL[other]}, not a ${want}`
          : `${field} names "${targetId}", but there is no ${want} with that id`;
      } else if (
        withinVpc !== undefined &&
        target.vpc &&
        target.vpc.id !== withinVpc &&
        index.vpcs.has(withinVpc)
      ) {
        problem = `${field} names ${want} "${index.nameOf(targetId)}" of VPC "${index.nameOf(target.vpc.id)}", but it must be in VPC "${index.nameOf(withinVpc)}"`;
      }
      if (problem) {
        const holder =
          from === 'design'
            ? 'The design'
            : `${KIND_LABEL[index.kindOf(from) ?? 'vpc']} "${index.nameOf(from)}"`;
        findings.push({
          message: `${holder}: ${problem}. Pick an existing ${want} or remove the reference.`,
          elements: from === 'design' ? [] : [from],
        });
      }
    });
    findings.push(...kindMismatches(index));
    return findings;
  },
};

/** References that name an element of the right type but the wrong sort, and fields a kind needs. */
function kindMismatches(index: DesignIndex): Report[] {
  const findings: Report[] = [];
  const d = index.design;
  const name = (id: string) => JSON.stringify(index.nameOf(id));
  const report = (element: string, message: string) => findings.push({ message, elements: [element] });
  for (const o of d.operations) {
    const req = OPERATION_REQUIREMENTS[o.kind];
    // A field the kind reads but lacks (e.g. no repository yet, or cleared when its repository was
    // deleted) is not a broken reference: operation/incomplete (./operations.ts) reports it.
    const archive =
      o.archiveRepository === undefined ? undefined : index.repositories.get(o.archiveRepository)?.element;
    if (req.repositories.includes('archiveRepository') && archive && archive.tier !== 'archive')
      report(
        o.id,
        `Operation ${name(o.id)} (${req.label}) archives to repository ${name(archive.id)}, which is a standard repository. Pick an archive-tier repository.`,
      );
    const vpc = o.vpc === undefined ? undefined : index.vpcs.get(o.vpc)?.element;
    if (req.reads.includes('vpc') && vpc && o.region !== undefined && vpc.region !== o.region)
      report(
        o.id,
        `Operation ${name(o.id)} (${req.label}) runs in ${o.region}, but its VPC ${name(vpc.id)} is in ${vpc.region}. Pick the VPC of the DB instance or file system.`,
      );
  }
  for (const r of d.repositories) {
    const e = r.s3Endpoint === undefined ? undefined : index.endpoints.get(r.s3Endpoint)?.element;
    if (e && e.service !== 's3')
      report(
        r.id,
        `Repository ${name(r.id)} names endpoint ${name(e.id)} as its S3 endpoint, but that endpoint serves ${JSON.stringify(e.service)}. Pick an S3 interface endpoint.`,
      );
  }
  // The VPC may belong to another account (subnets shared through AWS RAM), but never another region.
  for (const w of d.workerConfigurations) {
    const vpc = index.vpcs.get(w.vpc)?.element;
    if (vpc && vpc.region !== w.region)
      report(
        w.id,
        `Worker configuration ${name(w.id)} is for ${w.region}, but its VPC ${name(vpc.id)} is in ${vpc.region}. Pick a VPC of ${w.region}.`,
      );
  }
  return findings;
}

export const duplicateId: Rule = {
  meta: {
    id: 'design/duplicate-id',
    severity: 'error',
    title: 'Two elements share an id',
    explanation:
      'Every element id must be unique across the whole design, because references, exported resource names and findings all name elements by id.',
    sources: [DESIGN_FORMAT],
    fixable: false,
  },
  check({ index }) {
    const findings: Report[] = [];
    if (!index.hasDuplicateIds) return findings;
    for (const [id, seen] of index.all) {
      if (seen.length < 2) continue;
      findings.push({
        message: `The id "${id}" is used ${seen.length} times (${seen.map((s) => `${KIND_LABEL[s.kind]} at ${s.path}`).join(', ')}). Rename all but one.`,
        elements: [id],
      });
    }
    return findings;
  },
};
