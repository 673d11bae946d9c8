// What dropping a palette item somewhere means: the legality check (VPCs only into accounts,
// subnets only into VPCs, …) and the commands that build the new element with sensible defaults.
// Pure, so the mouse drop, the keyboard "add to selection" and tests share it.
import { IPv4, IPv4CidrRange, IPv4Prefix, Validator } from 'ip-num';
import type { Command } from '../../model/command';
import { addAccount } from '../../model/commands/account';
import { addEndpoint } from '../../model/commands/endpoint';
import { addRepository } from '../../model/commands/repository';
import { addSecurityGroup } from '../../model/commands/security-group';
import { addSubnet } from '../../model/commands/subnet';
import { addVpc, moveVpcToAccount, vpcMoveRefusal } from '../../model/commands/vpc';
import { addWorkerConfiguration } from '../../model/commands/worker-configuration';
import { newId, setFields } from '../../model/commands/element';
import { setAppliance } from '../../model/commands/appliance';
import { setLayout } from '../../model/commands/layout';
import { type Point } from '../../model/commands/helpers';
import { addTransitGateway } from '../../model/commands/transit-gateway';
import {
  createAccount,
  createAppliance,
  createEndpointGroup,
  createInterfaceEndpoint,
  createRepository,
  createSubnet,
  createTransitGateway,
  createVpc,
  createWorkerConfiguration,
  createWorkerGroup,
  KINDS,
} from '../../model/kinds';
import type { Design, Vpc } from '../../model/schema';
import { AWS_REGIONS } from '../../network/regions';

export const PALETTE = [
  { kind: 'account', label: 'Account', hint: 'onto the canvas' },
  { kind: 'vpc', label: 'VPC', hint: 'into an account' },
  { kind: 'subnet', label: 'Subnet', hint: 'into a VPC' },
  { kind: 'endpoint', label: 'Interface endpoint', hint: 'onto a subnet' },
  { kind: 'repository', label: 'S3 repository', hint: 'into an account' },
  { kind: 'transitGateway', label: 'Transit Gateway', hint: 'into an account' },
  { kind: 'appliance', label: 'Backup appliance', hint: 'onto a subnet' },
  { kind: 'worker', label: 'Worker configuration', hint: 'onto a subnet' },
] as const;

export type PaletteKind = (typeof PALETTE)[number]['kind'];

export const DRAG_MIME = 'application/x-pnd-palette';

export type DropTarget = { id: string; type: 'account' | 'vpc' | 'subnet' | 'repository' } | null;

export type DropResult =
  | { commands: Command[]; select: string }
  | { refused: string }
  | { pickServices: { vpc: string; subnet: string } };

const DEFAULT_REGION = 'us-east-1';

function parseCidr(cidr: string): IPv4CidrRange | null {
  return Validator.isValidIPv4CidrRange(cidr)[0] ? IPv4CidrRange.fromCidr(cidr) : null;
}

/** The first /16 in 10/8 that overlaps no VPC of the design. */
export function suggestVpcCidr(design: Design): string {
  const used = design.vpcs.flatMap((v) => [v.cidr, ...v.secondaryCidrs]).flatMap((c) => parseCidr(c) ?? []);
  for (let n = 0; n < 256; n++) {
    const candidate = IPv4CidrRange.fromCidr(`10.${n}.0.0/16`);
    if (!used.some((u) => u.isOverlapping(candidate))) return candidate.toCidrString();
  }
  return '10.0.0.0/16';
}

/** The first /24 (or the whole block, for VPCs smaller than /24) free inside the VPC. */
export function suggestSubnetCidr(vpc: Vpc): string | null {
  const blocks = [vpc.cidr, ...vpc.secondaryCidrs].flatMap((c) => parseCidr(c) ?? []);
  const used = vpc.subnets.flatMap((s) => parseCidr(s.cidr) ?? []);
  for (const block of blocks) {
    const prefix = Math.max(24, Number(block.cidrPrefix.getValue()));
    const candidates =
      prefix === Number(block.cidrPrefix.getValue())
        ? [block]
        : block.splitInto(IPv4Prefix.fromNumber(BigInt(prefix)));
    for (const c of candidates.slice(0, 4096))
      if (!used.some((u) => u.isOverlapping(c))) return c.toCidrString();
  }
  return null;
}

