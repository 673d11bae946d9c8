// Security-group evaluation for one tcp/443 connection. Groups are stateful, so a flow needs an
// egress rule on the source side and an ingress rule on the destination side, never the reverse.
// A rule admits the peer by CIDR containment or by naming one of the peer's groups; AWS resolves
// such group references only within one region.
import type { SgRule, Vpc } from '../model/schema';
import { cidrOf, type Cidr } from './cidr';
import type { NetworkModel } from './model';

export const HTTPS_PORT = 443;

const NONE: string[] = [];

/** Whether a rule's protocol and port range take tcp/`port`; absent ports mean the whole range. */
export function coversTcpPort(rule: SgRule, port = HTTPS_PORT): boolean {
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp') return false;
  const from = rule.fromPort ?? -1;
  const to = rule.toPort ?? -1;
  if (from === -1 && to === -1) return true;
  return from <= port && port <= (to === -1 ? 65535 : to);
}

export interface GroupVerdict {
  ok: boolean;
  /** The group and rule that admit the traffic. */
  admittedBy?: { group: string; rule: SgRule };
  /** Rules that name one of the peer's groups from another region: they never match. */
  crossRegion: string[];
}

/** A rule that carries tcp/443. */
export interface ParsedRule {
  rule: SgRule;
  /** The CIDR block, when the rule names one and it is valid. */
  block?: Cidr;
}

// Rules that carry tcp/443, parsed once per rule list (designs are immutable, so the list is a key).
let parsedRules = new WeakMap<readonly SgRule[], ParsedRule[]>();

/** Drops the parsed rules (benchmarks measure a cold start without them). */
export function clearRuleCache(): void {
  parsedRules = new WeakMap();
}

function httpsRules(rules: readonly SgRule[]): ParsedRule[] {
  let hit = parsedRules.get(rules);
  if (!hit) {
    hit = [];
    for (const rule of rules) if (coversTcpPort(rule)) hit.push({ rule, block: cidrOf(rule.cidr) });
    parsedRules.set(rules, hit);
  }
  return hit;
}

/**
 * Whether any of `groups` (in `region`) lets tcp/443 through in `direction` to or from a peer
 * occupying `peerRange` and carrying `peerGroups`.
 */
export function groupsAllow443(
  net: NetworkModel,
  groups: readonly string[],
  direction: 'ingress' | 'egress',
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home?: Vpc,
): GroupVerdict {
  let crossRegion: string[] | undefined;
  for (const groupId of groups) {
    const group = net.groupOf(groupId, home);
    if (!group) continue;
    for (const { rule, block } of httpsRules(group[direction])) {
      if (block) {
        if (block.first <= peerRange.first && peerRange.last <= block.last)
          return { ok: true, admittedBy: { group: groupId, rule }, crossRegion: crossRegion ?? NONE };
      } else if (rule.securityGroup !== undefined && peerGroups.includes(rule.securityGroup)) {
        if (net.regionOfGroup(rule.securityGroup, home) === region)
          return { ok: true, admittedBy: { group: groupId, rule }, crossRegion: crossRegion ?? NONE };
        (crossRegion ??= []).push(groupId);
      }
    }
  }
  return { ok: false, crossRegion: crossRegion ?? NONE };
}

/**
 * groupsAllow443(…).ok without its verdict object: validation asks this for every flow, and
 * only failing flows need the admitting rule or the cross-region notes (from their traces).
 */
export function groupsAdmit443(
  net: NetworkModel,
  groups: readonly string[],
  direction: 'ingress' | 'egress',
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home?: Vpc,
): boolean {
  for (const groupId of groups) {
    const group = net.groupOf(groupId, home);
    if (group && rulesAdmit443(net, httpsRules(group[direction]), peerRange, peerGroups, region, home))
      return true;
  }
  return false;
}

/** The tcp/443 rules of `groups` in one direction, in order: for a side asked about many times. */
export function https443Rules(
  net: NetworkModel,
  groups: readonly string[],
  direction: 'ingress' | 'egress',
  home?: Vpc,
): readonly ParsedRule[] {
  if (groups.length === 1) {
    const group = net.groupOf(groups[0]!, home);
    return group ? httpsRules(group[direction]) : [];
  }
  const all: ParsedRule[] = [];
  for (const groupId of groups) {
    const group = net.groupOf(groupId, home);
    if (group) all.push(...httpsRules(group[direction]));
  }
  return all;
}

/** Whether one of these rules (from https443Rules) takes tcp/443 to or from the peer. */
export function rulesAdmit443(
  net: NetworkModel,
  rules: readonly ParsedRule[],
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home?: Vpc,
): boolean {
  for (let i = 0; i < rules.length; i++) {
    const { rule, block } = rules[i]!;
    if (block) {
      if (block.first <= peerRange.first && peerRange.last <= block.last) return true;
    } else if (
      rule.securityGroup !== undefined &&
      peerGroups.includes(rule.securityGroup) &&
      net.regionOfGroup(rule.securityGroup, home) === region
    )
      return true;
  }
  return false;
}
