// Design commands (the plain-data fixes of src/model/commands) → the AWS CLI calls that make the
// same change in the real account. Each command is read against the design as it stands just
// before it, so a script for "Fix all" can refer to what an earlier step created (through a shell
// variable holding the new id).
import { applyCommand, describeCommand, vpcHolding, type Command } from '../../model/command';
import type { CommandType } from '../../model/commands';
import type { Design, Route, SgRule, Vpc } from '../../model/schema';
import { byHand, ref, where, type Context, type Translator } from './context';
import { isAwsId } from './ids';
import { createdVariable, shellQuote } from './shell';
import { setReferencing, TGW_TRANSLATORS, vpcRouteToTgw } from './translate-tgw';

export interface AwsCliStep {
  /** The design change, in words (describeCommand). */
  title: string;
  /** Runnable shell lines; commented out when `unresolved` is not empty. */
  lines: string[];
  /** Account numbers whose profile the lines use. */
  accounts: string[];
  /** Design ids the lines need that are not AWS ids (drawn by hand, never imported). */
  unresolved: string[];
}

function ipPermissions(ctx: Context, rule: SgRule, groupVpc: Vpc | undefined): string {
  const ports =
    rule.protocol === 'tcp' || rule.protocol === 'udp'
      ? { FromPort: rule.fromPort ?? 0, ToPort: rule.toPort ?? 65535 }
      : rule.protocol === 'icmp'
        ? { FromPort: rule.fromPort ?? -1, ToPort: rule.toPort ?? -1 }
        : {};
  const description = rule.description !== undefined ? { Description: rule.description } : {};
  let source: object;
  if (rule.cidr !== undefined) source = { IpRanges: [{ CidrIp: rule.cidr, ...description }] };
  else {
    const id = rule.securityGroup!;
    const owner = vpcHolding(ctx.before, id);
    const variable = ctx.created.get(id);
    if (!variable && !isAwsId(id)) ctx.unresolved.add(id);
    const number = ctx.before.accounts.find((a) => a.id === owner?.account)?.accountId;
    // A group of another account is named with its owner (UserId), as AWS needs across a peering.
    const userId =
      owner && groupVpc && owner.account !== groupVpc.account && number ? { UserId: number } : {};
    source = {
      UserIdGroupPairs: [{ GroupId: variable ? `__VAR_${variable}__` : id, ...userId, ...description }],
    };
  }
  const json = JSON.stringify([{ IpProtocol: rule.protocol, ...ports, ...source }]);
  // A created group's id is only known when the script runs: splice the variable into the JSON.
  const quoted = shellQuote(json);
  return quoted.replace(/__VAR_([A-Z0-9_]+)__/g, `'"$$$1"'`);
}

/** Group names are unique per VPC in AWS and may not start with "sg-": number repeats. */
function groupName(vpc: Vpc, groupId: string): string {
  const group = vpc.securityGroups.find((g) => g.id === groupId)!;
  const base = (group.name || 'endpoints').replace(/^sg-/i, 'group-');
  const same = vpc.securityGroups.filter((g) => (g.name || 'endpoints').replace(/^sg-/i, 'group-') === base);
  const n = same.indexOf(group);
  return n <= 0 ? base : `${base} ${n + 1}`;
}

/**
 * Every command type (src/model/commands/index.ts), so a new one cannot be forgotten: a translator,
 * or `byHand` where the script only says to make the change by hand (canvas edits, and what has no
 * single call: creating a TGW or its tables, a TGW peering).
 */
