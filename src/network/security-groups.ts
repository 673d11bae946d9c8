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

/**
 * How a rule treats tcp/443 to or from the peer: 'admit', 'cross-region' (it names one of the
 * peer's groups, but from another region, which AWS never resolves) or undefined. Rules are read
 * as they are, their blocks through the CIDR memo: a copy of each rule list parsed ahead would
 * cost a freshly opened design more than it saves.
 */
function ruleVerdict(
  net: NetworkModel,
  rule: SgRule,
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home: Vpc | undefined,
): 'admit' | 'cross-region' | undefined {
  if (!coversTcpPort(rule)) return undefined;
  if (rule.cidr !== undefined) {
    const block = cidrOf(rule.cidr);
    return block && block.first <= peerRange.first && peerRange.last <= block.last ? 'admit' : undefined;
  }
  if (rule.securityGroup === undefined || !peerGroups.includes(rule.securityGroup)) return undefined;
  return net.regionOfGroup(rule.securityGroup, home) === region ? 'admit' : 'cross-region';
}

/**
 * Whether any of `groups` (in `region`) lets tcp/443 through in `direction` to or from a peer
 * occupying `peerRange` and carrying `peerGroups`. `home` is the VPC the groups belong to, where
 * they are looked for first (see NetworkModel.groupOf).
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
    for (const rule of group[direction]) {
      const verdict = ruleVerdict(net, rule, peerRange, peerGroups, region, home);
      if (verdict === 'admit')
        return { ok: true, admittedBy: { group: groupId, rule }, crossRegion: crossRegion ?? NONE };
      if (verdict === 'cross-region') (crossRegion ??= []).push(groupId);
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
    if (group && rulesAdmit443(net, group[direction], peerRange, peerGroups, region, home)) return true;
  }
  return false;
}

/** The rules of `groups` in one direction, in order: for a side asked about many times. */
export function rulesOfGroups(
  net: NetworkModel,
  groups: readonly string[],
  direction: 'ingress' | 'egress',
  home?: Vpc,
): readonly SgRule[] {
  if (groups.length === 1) return net.groupOf(groups[0]!, home)?.[direction] ?? NONE_RULES;
  const all: SgRule[] = [];
  for (const groupId of groups) {
    const group = net.groupOf(groupId, home);
    if (group) all.push(...group[direction]);
  }
  return all;
}

const NONE_RULES: readonly SgRule[] = [];

/** Whether one of these rules lets tcp/443 through to or from the peer. */
export function rulesAdmit443(
  net: NetworkModel,
  rules: readonly SgRule[],
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home?: Vpc,
): boolean {
  for (let i = 0; i < rules.length; i++)
    if (ruleVerdict(net, rules[i]!, peerRange, peerGroups, region, home) === 'admit') return true;
  return false;
}
