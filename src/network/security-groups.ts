// Security-group evaluation for one tcp/443 connection. Groups are stateful, so a flow needs an
// egress rule on the source side and an ingress rule on the destination side, never the reverse.
// A rule admits the peer by CIDR containment or by naming one of the peer's groups; AWS resolves
// such group references only within one region.
import type { SgRule } from '../model/schema';
import { cidrOf, contains, type Cidr } from './cidr';
import type { NetworkModel } from './model';

export const HTTPS_PORT = 443;

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
): GroupVerdict {
  const crossRegion: string[] = [];
  for (const groupId of groups) {
    const group = net.index.securityGroups.get(groupId)?.element;
    if (!group) continue;
    for (const rule of group[direction]) {
      if (!coversTcpPort(rule)) continue;
      if (rule.cidr !== undefined) {
        const block = cidrOf(rule.cidr);
        if (block && contains(block, peerRange))
          return { ok: true, admittedBy: { group: groupId, rule }, crossRegion };
      } else if (rule.securityGroup !== undefined && peerGroups.includes(rule.securityGroup)) {
        if (net.regionOfGroup(rule.securityGroup) === region)
          return { ok: true, admittedBy: { group: groupId, rule }, crossRegion };
        crossRegion.push(groupId);
      }
    }
  }
  return { ok: false, crossRegion };
}