const TRANSLATORS: { readonly [T in CommandType]: Translator } = {
  'route/add'(ctx, c) {
    const p = c as unknown as { vpc?: string; routeTable?: string; route: Route };
    if (p.route.peering === undefined && p.route.transitGateway === undefined) return byHand(ctx, c);
    const vpc = p.vpc
      ? ctx.before.vpcs.find((v) => v.id === p.vpc)
      : vpcHolding(ctx.before, p.routeTable ?? '');
    const table = p.routeTable ?? vpc?.routeTables.find((t) => t.main)?.id;
    if (!table)
      return ['# the VPC has no main route table in the design: pick the table for this route by hand'];
    if (p.route.transitGateway !== undefined)
      return [vpcRouteToTgw(ctx, table, p.route.destination, p.route.transitGateway, where(ctx, vpc))];
    return [
      `aws ec2 create-route --route-table-id ${ref(ctx, table)} --destination-cidr-block ${shellQuote(p.route.destination)} --vpc-peering-connection-id ${ref(ctx, p.route.peering!)} ${where(ctx, vpc)}`,
    ];
  },
  'route/set-target'(ctx, c) {
    const p = c as unknown as { routeTable: string; destination: string; peering: string };
    return [
      `aws ec2 replace-route --route-table-id ${ref(ctx, p.routeTable)} --destination-cidr-block ${shellQuote(p.destination)} --vpc-peering-connection-id ${ref(ctx, p.peering)} ${where(ctx, vpcHolding(ctx.before, p.routeTable))}`,
    ];
  },
  'sg-rule/add'(ctx, c) {
    const p = c as unknown as { securityGroup: string; direction: 'ingress' | 'egress'; rule: SgRule };
    const vpc = vpcHolding(ctx.before, p.securityGroup);
    return [
      `aws ec2 authorize-security-group-${p.direction} --group-id ${ref(ctx, p.securityGroup)} --ip-permissions ${ipPermissions(ctx, p.rule, vpc)} ${where(ctx, vpc)}`,
    ];
  },
  'sg-rule/set'(ctx, c) {
    const p = c as unknown as {
      securityGroup: string;
      direction: 'ingress' | 'egress';
      index: number;
      rule: SgRule;
    };
    const vpc = vpcHolding(ctx.before, p.securityGroup);
    const group = vpc?.securityGroups.find((g) => g.id === p.securityGroup);
    const old = group?.[p.direction][p.index];
    // AWS edits a rule only by its sgr- id, which a design does not hold: the corrected rule is
    // authorized first and the old one revoked after, so the traffic it carried never stops.
    const lines = [
      `aws ec2 authorize-security-group-${p.direction} --group-id ${ref(ctx, p.securityGroup)} --ip-permissions ${ipPermissions(ctx, p.rule, vpc)} ${where(ctx, vpc)}`,
    ];
    if (old)
      lines.push(
        `aws ec2 revoke-security-group-${p.direction} --group-id ${ref(ctx, p.securityGroup)} --ip-permissions ${ipPermissions(ctx, old, vpc)} ${where(ctx, vpc)}`,
      );
    return lines;
  },
  'peering/accept'(ctx, c) {
    const p = c as unknown as { peering: string };
    const peering = ctx.before.peerings.find((x) => x.id === p.peering);
    const accepter = ctx.before.vpcs.find((v) => v.id === peering?.accepter);
    // Only the accepter's account can accept, in the accepter VPC's region.
    return [
      `aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${ref(ctx, p.peering)} ${where(ctx, accepter)}`,
    ];
  },
  'vpc/set-dns'(ctx, c) {
    const p = c as unknown as { vpc: string; dnsSupport: boolean; dnsHostnames: boolean };
    const vpc = ctx.before.vpcs.find((v) => v.id === p.vpc);
    const lines: string[] = [];
    // modify-vpc-attribute takes one attribute per call; hostnames need support on first.
    const support = `aws ec2 modify-vpc-attribute --vpc-id ${ref(ctx, p.vpc)} --enable-dns-support '{"Value":${p.dnsSupport}}' ${where(ctx, vpc)}`;
    const hostnames = `aws ec2 modify-vpc-attribute --vpc-id ${ref(ctx, p.vpc)} --enable-dns-hostnames '{"Value":${p.dnsHostnames}}' ${where(ctx, vpc)}`;
    if (vpc?.dnsSupport !== p.dnsSupport && p.dnsSupport) lines.push(support);
    if (vpc?.dnsHostnames !== p.dnsHostnames) lines.push(hostnames);
    if (vpc?.dnsSupport !== p.dnsSupport && !p.dnsSupport) lines.push(support);
    return lines;
  },
  'endpoint/set-private-dns'(ctx, c) {
    const p = c as unknown as { endpoint: string; privateDns: boolean };
    return [
      `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ref(ctx, p.endpoint)} ${p.privateDns ? '--private-dns-enabled' : '--no-private-dns-enabled'} ${where(ctx, vpcHolding(ctx.before, p.endpoint))}`,
    ];
  },
  'endpoint/add-subnet'(ctx, c) {
    const p = c as unknown as { endpoint: string; subnet: string };
    return [
      `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ref(ctx, p.endpoint)} --add-subnet-ids ${ref(ctx, p.subnet)} ${where(ctx, vpcHolding(ctx.before, p.endpoint))}`,
    ];
  },
  'endpoint/add'(ctx, c) {
    const p = c as unknown as { vpc: string };
    const before = ctx.before.vpcs.find((v) => v.id === p.vpc);
    const after = ctx.after.vpcs.find((v) => v.id === p.vpc);
    if (!before || !after) return [];
    const lines: string[] = [];
    const at = where(ctx, before);
    for (const g of after.securityGroups.filter((x) => !before.securityGroups.some((y) => y.id === x.id))) {
      const variable = createdVariable(g.id);
      lines.push(
        `${variable}=$(aws ec2 create-security-group --group-name ${shellQuote(groupName(after, g.id))} --description ${shellQuote(`${g.name || 'endpoints'} (Private Network Designer)`)} --vpc-id ${ref(ctx, p.vpc)} --query GroupId --output text ${at})`,
      );
      ctx.created.set(g.id, variable);
      for (const rule of g.ingress)
        lines.push(
          `aws ec2 authorize-security-group-ingress --group-id "$${variable}" --ip-permissions ${ipPermissions(ctx, rule, before)} ${at}`,
        );
    }
    for (const e of after.endpoints.filter((x) => !before.endpoints.some((y) => y.id === x.id))) {
      const variable = createdVariable(e.id);
      const subnets = e.subnets.map((s) => ref(ctx, s)).join(' ');
      const groups = e.securityGroups.map((g) => ref(ctx, g)).join(' ');
      lines.push(
        `${variable}=$(aws ec2 create-vpc-endpoint --vpc-id ${ref(ctx, p.vpc)} --vpc-endpoint-type Interface --service-name ${shellQuote(`com.amazonaws.${before.region}.${e.service}`)}${subnets ? ` --subnet-ids ${subnets}` : ''}${groups ? ` --security-group-ids ${groups}` : ''} ${e.privateDns ? '--private-dns-enabled' : '--no-private-dns-enabled'} --query VpcEndpoint.VpcEndpointId --output text ${at})`,
      );
      ctx.created.set(e.id, variable);
    }
    return lines;
  },
  'endpoint/remove-duplicate'(ctx, c) {
    const p = c as unknown as { keep: string; drop: string };
    const vpc = vpcHolding(ctx.before, p.keep);
    const before = vpc?.endpoints.find((e) => e.id === p.keep);
    const after = vpcHolding(ctx.after, p.keep)?.endpoints.find((e) => e.id === p.keep);
    if (!before || !after) return [];
    const subnets = after.subnets.filter((s) => !before.subnets.includes(s)).map((s) => ref(ctx, s));
    const groups = after.securityGroups
      .filter((g) => !before.securityGroups.includes(g))
      .map((g) => ref(ctx, g));
    const lines: string[] = [];
    if (subnets.length || groups.length)
      lines.push(
        `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ref(ctx, p.keep)}${subnets.length ? ` --add-subnet-ids ${subnets.join(' ')}` : ''}${groups.length ? ` --add-security-group-ids ${groups.join(' ')}` : ''} ${where(ctx, vpc)}`,
      );
    lines.push(`aws ec2 delete-vpc-endpoints --vpc-endpoint-ids ${ref(ctx, p.drop)} ${where(ctx, vpc)}`);
    return lines;
  },
  'subnet/set-public-ip'(ctx, c) {
    const p = c as unknown as { subnet: string; mapPublicIpOnLaunch: boolean };
    return [
      `aws ec2 modify-subnet-attribute --subnet-id ${ref(ctx, p.subnet)} ${p.mapPublicIpOnLaunch ? '--map-public-ip-on-launch' : '--no-map-public-ip-on-launch'} ${where(ctx, vpcHolding(ctx.before, p.subnet))}`,
    ];
  },
  'design/set': byHand,
  'element/set': setReferencing,
  'element/delete': byHand,
  'layout/set': byHand,
  'layout/tidy': byHand,
  'account/add': byHand,
  'vpc/add': byHand,
  'vpc/move-account': byHand,
  'subnet/add': byHand,
  'route-table/add': byHand,
  'route-table/set-main': byHand,
  'route/set': byHand,
  'route/remove': byHand,
  'security-group/add': byHand,
  'sg-rule/remove': byHand,
  'peering/connect': byHand,
  'transit-gateway/add': byHand,
  'tgw-route-table/add': byHand,
  ...TGW_TRANSLATORS,
  'appliance/set': byHand,
  'repository/add': byHand,
  'worker-configuration/add': byHand,
  'operation/add': byHand,
  'operation/move': byHand,
};

/** One step per command that changes the design, in order. */
export function awsCliSteps(design: Design, commands: readonly Command[]): AwsCliStep[] {
  const steps: AwsCliStep[] = [];
  const created = new Map<string, string>();
  let current = design;
  for (const command of commands) {
    const after = applyCommand(current, command);
    if (after === current) continue;
    const ctx: Context = { before: current, after, created, unresolved: new Set(), accounts: new Set() };
    const translate = (TRANSLATORS as Record<string, Translator | undefined>)[command.type] ?? byHand;
    const lines = translate(ctx, command);
    steps.push({
      title: describeCommand(current, command),
      lines: ctx.unresolved.size ? lines.map((l) => (l.startsWith('#') ? l : `# ${l}`)) : lines,
      accounts: [...ctx.accounts],
      unresolved: [...ctx.unresolved],
    });
    current = after;
  }
  return steps;
}
