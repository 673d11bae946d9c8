// Security groups and their rules. A group's `name` and `description` force a new group (and a new
// group id, which Veeam's worker configurations hold) when they change, so both come from the element
// id; the display name is only a tag. Each rule is its own resource, addressed by what it allows.
import type { SecurityGroup, SgRule, Vpc } from '../../model/schema';
import { terraformLabel } from '../labels';
import { awsText, commentQuote, NameRegistry } from '../text';
import { groupDescription, groupName } from '../security-group-names';
import { peeringReady, providerRef, tags, type Context } from './context';
import { attr, hclList, hclString, type BodyItem, type TopBlock } from './hcl';
import type { Direction } from './labels';

export function groupBlocks(ctx: Context, vpc: Vpc, notes: string[]): TopBlock[] {
  const { labels } = ctx;
  const blocks: TopBlock[] = [];
  const names = new NameRegistry('-');
  for (const group of vpc.securityGroups) {
    blocks.push({
      type: 'resource',
      labels: ['aws_security_group', labels.securityGroup(group)],
      body: [
        attr('provider', providerRef(ctx, vpc)),
        attr('name', hclString(names.claim(groupName(group.id)))),
        attr('description', hclString(groupDescription(group.id))),
        attr('vpc_id', `aws_vpc.${labels.vpc(vpc)}.id`),
        tags(group.name || group.id),
      ],
    });
    for (const direction of ['ingress', 'egress'] as const) {
      for (const rule of group[direction]) {
        const made = ruleBlock(ctx, vpc, group, direction, rule);
        if (typeof made === 'string') notes.push(made);
        else blocks.push(made);
      }
    }
  }
  return blocks;
}

function ruleBlock(
  ctx: Context,
  vpc: Vpc,
  group: SecurityGroup,
  direction: Direction,
  rule: SgRule,
): TopBlock | string {
  const { labels, model } = ctx;
  const label = labels.rule(group, direction, rule)!;
  const body: BodyItem[] = [
    attr('provider', providerRef(ctx, vpc)),
    attr('security_group_id', `aws_security_group.${labels.securityGroup(group)}.id`),
    attr('ip_protocol', hclString(rule.protocol)),
  ];
  const comments: string[] = [];
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') {
    body.push(attr('from_port', String(rule.fromPort ?? 0)), attr('to_port', String(rule.toPort ?? 65535)));
  } else if (rule.protocol === 'icmp') {
    // For ICMP the "ports" are the type and code; -1 means all.
    body.push(attr('from_port', String(rule.fromPort ?? -1)), attr('to_port', String(rule.toPort ?? -1)));
  }
  if (rule.cidr !== undefined) {
    body.push(attr('cidr_ipv4', hclString(rule.cidr)));
  } else if (rule.securityGroup !== undefined) {
    const other = model.groupVpc(rule.securityGroup);
    if (!other) {
      return `The ${direction} rule ${label} is not exported: security group ${commentQuote(rule.securityGroup)} is not in the design.`;
    }
    const ref = `aws_security_group.${labels.securityGroup(other.group)}.id`;
    const otherAccount = terraformLabel(other.vpc.account);
    if (other.vpc.account !== vpc.account && ctx.accountIds.has(otherAccount)) {
      // A group in another account is named "<account>/<group id>" (AWS VPC peering guide).
      body.push(attr('referenced_security_group_id', `"\${local.account_ids.${otherAccount}}/\${${ref}}"`));
    } else {
      body.push(attr('referenced_security_group_id', ref));
    }
    if (other.vpc.region !== vpc.region) {
      comments.push(
        'AWS cannot reference a security group in another region; the validation panel flags this rule.',
      );
    }
    if (other.vpc !== vpc) {
      // Referencing a group across a peering needs the peering to be active first.
      const link = model.linkBetween(vpc, other.vpc);
      if (link) body.push(attr('depends_on', hclList([peeringReady(ctx, link)])));
    }
  }
  if (rule.description) {
    const text = awsText(rule.description);
    if (text) body.splice(3, 0, attr('description', hclString(text)));
  }
  return {
    comments,
    type: 'resource',
    labels: [`aws_vpc_security_group_${direction}_rule`, label],
    body,
  };
}