/** AWS keeps the first four addresses of a subnet; the appliance gets the tenth (or the first free). */
export function suggestApplianceIp(subnetCidr: string): string {
  const range = parseCidr(subnetCidr);
  if (!range) return '';
  const size = range.getSize();
  const offset = size > 16n ? 10n : size > 5n ? 4n : 0n;
  return new IPv4(range.getFirst().getValue() + offset).toString();
}

function regionOf(design: Design, account: string): string {
  return design.vpcs.find((v) => v.account === account)?.region ?? DEFAULT_REGION;
}

function firstAz(region: string): string {
  const r = AWS_REGIONS.find((x) => x.code === region);
  return `${region}${r?.azLetters[0] ?? 'a'}`;
}

const count = (n: number) => n + 1;

export function planDrop(design: Design, kind: PaletteKind, target: DropTarget, at?: Point): DropResult {
  const vpcOfSubnet = (subnet: string) => design.vpcs.find((v) => v.subnets.some((s) => s.id === subnet));
  const name = (id: string) =>
    design.accounts.find((a) => a.id === id)?.name ||
    design.vpcs.find((v) => v.id === id)?.name ||
    design.vpcs.flatMap((v) => v.subnets).find((s) => s.id === id)?.name ||
    id;
  switch (kind) {
    case 'account': {
      if (target) return { refused: `Accounts go on the canvas itself, not inside ${name(target.id)}.` };
      const id = newId(design, KINDS.account.idPrefix);
      const account = createAccount({ id, name: `Account ${count(design.accounts.length)}` });
      return { commands: [addAccount({ account, at })], select: id };
    }
    case 'vpc': {
      if (target?.type !== 'account')
        return {
          refused: target
            ? `A VPC goes directly into an account, not into ${name(target.id)}.`
            : 'Drop a VPC into an account.',
        };
      const id = newId(design, KINDS.vpc.idPrefix);
      const vpc = createVpc({
        id,
        name: `VPC ${count(design.vpcs.length)}`,
        account: target.id,
        region: regionOf(design, target.id),
        cidr: suggestVpcCidr(design),
        mainRouteTable: newId(design, `${KINDS.routeTable.idPrefix}-${id}`),
      });
      return { commands: [addVpc({ vpc, at })], select: id };
    }
    case 'subnet': {
      const vpc =
        target?.type === 'vpc'
          ? design.vpcs.find((v) => v.id === target.id)
          : target?.type === 'subnet'
            ? vpcOfSubnet(target.id)
            : undefined;
      if (!vpc)
        return {
          refused: target
            ? `A subnet goes into a VPC, not into ${name(target.id)}.`
            : 'Drop a subnet into a VPC.',
        };
      const cidr = suggestSubnetCidr(vpc);
      if (!cidr)
        return { refused: `${vpc.name || vpc.id} has no free address range left for another subnet.` };
      const id = newId(design, KINDS.subnet.idPrefix);
      const subnet = createSubnet({
        id,
        name: `subnet ${count(vpc.subnets.length)}`,
        cidr,
        az: firstAz(vpc.region),
      });
      // Dropped on a subnet: the new one goes beside it, not at the pointer inside the sibling.
      return {
        commands: [addSubnet({ vpc: vpc.id, subnet, at: target?.type === 'vpc' ? at : undefined })],
        select: id,
      };
    }
    case 'endpoint': {
      if (target?.type !== 'subnet') return { refused: 'Drop an interface endpoint onto a subnet.' };
      const vpc = vpcOfSubnet(target.id);
      if (!vpc) return { refused: 'Drop an interface endpoint onto a subnet.' };
      return { pickServices: { vpc: vpc.id, subnet: target.id } };
    }
    case 'repository': {
      if (target?.type !== 'account')
        return {
          refused: target
            ? `A repository belongs to an account, not to ${name(target.id)}.`
            : 'Drop a repository into an account.',
        };
      const id = newId(design, KINDS.repository.idPrefix);
      const region = regionOf(design, target.id);
      // The S3 interface endpoint in the repository's account and region, when there is exactly one.
      const s3 = design.vpcs
        .filter((v) => v.account === target.id && v.region === region)
        .flatMap((v) => v.endpoints)
        .filter((e) => e.service === 's3' && e.type === 'Interface');
      return {
        commands: [
          addRepository({
            repository: createRepository({
              id,
              name: `Repository ${count(design.repositories.length)}`,
              account: target.id,
              region,
              ...(s3.length === 1 ? { s3Endpoint: s3[0]!.id } : {}),
            }),
            at,
          }),
        ],
        select: id,
      };
    }
    case 'transitGateway': {
      if (target?.type !== 'account')
        return {
          refused: target
            ? `A Transit Gateway belongs to an account (it is regional, not inside a VPC), not to ${name(target.id)}.`
            : 'Drop a Transit Gateway into an account.',
        };
      const id = newId(design, 'tgw');
      const transitGateway = createTransitGateway({
        id,
        name: `TGW ${count(design.transitGateways.length)}`,
        account: target.id,
        region: regionOf(design, target.id),
        routeTable: newId(design, `tgw-rtb-${id}`),
      });
      return { commands: [addTransitGateway({ transitGateway, at })], select: id };
    }
    case 'appliance': {
      if (target?.type !== 'subnet') return { refused: 'Drop the backup appliance onto a subnet.' };
      if (design.appliance)
        return { refused: 'The design already has a backup appliance; a design describes one appliance.' };
      const vpc = vpcOfSubnet(target.id)!;
      const subnet = vpc.subnets.find((s) => s.id === target.id)!;
      const id = newId(design, KINDS.appliance.idPrefix);
      return {
        commands: [
          setAppliance({
            appliance: createAppliance({
              id,
              vpc: vpc.id,
              subnet: subnet.id,
              ip: suggestApplianceIp(subnet.cidr),
              securityGroups: vpc.securityGroups.slice(0, 1).map((g) => g.id),
            }),
          }),
        ],
        select: id,
      };
    }
    case 'worker': {
      if (target?.type !== 'subnet') return { refused: 'Drop a worker configuration onto a subnet.' };
      const vpc = vpcOfSubnet(target.id)!;
      const commands: Command[] = [];
      // Reuse a group that allows outbound traffic but is not an endpoint's (sharing the endpoints'
      // group would make their inbound rules the workers' too).
      const endpointGroups = new Set(vpc.endpoints.flatMap((e) => e.securityGroups));
      let group = vpc.securityGroups.find((g) => g.egress.length > 0 && !endpointGroups.has(g.id))?.id;
      if (!group) {
        group = newId(design, `sg-workers-${vpc.id}`);
        commands.push(addSecurityGroup({ vpc: vpc.id, securityGroup: createWorkerGroup({ id: group }) }));
      }
      const id = newId(design, `${KINDS.workerConfiguration.idPrefix}-${vpc.id}`);
      commands.push(
        addWorkerConfiguration({
          workerConfiguration: createWorkerConfiguration({
            id,
            name: `${vpc.name || vpc.id} workers`,
            account: vpc.account,
            region: vpc.region,
            vpc: vpc.id,
            subnet: target.id,
            securityGroup: group,
          }),
        }),
      );
      return { commands, select: id };
    }
  }
}

