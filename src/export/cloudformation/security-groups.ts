// Security groups and their rules. GroupName and GroupDescription replace the group (and change the
// group id Veeam's worker configurations hold) when they change, so both come from the element id;
// the display name is only a tag. Rules are separate resources whose logical ids say what they
// allow, so deleting one rule changes only that resource.
import type { SecurityGroup, SgRule, Vpc } from '../../model/schema';
import { logicalId } from '../labels';
import { groupDescription, groupName } from '../security-group-names';
import { awsText } from '../text';
import type { Builder, Stack } from './builder';
import { getAtt, idPart, literal, nameTags, ref, type Json } from './intrinsics';

function isDefaultEgress(rule: SgRule): boolean {
  return rule.protocol === '-1' && rule.cidr === '0.0.0.0/0';
}

function ruleProperties(rule: SgRule): Record<string, Json> {
  const properties: Record<string, Json> = { IpProtocol: rule.protocol };
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') {
    properties.FromPort = rule.fromPort ?? 0;
    properties.ToPort = rule.toPort ?? 65535;
  } else if (rule.protocol === 'icmp') {
    // For ICMP the "ports" are the type and code; -1 means all.
    properties.FromPort = rule.fromPort ?? -1;
    properties.ToPort = rule.toPort ?? -1;
  }
  const text = rule.description ? awsText(rule.description) : '';
  if (text) properties.Description = literal(text);
  return properties;
}

/**
 * What a rule allows, for its logical id: `Tcp443From10x0x0x0x16`, `AllToSgWorker`. A CIDR's part
 * starts with a digit and a logical id never does, so the two kinds cannot meet.
 */
function ruleIdPart(rule: SgRule, direction: 'ingress' | 'egress'): string {
  const port = (n: number | undefined, fallback: string) =>
    n === undefined ? fallback : n < 0 ? 'Any' : String(n);
  let what = 'All';
  if (rule.protocol !== '-1') {
    const icmp = rule.protocol === 'icmp';
    const from = port(rule.fromPort, icmp ? 'Any' : '0');
    const to = port(rule.toPort, icmp ? 'Any' : '65535');
    const name = rule.protocol.charAt(0).toUpperCase() + rule.protocol.slice(1);
    what = `${name}${from === to ? from : `${from}to${to}`}`;
  }
  const peer = rule.cidr !== undefined ? idPart(rule.cidr) : logicalId(rule.securityGroup ?? '');
  return `${what}${direction === 'ingress' ? 'From' : 'To'}${peer}`;
}

export function buildGroup(b: Builder, stack: Stack, vpc: Vpc, group: SecurityGroup) {
  const id = b.id(group);
  // A new group gets an allow-all egress rule unless the template lists its egress rules. When the
  // design has that rule it is listed; when it does not, a rule that matches nothing is listed in its
  // place (the placeholder AWS CDK uses), so the group allows only what the design says.
  const defaultEgress = group.egress.find(isDefaultEgress);
  const inlineEgress = defaultEgress
    ? [{ ...ruleProperties(defaultEgress), CidrIp: '0.0.0.0/0' }]
    : [
        {
          IpProtocol: 'icmp',
          FromPort: 252,
          ToPort: 86,
          CidrIp: '255.255.255.255/32',
          Description: 'Disallow all traffic',
        },
      ];
  b.resource(stack, id, 'AWS::EC2::SecurityGroup', {
    GroupName: groupName(group.id),
    GroupDescription: groupDescription(group.id),
    VpcId: ref(b.id(vpc)),
    SecurityGroupEgress: inlineEgress,
    Tags: nameTags(group.name || group.id),
  });

  for (const direction of ['ingress', 'egress'] as const) {
    for (const rule of group[direction]) {
      if (direction === 'egress' && rule === defaultEgress) continue;
      buildRule(b, stack, vpc, group, direction, rule);
    }
  }
}

