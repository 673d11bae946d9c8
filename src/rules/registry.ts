// Every rule, in catalog order (rules.md section 3). validate() runs them all; docs/rules.md and
// the Problems panel's "learn more" come from their meta.
import { indexDesign } from '../model/design-index';
import type { Design } from '../model/schema';
import type { FlowResult } from '../veeam/flow-types';
import { accountInvalidId, regionUnknown, subnetAzMismatch } from './accounts';
import { analysisOf } from './analysis';
import { applianceMissing, s3PublicEndpointNeeded } from './appliance';
import { cidrInvalid, cidrNonRfc1918, cidrSubnetOutsideVpc, cidrSubnetOverlap, cidrVpcSize } from './cidr';
import {
  endpointAzNotCovered,
  endpointDnsAttributes,
  endpointDuplicatePrivateDns,
  endpointGatewayUnsupported,
  endpointMissing,
  endpointPrivateDnsOff,
  endpointS3RegionMismatch,
  repositoryNoEndpoint,
} from './endpoints';
import { peeringCidrOverlap, peeringDuplicate, peeringNotActive, peeringSelf } from './peering';
import { archiveRepositoryPeering, reachPartial } from './reach';
import { routeForeignPeering, routeLocalShadow, routeMissing, routeWrongTarget } from './routes';
import {
  applianceIpOutsideSubnet,
  applianceIpReserved,
  cidrSubnetSize,
  endpointOneSubnetPerAz,
  peeringCrossPartition,
} from './aws-limits';
import {
  quotaInterfaceEndpointsPerVpc,
  quotaPeeringsPerVpc,
  quotaRoutesPerTable,
  quotaSecurityGroupRules,
} from './quotas';
import { endpointNoSubnets, reachInvalidElement } from './unreached';
import { sgCrossRegionReference, sgEgress443, sgIngress443 } from './security-groups';
import { operationIncomplete } from './operations';
import { duplicateId, invalidReference } from './structure';
import { TGW_RULES } from './transit-gateway';
import { hopJudgesOf, hopReports } from './flow-problems';
import type { Finding, Rule, RuleContext, RuleMeta } from './types';
import { workerNoConfiguration, workerProductionOnly, workerPublicIp } from './workers';

export const RULES: readonly Rule[] = [
  invalidReference,
  duplicateId,
  operationIncomplete,
  accountInvalidId,
  regionUnknown,
  subnetAzMismatch,
  cidrInvalid,
  cidrVpcSize,
  cidrSubnetOutsideVpc,
  cidrSubnetOverlap,
  cidrSubnetSize,
  cidrNonRfc1918,
  peeringSelf,
  peeringDuplicate,
  peeringCidrOverlap,
  peeringCrossPartition,
  peeringNotActive,
  routeMissing,
  routeWrongTarget,
  routeForeignPeering,
  routeLocalShadow,
  ...TGW_RULES,
  endpointMissing,
  endpointNoSubnets,
  endpointOneSubnetPerAz,
  endpointPrivateDnsOff,
  endpointDnsAttributes,
  endpointDuplicatePrivateDns,
  endpointAzNotCovered,
  endpointGatewayUnsupported,
  endpointS3RegionMismatch,
  repositoryNoEndpoint,
  sgIngress443,
  sgEgress443,
  sgCrossRegionReference,
  workerNoConfiguration,
  workerPublicIp,
  workerProductionOnly,
  reachPartial,
  reachInvalidElement,
  applianceMissing,
  applianceIpOutsideSubnet,
  applianceIpReserved,
  archiveRepositoryPeering,
  s3PublicEndpointNeeded,
  quotaRoutesPerTable,
  quotaSecurityGroupRules,
  quotaPeeringsPerVpc,
  quotaInterfaceEndpointsPerVpc,
];

const META = new Map(RULES.map((r) => [r.meta.id, r.meta]));
// Every rule's hop judges, whichever rules a run asks for: reach/partial quotes them all.
const HOP_JUDGES = hopJudgesOf(RULES);

/** A rule's meta for "learn more", or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return META.get(id);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * One finding per distinct problem: when several flows fail on the same missing rule or route,
 * their findings say the same thing, so they merge and list every flow affected. The runner made
 * each finding, so the first of a kind is kept and changed in place; its elements list came from a
 * rule, so it is copied before the first merge adds to it.
 */
function mergeSameProblem(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  const copied = new Set<Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.message}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, f);
      out.push(f);
      continue;
    }
    if (!copied.has(seen)) {
      seen.elements = [...seen.elements];
      copied.add(seen);
    }
    for (const e of f.elements) if (!seen.elements.includes(e)) seen.elements.push(e);
    if (f.flow && seen.flow !== f.flow && !seen.flow?.split('; ').includes(f.flow))
      seen.flow = seen.flow ? `${seen.flow}; ${f.flow}` : f.flow;
    if (!seen.fix && f.fix) seen.fix = f.fix;
  }
  return out;
}

/** Adds a rule's findings, hop findings first, each stamped with the rule's id and severity. */
function runRule(ctx: RuleContext, rule: Rule, into: Finding[]): void {
  const { id, severity } = rule.meta;
  if (rule.hops) for (const r of hopReports(ctx, id)) into.push({ rule: id, severity, ...r });
  if (rule.check) for (const r of rule.check(ctx)) into.push({ rule: id, severity, ...r });
}

function contextOf(design: Design): RuleContext {
  return { design, index: indexDesign(design), hopJudges: HOP_JUDGES };
}

function runRules(ctx: RuleContext, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const before = findings.length;
    try {
      runRule(ctx, rule, findings);
    } catch (err) {
      // None of a failed rule's findings stand, only the failure.
      findings.length = before;
      // A half-drawn design must never take the panel down: the rule's failure becomes a finding.
      findings.push({
        rule: rule.meta.id,
        severity: 'info',
        message: `Rule ${rule.meta.id} could not judge this design (${err instanceof Error ? err.message : String(err)}). Fix the other findings first; please report this if it stays.`,
        elements: [],
      });
    }
  }
  return mergeSameProblem(findings).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function validate(design: Design, rules: readonly Rule[] = RULES): Finding[] {
  return runRules(contextOf(design), rules);
}

/** Findings plus every required flow with its per-endpoint-subnet traces (the canvas overlay). */
export function analyze(
  design: Design,
  rules: readonly Rule[] = RULES,
): { findings: Finding[]; flows: FlowResult[] } {
  const ctx = contextOf(design);
  const findings = runRules(ctx, rules);
  let flows: FlowResult[];
  try {
    flows = analysisOf(ctx).results.map((r) => r.result);
  } catch {
    // The rules already turned the failure into a finding; the overlay simply shows no flows.
    flows = [];
  }
  return { findings, flows };
}