/**
 * Interface endpoints for the chosen services in a subnet. A service that already has an interface
 * endpoint in the VPC gains the subnet instead (one endpoint spans several subnets in AWS).
 */
export function endpointCommands(
  design: Design,
  vpcId: string,
  subnetId: string,
  services: readonly string[],
): Command[] {
  const vpc = design.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return [];
  const commands: Command[] = [];
  const taken = new Set<string>();
  let group = vpc.securityGroups.find((g) =>
    g.ingress.some(
      (r) =>
        r.protocol === '-1' ||
        (r.protocol === 'tcp' && (r.fromPort ?? 0) <= 443 && (r.toPort ?? 65535) >= 443),
    ),
  )?.id;
  for (const service of services) {
    const existing = vpc.endpoints.find((e) => e.service === service && e.type === 'Interface');
    if (existing) {
      if (!existing.subnets.includes(subnetId))
        commands.push(setFields({ id: existing.id, fields: { subnets: [...existing.subnets, subnetId] } }));
      continue;
    }
    if (!group) {
      group = newId(design, `sg-endpoints-${vpc.id}`);
      taken.add(group);
      // The VPC's own range covers every subnet a worker may sit in.
      commands.push(
        addSecurityGroup({ vpc: vpc.id, securityGroup: createEndpointGroup({ id: group, from: vpc.cidr }) }),
      );
    }
    const id = newId(design, `${KINDS.endpoint.idPrefix}-${service}`, taken);
    taken.add(id);
    const endpoint = createInterfaceEndpoint({ id, service, subnets: [subnetId], securityGroups: [group] });
    commands.push(addEndpoint({ vpc: vpc.id, endpoint, allowDuplicate: true }));
  }
  return commands;
}