function buildRule(
  b: Builder,
  stack: Stack,
  vpc: Vpc,
  group: SecurityGroup,
  direction: 'ingress' | 'egress',
  rule: SgRule,
) {
  const id = b.id(group);
  const ruleId = stack.ids.claim(
    `${id}${direction === 'ingress' ? 'Ingress' : 'Egress'}${ruleIdPart(rule, direction)}`,
  );
  const properties: Record<string, Json> = { GroupId: getAtt(id, 'GroupId'), ...ruleProperties(rule) };
  const extra: Record<string, Json> = {};
  const type = direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress';
  if (rule.cidr !== undefined) {
    properties.CidrIp = rule.cidr;
    b.resource(stack, ruleId, type, properties, extra);
    return;
  }
  const other = rule.securityGroup === undefined ? undefined : b.model.groupVpc(rule.securityGroup);
  if (!other) {
    stack.notes.push(
      `A ${direction} rule of ${group.id} is not exported: security group ${rule.securityGroup} is not in the design.`,
    );
    return;
  }
  if (direction === 'egress' && other.vpc.account !== vpc.account) {
    manualCrossAccountEgress(b, stack, vpc, group, rule, other.group);
    return;
  }
  // Referencing a peer's group needs the peering active (AWS VPC peering guide).
  const link = other.vpc === vpc ? undefined : b.model.linkBetween(vpc, other.vpc);
  let minRound = 0;
  let linkConditions: string[] = [];
  if (link) {
    const peering = b.placed.get(link.peering)!;
    if (peering.stack === stack) {
      linkConditions = b.peeringRef(stack, link).conditions;
      extra.DependsOn = peering.id;
    } else {
      minRound = b.peeringOutput(link).round + 1;
    }
  }
  const resolved = b.groupRef(
    stack,
    other.group,
    `Security group id of "${other.group.name || other.group.id}"`,
    minRound,
  );
  properties[direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId'] =
    resolved.value;
  if (direction === 'ingress' && other.vpc.account !== vpc.account) {
    const number = b.accountNumber(other.vpc.account);
    if (number !== undefined) properties.SourceSecurityGroupOwnerId = number;
  }
  const condition = b.condition(stack, ruleId, [...resolved.conditions, ...linkConditions]);
  if (condition) extra.Condition = condition;
  b.resource(stack, ruleId, type, properties, extra);
}

/**
 * AWS::EC2::SecurityGroupEgress has no owner field, so an egress rule towards a group in another
 * account cannot be written in a template. It is left out of the stack and DEPLOY.md gives the
 * AWS CLI call that adds it once both groups exist.
 */
function manualCrossAccountEgress(
  b: Builder,
  stack: Stack,
  vpc: Vpc,
  group: SecurityGroup,
  rule: SgRule,
  other: SecurityGroup,
) {
  const own = b.groupOutput(group);
  const theirs = b.groupOutput(other);
  const number = b.accountNumber(b.model.groupVpc(other.id)!.vpc.account)?.replace(/[^0-9]/g, '');
  const owner = number || '<account number>';
  const ports =
    rule.protocol === '-1'
      ? ''
      : `,FromPort=${rule.fromPort ?? (rule.protocol === 'icmp' ? -1 : 0)},ToPort=${rule.toPort ?? (rule.protocol === 'icmp' ? -1 : 65535)}`;
  const region = vpc.region.replace(/[^A-Za-z0-9-]/g, '');
  stack.steps.push({
    what: `Egress rule of group ${group.id} to group ${other.id} in account ${owner}`,
    command:
      `aws ec2 authorize-security-group-egress --region ${region} --group-id <${own.name} of ${own.stack.name}> ` +
      `--ip-permissions 'IpProtocol=${rule.protocol}${ports},UserIdGroupPairs=[{UserId=${owner},GroupId=<${theirs.name} of ${theirs.stack.name}>}]'`,
  });
}
