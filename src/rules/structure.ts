// Structural rules: the document loaded, but some ids do not line up. These never stop a design
// from opening; every other rule skips what a structural finding already reports.
import { locate, type DesignIndex, type ElementKind } from '../model/design-index';
import { DESIGN_REFERENCES, forEachElement, KINDS, type VpcList } from '../model/kinds';
import { OPERATION_REQUIREMENTS } from '../veeam/operations';
import type { Finding, Rule } from './types';

const KIND_LABEL: Record<ElementKind, string> = Object.fromEntries(
  Object.values(KINDS).map((k) => [k.kind, k.label.singular]),
) as Record<ElementKind, string>;

interface Reference {
  /** The element holding the reference. */
  from: string;
  field: string;
  /** The id it names. */
  target: string;
  kind: ElementKind;
  /** When the target must live in one VPC (a subnet of the endpoint's own VPC, …). */
  withinVpc?: string;
  /** The holder's VPC's elements of the wanted kind, where the target usually is. */
  local?: readonly { id: string }[];
}

/** A kind's references as the walk reads them. */
interface FieldOf {
  field: string;
  shown: string;
  target: ElementKind;
  many: boolean;
  items: readonly string[] | undefined;
  sameVpc: boolean;
  /** The list of the holder's VPC holding the target kind, for targets that live in VPCs. */
  local: VpcList | undefined;
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
        KINDS[r.target].place.in === 'vpc' ? (KINDS[r.target].place as { list: VpcList }).list : undefined,
    })),
  ]),
) as unknown as Record<ElementKind, readonly FieldOf[]>;

/**
 * Calls `visit` for every reference the kind descriptors declare, in document order (a visitor,
 * so large designs allocate nothing per reference).
 */
function forEachReference(index: DesignIndex, visit: (ref: Reference) => void): void {
  const d = index.design;
  const ref: Reference = {
    from: '',
    field: '',
    target: '',
    kind: 'vpc',
    withinVpc: undefined,
    local: undefined,
  };
  const add = (
    from: string,
    field: string,
    target: unknown,
    kind: ElementKind,
    withinVpc?: string,
    local?: readonly { id: string }[],
  ) => {
    if (typeof target !== 'string') return;
    ref.from = from;
    ref.field = field;
    ref.target = target;
    ref.kind = kind;
    ref.withinVpc = withinVpc;
    ref.local = local;
    visit(ref);
  };
  for (const r of DESIGN_REFERENCES) add('design', r.field, d[r.field as keyof typeof d], r.target);
  forEachElement(d, (element, kind, vpc) => {
    const fields = FIELDS[kind];
    if (!fields.length) return;
    const el = element as unknown as Record<string, unknown>;
    // The holder's VPC: its own, or the one its `vpc` field names (appliance, worker configuration).
    const vpcId = vpc ? vpc.id : typeof el.vpc === 'string' ? el.vpc : undefined;
    let holderVpc = vpc;
    let looked = vpc !== undefined;
    for (const f of fields) {
      let local: readonly { id: string }[] | undefined;
      if (f.local && vpcId !== undefined) {
        if (!looked) {
          holderVpc = index.vpcs.get(vpcId)?.element;
          looked = true;
        }
        local = holderVpc?.[f.local];
      }
      const within = f.sameVpc ? vpcId : undefined;
      if (f.items) {
        for (const list of f.items)
          for (const item of el[list] as Record<string, unknown>[])
            add(element.id, f.shown, item[f.field], f.target, within, local);
      } else if (f.many) {
        for (const id of el[f.field] as string[]) add(element.id, f.shown, id, f.target, within, local);
      } else add(element.id, f.shown, el[f.field], f.target, within, local);
    }
  });
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
    source: 'Design format 1 (shared/spec/design-format.md)',
    fixable: false,
  },
  check({ index }) {
    const findings: Finding[] = [];
    const unique = !index.hasDuplicateIds;
    forEachReference(index, (ref) => {
      // With unique ids, an element of the wanted kind among the holder's VPC's own is the one
      // the id names, and it sits in that VPC: the reference is sound without a design-wide lookup.
      if (unique && ref.local && hasId(ref.local, ref.target)) return;
      // The typed maps hold the first element of each kind per id, so a hit there is exactly
      // "some element with this id has the expected kind".
      const target = locate(index, ref.kind, ref.target);
      let problem: string | undefined;
      const want = KIND_LABEL[ref.kind];
      if (!target) {
        const other = index.kindOf(ref.target);
        problem = other
          ? `${ref.field} names "${ref.target}", which is a ${KIND_LABEL[other]}, not a ${want}`
          : `${ref.field} names "${ref.target}", but there is no ${want} with that id`;
      } else if (
        ref.withinVpc !== undefined &&
        target.vpc &&
        target.vpc.id !== ref.withinVpc &&
        index.vpcs.has(ref.withinVpc)
      ) {
        problem = `${ref.field} names ${want} "${index.nameOf(ref.target)}" of VPC "${index.nameOf(target.vpc.id)}", but it must be in VPC "${index.nameOf(ref.withinVpc)}"`;
      }
      if (problem) {
        const holder =
          ref.from === 'design'
            ? 'The design'
            : `${KIND_LABEL[index.kindOf(ref.from) ?? 'vpc']} "${index.nameOf(ref.from)}"`;
        findings.push({
          rule: 'design/invalid-reference',
          severity: 'error',
          message: `${holder}: ${problem}. Pick an existing ${want} or remove the reference.`,
          elements: ref.from === 'design' ? [] : [ref.from],
        });
      }
    });
    findings.push(...kindMismatches(index));
    return findings;
  },
};

/** References that name an element of the right type but the wrong sort, and fields a kind needs. */
function kindMismatches(index: DesignIndex): Finding[] {
  const findings: Finding[] = [];
  const d = index.design;
  const name = (id: string) => JSON.stringify(index.nameOf(id));
  const report = (element: string, message: string) =>
    findings.push({ rule: 'design/invalid-reference', severity: 'error', message, elements: [element] });
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
    source: 'Design format 1 (shared/spec/design-format.md)',
    fixable: false,
  },
  check({ index }) {
    const findings: Finding[] = [];
    if (!index.hasDuplicateIds) return findings;
    for (const [id, seen] of index.all) {
      if (seen.length < 2) continue;
      findings.push({
        rule: 'design/duplicate-id',
        severity: 'error',
        message: `The id "${id}" is used ${seen.length} times (${seen.map((s) => `${KIND_LABEL[s.kind]} at ${s.path}`).join(', ')}). Rename all but one.`,
        elements: [id],
      });
    }
    return findings;
  },
};