/** The account a canvas container belongs to (itself, for an account). */
export function accountOf(design: Design, target: DropTarget): string | null {
  if (!target) return null;
  if (target.type === 'account') return target.id;
  if (target.type === 'repository')
    return design.repositories.find((r) => r.id === target.id)?.account ?? null;
  const vpc =
    target.type === 'vpc'
      ? design.vpcs.find((v) => v.id === target.id)
      : design.vpcs.find((v) => v.subnets.some((s) => s.id === target.id));
  return vpc?.account ?? null;
}

/**
 * What dragging a VPC or a repository to `at` (relative to the account under its centre, `target`)
 * means: a move inside its account, a move to another account (the same legality checks as the
 * Inspector's account field), or a refusal that says why.
 */
export function planMove(
  design: Design,
  kind: 'vpc' | 'repository',
  id: string,
  target: DropTarget,
  at: Point,
): { commands: Command[] } | { refused: string } {
  const account = accountOf(design, target);
  const what = kind === 'vpc' ? 'A VPC' : 'A repository';
  if (!account) return { refused: `${what} lives in an account: drop it inside one.` };
  const place = setLayout({ boxes: { [id]: { x: at.x, y: at.y } } });
  if (kind === 'vpc') {
    const vpc = design.vpcs.find((v) => v.id === id);
    if (!vpc) return { refused: 'No such VPC.' };
    if (vpc.account === account) return { commands: [place] };
    const refusal = vpcMoveRefusal(design, id, account);
    return refusal ? { refused: refusal } : { commands: [moveVpcToAccount({ vpc: id, account }), place] };
  }
  const repository = design.repositories.find((r) => r.id === id);
  if (!repository) return { refused: 'No such repository.' };
  if (repository.account === account) return { commands: [place] };
  // An S3 endpoint in a VPC of the old account is not one the new account's repository settings
  // can name; it is cleared, and repository/no-endpoint asks for a new one where that matters.
  const endpointStays = design.vpcs.some(
    (v) => v.account === account && v.endpoints.some((e) => e.id === repository.s3Endpoint),
  );
  return {
    commands: [
      setFields({ id, fields: { account, ...(endpointStays ? {} : { s3Endpoint: undefined }) } }),
      place,
    ],
  };
}
