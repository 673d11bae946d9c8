// Structural rules: the document loaded, but some ids do not line up. These never stop a design
// from opening; every other rule skips what a structural finding already reports.
import { locate, type DesignIndex, type ElementKind } from '../model/design-index';
import { OPERATION_REQUIREMENTS } from '../veeam/operations';
import type { Finding, Rule } from './types';
import { DESIGN_FORMAT } from './sources';

const KIND_LABEL: Record<ElementKind, string> = {
  account: 'account',
  vpc: 'VPC',
  subnet: 'subnet',
  routeTable: 'route table',
  securityGroup: 'security group',
  endpoint: 'endpoint',
  peering: 'peering',
  appliance: 'appliance',
  repository: 'repository',
  workerConfiguration: 'worker configuration',
  operation: 'operation',
};

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

/** Calls `visit` for every reference in the design (a visitor, so large designs allocate nothing per reference). */
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
    target: string | undefined,
    kind: ElementKind,
    withinVpc?: string,
    local?: readonly { id: string }[],
  ) => {
    if (target === undefined) return;
    ref.from = from;
    ref.field = field;
    ref.target = target;
    ref.kind = kind;
    ref.withinVpc = withinVpc;
    ref.local = local;
    visit(ref);
  };
  if (d.backupAccount !== undefined) add('design', 'backupAccount', d.backupAccount, 'account');
  for (const v of d.vpcs) {
    add(v.id, 'account', v.account, 'account');
    const { subnets, routeTables, securityGroups: groups } = v;
    for (const s of subnets) add(s.id, 'routeTable', s.routeTable, 'routeTable', v.id, routeTables);
    for (const t of routeTables)
      for (const r of t.routes) add(t.id, 'routes[].peering', r.peering, 'peering');
    for (const g of groups) {
      for (const r of g.ingress)
        add(g.id, 'securityGroup', r.securityGroup, 'securityGroup', undefined, groups);
      for (const r of g.egress)
        add(g.id, 'securityGroup', r.securityGroup, 'securityGroup', undefined, groups);
    }
    for (const e of v.endpoints) {
      for (const s of e.subnets) add(e.id, 'subnets', s, 'subnet', v.id, subnets);
      for (const g of e.securityGroups) add(e.id, 'securityGroups', g, 'securityGroup', v.id, groups);
      for (const t of e.routeTables) add(e.id, 'routeTables', t, 'routeTable', v.id, routeTables);
    }
  }
  for (const p of d.peerings) {
    add(p.id, 'requester', p.requester, 'vpc');
    add(p.id, 'accepter', p.accepter, 'vpc');
  }
  if (d.appliance) {
    const a = d.appliance;
    add(a.id, 'vpc', a.vpc, 'vpc');
    add(a.id, 'subnet', a.subnet, 'subnet', a.vpc);
    for (const g of a.securityGroups) add(a.id, 'securityGroups', g, 'securityGroup', a.vpc);
  }
  for (const r of d.repositories) {
    add(r.id, 'account', r.account, 'account');
    add(r.id, 's3Endpoint', r.s3Endpoint, 'endpoint');
  }
  for (const w of d.workerConfigurations) {
    add(w.id, 'account', w.account, 'account');
    add(w.id, 'vpc', w.vpc, 'vpc');
    const vpc = index.vpcs.get(w.vpc)?.element;
    add(w.id, 'subnet', w.subnet, 'subnet', w.vpc, vpc?.subnets);
    add(w.id, 'securityGroup', w.securityGroup, 'securityGroup', w.vpc, vpc?.securityGroups);
  }
  for (const o of d.operations) {
    add(o.id, 'account', o.account, 'account');
    add(o.id, 'repository', o.repository, 'repository');
    add(o.id, 'archiveRepository', o.archiveRepository, 'repository');
    add(o.id, 'vpc', o.vpc, 'vpc');
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
    sources: [DESIGN_FORMAT],
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
