// AWS groups a security group's rules: one IpPermission holds a protocol and port range with any
// number of CIDRs and group pairs. The design holds one source or destination per rule, so each
// permission becomes one rule per CIDR and per group pair. IPv6 ranges and prefix lists are not
// part of the format and are reported as not judged.
import type { SgRule } from '../../model/schema';
import type { ImportLog } from '../findings';
import type { IpPermission } from './shapes';

/** Protocol numbers the API may print instead of names (IANA: 6 tcp, 17 udp, 1 icmp). */
const PROTOCOLS: Record<string, SgRule['protocol']> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  '-1': '-1',
};

export interface RuleContext {
  log: ImportLog;
  file: string;
  /** JSON path of the group in its file. */
  path: string;
  groupId: string;
  /** Group ids in the import: a pair naming another one cannot be judged. */
  knownGroups: ReadonlySet<string>;
}

export function expandPermissions(
  permissions: readonly IpPermission[] | undefined,
  direction: 'ingress' | 'egress',
  ctx: RuleContext,
): SgRule[] {
  const rules: SgRule[] = [];
  const member = direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  (permissions ?? []).forEach((p, i) => {
    const where = { file: ctx.file, path: `${ctx.path}.${member}[${i}]`, elements: [ctx.groupId] };
    const protocol = PROTOCOLS[p.IpProtocol.toLowerCase()];
    if (!protocol) {
      ctx.log.add(
        'not-judged',
        'info',
        `${direction} rule of ${ctx.groupId} for protocol ${p.IpProtocol} is not judged (the design holds tcp, udp, icmp and all traffic)`,
        where,
      );
      return;
    }
    const ports =
      protocol === 'tcp' || protocol === 'udp'
        ? {
            ...(p.FromPort !== undefined ? { fromPort: p.FromPort } : {}),
            ...(p.ToPort !== undefined ? { toPort: p.ToPort } : {}),
          }
        : {};
    for (const range of p.IpRanges ?? [])
      rules.push({
        protocol,
        ...ports,
        cidr: range.CidrIp,
        ...(range.Description !== undefined ? { description: range.Description } : {}),
      });
    for (const pair of p.UserIdGroupPairs ?? []) {
      if (!pair.GroupId || !ctx.knownGroups.has(pair.GroupId)) {
        ctx.log.add(
          'not-judged',
          'info',
          `${direction} rule of ${ctx.groupId} names group ${pair.GroupId ?? '(no id)'}${pair.UserId ? ` of account ${pair.UserId}` : ''}, which is not in the collection; not judged`,
          where,
        );
        continue;
      }
      rules.push({
        protocol,
        ...ports,
        securityGroup: pair.GroupId,
        ...(pair.Description !== undefined ? { description: pair.Description } : {}),
      });
    }
    if (p.Ipv6Ranges?.length)
      ctx.log.add(
        'not-judged',
        'info',
        `${direction} rule of ${ctx.groupId} for ${p.Ipv6Ranges.map((r) => r.CidrIpv6).join(', ')}: IPv6 is not judged`,
        where,
      );
    if (p.PrefixListIds?.length)
      ctx.log.add(
        'not-judged',
        'info',
        `${direction} rule of ${ctx.groupId} for prefix list ${p.PrefixListIds.map((r) => r.PrefixListId).join(', ')}: prefix lists are not judged`,
        where,
      );
  });
  return rules;
}
