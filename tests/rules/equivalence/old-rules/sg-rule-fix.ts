// The fix for a security group that does not let tcp/443 through: edit the rule that was meant to
// (same peer, wrong ports; or right ports, a narrower peer) rather than add a second rule beside it
// and leave the first one misleading. Only when no rule comes close is a rule added.
import type { Command } from '../../../../src/model/command';
import { addSgRule, setSgRule, type RuleDirection } from '../../../../src/model/commands/sg-rule';
import type { Design, SgRule } from '../../../../src/model/schema';
import { cidrOf, contains } from '../../../../src/network/cidr';
import type { Fix } from './types';

const HTTPS = 443;
/** SSH and RDP. */
const ADMIN_PORTS = new Set([22, 3389]);

const portsText = (r: SgRule) =>
  r.protocol === '-1'
    ? 'all traffic'
    : `${r.protocol}/${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}`;

const admits443 = (r: SgRule) =>
  r.protocol === '-1' || (r.protocol === 'tcp' && (r.fromPort ?? 0) <= HTTPS && HTTPS <= (r.toPort ?? 65535));

/** The rule a user most likely meant for this traffic, and how to change it, or none. */
export function ruleMeantFor(
  rules: readonly SgRule[],
  range: string,
): { index: number; rule: SgRule; change: 'ports' | 'peer' } | undefined {
  const wanted = cidrOf(range);
  if (!wanted) return undefined;
  for (const [index, rule] of rules.entries()) {
    const peer = cidrOf(rule.cidr);
    if (!peer || rule.protocol !== 'tcp') continue;
    // Same peer (or wider), one port that is not 443: the ports were narrowed. Remote-login ports
    // are left alone: such a rule is there on purpose, so the fix adds a rule beside it instead.
    if (
      contains(peer, wanted) &&
      !admits443(rule) &&
      rule.fromPort === rule.toPort &&
      !ADMIN_PORTS.has(rule.fromPort ?? -1)
    )
      return { index, rule, change: 'ports' };
    // Ports that include 443, a peer inside the range: the source or destination was narrowed.
    if (admits443(rule) && contains(wanted, peer) && peer.text !== wanted.text)
      return { index, rule, change: 'peer' };
  }
  return undefined;
}

export interface Admit443 {
  group: string;
  groupName: string;
  direction: RuleDirection;
  range: string;
  description: string;
  /** The title when a new rule is added. */
  addTitle: string;
}

export function admit443Fix(design: Design, need: Admit443): Fix {
  const group = design.vpcs.flatMap((v) => v.securityGroups).find((g) => g.id === need.group);
  const meant = group && ruleMeantFor(group[need.direction], need.range);
  const peerWord = need.direction === 'ingress' ? 'from' : 'to';
  if (meant) {
    const { index, rule, change } = meant;
    const next: SgRule =
      change === 'ports' ? { ...rule, fromPort: HTTPS, toPort: HTTPS } : { ...rule, cidr: need.range };
    const was = `${need.direction} rule ${portsText(rule)} ${peerWord} ${rule.cidr}`;
    const title =
      change === 'ports'
        ? `Change ${was} in security group "${need.groupName}" to tcp/443`
        : `Widen ${was} in security group "${need.groupName}" to ${need.range}`;
    const command: Command = setSgRule({
      securityGroup: need.group,
      direction: need.direction,
      index,
      rule: next,
    });
    return { title, commands: [command] };
  }
  return {
    title: need.addTitle,
    commands: [
      addSgRule({
        securityGroup: need.group,
        direction: need.direction,
        rule: {
          protocol: 'tcp',
          fromPort: HTTPS,
          toPort: HTTPS,
          cidr: need.range,
          description: need.description,
        },
      }),
    ],
  };
}
