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

/** A rule that carries tcp/443, with its block parsed (undefined for a group reference or a bad CIDR). */
export interface HttpsRule {
  rule: SgRule;
  block: Cidr | undefined;
}

/** Above this many rules, a list is read through its parsed tcp/443 rules (NetworkModel.httpsRules). */
export const LONG_RULE_LIST = 6;

/** The rules of a list that carry tcp/443, parsed (the network model keeps them per validation). */
export function parseHttpsRules(rules: readonly SgRule[]): HttpsRule[] {
  const out: HttpsRule[] = [];
  for (const rule of rules) if (coversTcpPort(rule)) out.push({ rule, block: cidrOf(rule.cidr) });
  return out;
}

/**
 * How a rule treats tcp/443 to or from the peer: 'admit', 'cross-region' (it names one of the
 * peer's groups, but from another region, which AWS never resolves) or undefined. A short list is
 * read as it is, its blocks through the CIDR memo: a parsed copy of every list would cost each
 * validation more than it saves; only long lists get one (see someRule).
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
  return httpsVerdict(
    net,
    rule,
    rule.cidr === undefined ? undefined : cidrOf(rule.cidr),
    peerRange,
    peerGroups,
    region,
    home,
  );
}

/** ruleVerdict for a rule known to carry tcp/443, with its block already parsed. */
function httpsVerdict(
  net: NetworkModel,
  rule: SgRule,
  block: Cidr | undefined,
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home: Vpc | undefined,
): 'admit' | 'cross-region' | undefined {
  if (rule.cidr !== undefined)
    return block && block.first <= peerRange.first && peerRange.last <= block.last ? 'admit' : undefined;
  if (rule.securityGroup === undefined || !peerGroups.includes(rule.securityGroup)) return undefined;
  return net.regionOfGroup(rule.securityGroup, home) === region ? 'admit' : 'cross-region';
}

/**
 * Calls `visit` with the verdict of each rule of the list until it returns true. A long list
 * (an S3 endpoint's group admitting every worker VPC by block) is read through its parsed copy,
 * so the flows of all those workers do not each parse it again.
 */
function someRule(
  net: NetworkModel,
  rules: readonly SgRule[],
  peerRange: Cidr,
  peerGroups: readonly string[],
  region: string,
  home: Vpc | undefined,
  visit: (rule: SgRule, verdict: 'admit' | 'cross-region' | undefined) => boolean,
): boolean {
  if (rules.length > LONG_RULE_LIST) {
    const parsed = net.httpsRules(rules);
    for (let i = 0; i < parsed.length; i++) {
      const { rule, block } = parsed[i]!;
      if (visit(rule, httpsVerdict(net, rule, block, peerRange, peerGroups, region, home))) return true;
    }
    return false;
  }
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (visit(rule, ruleVerdict(net, rule, peerRange, peerGroups, region, home))) return true;
  }
  return false;
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
    let admitting: SgRule | undefined;
    someRule(net, group[direction], peerRange, peerGroups, region, home, (rule, verdict) => {
      if (verdict === 'cross-region') (crossRegion ??= []).push(groupId);
      if (verdict !== 'admit') return false;
      admitting = rule;
      return true;
    });
    if (admitting)
      return { ok: true, admittedBy: { group: groupId, rule: admitting }, crossRegion: crossRegion ?? NONE };
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
  return someRule(net, rules, peerRange, peerGroups, region, home, admits);
}

const admits = (_rule: SgRule, verdict: 'admit' | 'cross-region' | undefined) => verdict === 'admit';

/** The first rule of `groups` that carries tcp/443 by naming one of `peerGroups`, wherever that group is. */
export function ruleNaming(
  net: NetworkModel,
  groups: readonly string[],
  direction: 'ingress' | 'egress',
  peerGroups: readonly string[],
  home?: Vpc,
): { group: string; rule: SgRule } | undefined {
  for (const groupId of groups) {
    const group = net.groupOf(groupId, home);
    const rule = group?.[direction].find(
      (r) => r.securityGroup !== undefined && peerGroups.includes(r.securityGroup) && coversTcpPort(r),
    );
    if (rule) return { group: groupId, rule };
  }
  return undefined;
}
