// From operations to requirements: where each operation's workers run, which worker configuration
// they use, which interface endpoints their VPC needs, and the tcp/443 flows of rules.md section 2.
// Everything is derived from OPERATION_REQUIREMENTS; nothing here judges the network.
import type { DesignIndex } from '../model/design-index';
import { backupAccountOf } from '../model/roles';
import type { Endpoint, Operation, Repository, Subnet, Vpc, WorkerConfiguration } from '../model/schema';
import { blockHolding, cidrOf, hostCidr } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import type { FlowSource } from '../network/reachability';
import type { FlowKind } from './flow-types';
import { OPERATION_REQUIREMENTS } from './operations';
import { PlannedFlow } from './planned-flow';

export { PlannedFlow };
import { repositoryTarget, UnmetFlows, type UnmetFlow } from './unmet-flows';

/** A worker configuration whose VPC, subnet and group all exist where they should. */
export interface ResolvedConfiguration {
  config: WorkerConfiguration;
  vpc: Vpc;
  subnet: Subnet;
}

export interface WorkerPlacement {
  operation: Operation;
  account?: string;
  region?: string;
  /** Every configuration Veeam may pick for this operation. */
  configurations: readonly WorkerConfiguration[];
  /**
   * - `no-configuration`: none for the (account, region), so Veeam falls back to default settings;
   * - `production-only`: rds/efs workers only run in the production account and VPC, and the
   *   region's configurations are all elsewhere.
   */
  problem?: 'no-configuration' | 'production-only';
}

/** An interface endpoint service some worker VPC needs. */
export interface EndpointNeed {
  vpc: Vpc;
  service: string;
  operations: string[];
  /** The worker subnets that must reach it, and the workers' groups. */
  subnets: Subnet[];
  groups: string[];
  /** The existing interface endpoints of that service in the VPC (empty: endpoint/missing). */
  endpoints: Endpoint[];
}

export interface Requirements {
  backupAccount?: string;
  placements: WorkerPlacement[];
  endpointNeeds: EndpointNeed[];
  /** Repositories some operation uses, with those operations. */
  usedRepositories: Map<string, string[]>;
  flows: PlannedFlow[];
  /** Required flows whose endpoint does not exist (see unmet-flows.ts). */
  unmet: UnmetFlow[];
}

interface WorkerSource {
  rc: ResolvedConfiguration;
  source: FlowSource;
  /** The worker VPC block holding the worker subnet: what fixes admit and route back. */
  workerBlock: string;
  /** Its flows so far (a handful: one per service and repository endpoint). */
  flows: PlannedFlow[];
  /** The same by kind and target endpoint id, once there are too many to scan. */
  byTarget?: Map<string, PlannedFlow>;
  /** The workers' group, and the next source in the same subnet (with another group). */
  group: string;
  sameSubnet: WorkerSource | undefined;
}

/**
 * A need as derivation builds it: the next need of the same VPC, the last operation added (to skip
 * repeats without a scan) and which of its three arrays it owns already (bits OPERATIONS, SUBNETS,
 * GROUPS). A worker VPC's needs form a chain, one per service in the order they arose: a large
 * design has thousands of worker VPCs, and per-VPC arrays were most of what needs allocated.
 */
interface NeedInProgress extends EndpointNeed {
  next: NeedInProgress | undefined;
  lastOp: string;
  owned: number;
}

/** A worker VPC's needs: the chain's ends and the arrays the needs created last share. */
interface VpcNeeds {
  first: NeedInProgress;
  last: NeedInProgress;
  /**
   * The one-element operations, subnets and groups arrays of the need created last. The needs one
   * operation's workers create together start with the same three, so they share them until one
   * need gains another element: its first growth copies the array (see `grow`).
   */
  fresh: { operations: string[]; subnets: Subnet[]; groups: string[] };
}

const OPERATIONS = 1;
const SUBNETS = 2;
const GROUPS = 4;

const SCAN_LIMIT = 16;

export function interfaceEndpointsOf(vpc: Vpc, service: string): Endpoint[] {
  // Usually one endpoint per service: an exact-size array for it, a filter only beyond that.
  const all = vpc.endpoints;
  let found: Endpoint | undefined;
  for (let i = 0; i < all.length; i++) {
    const e = all[i]!;
    if (e.type !== 'Interface' || e.service !== service) continue;
    if (found) return all.filter((x) => x.type === 'Interface' && x.service === service);
    found = e;
  }
  return found ? [found] : [];
}

/** The endpoint clients resolve for a service: the one with private DNS, else the first. */
export function preferredEndpoint(endpoints: readonly Endpoint[]): Endpoint | undefined {
  return endpoints.find((e) => e.privateDns) ?? endpoints[0];
}

export function resolveConfiguration(
  index: DesignIndex,
  config: WorkerConfiguration,
): ResolvedConfiguration | undefined {
  // The subnet and group must be the VPC's own, so they are looked for there.
  const vpc = index.vpcs.get(config.vpc)?.element;
  if (!vpc) return undefined;
  const subnet = vpc.subnets.find((s) => s.id === config.subnet);
  if (!subnet || !vpc.securityGroups.some((g) => g.id === config.securityGroup)) return undefined;
  return { config, vpc, subnet };
}

const NO_SERVICES: readonly string[] = [];
/** Shared by every placement without configurations (placements are read, never changed). */
const NO_CONFIGURATIONS: readonly WorkerConfiguration[] = [];

export function deriveRequirements(index: DesignIndex, net: NetworkModel): Requirements {
  const design = index.design;
  const backupAccount = backupAccountOf(design);
  const result: Requirements = {
    backupAccount,
    placements: [],
    endpointNeeds: [],
    usedRepositories: new Map(),
    flows: [],
    unmet: [],
  };
  if (!design.privateNetworkDeployment) return result;
  const name = index.nameOf;

  // Configurations by account, then region (nested maps: no key string per operation).
  const configsByPlace = new Map<string, Map<string, WorkerConfiguration[]>>();
  const regionsWithConfigs = new Set<string>();
  for (const c of design.workerConfigurations) {
    let byRegion = configsByPlace.get(c.account);
    if (!byRegion) configsByPlace.set(c.account, (byRegion = new Map()));
    const list = byRegion.get(c.region);
    if (list) list.push(c);
    else byRegion.set(c.region, [c]);
    regionsWithConfigs.add(c.region);
  }

  const needs = new Map<string, VpcNeeds>();
  const workerFlows: PlannedFlow[] = [];
  // Per worker configuration: its flow source, computed once however many operations use it,
  // and its flows by target endpoint (plain lookups: this loop runs for every operation).
  const sources = new Map<string, WorkerSource | null>();
  // Configurations placing workers in the same subnet with the same group are one flow source;
  // the same subnet with another group is another source, whose flows get ids of their own.
  // By subnet id, a chain of one source per group.
  const sourcesAt = new Map<string, WorkerSource>();
  const workerSource = (config: WorkerConfiguration): WorkerSource | null => {
    let hit = sources.get(config.id);
    if (hit === undefined) {
      const rc = resolveConfiguration(index, config);
      const range = rc && cidrOf(rc.subnet.cidr);
      hit = null;
      if (rc) {
        const group = config.securityGroup;
        const first = sourcesAt.get(rc.subnet.id);
        let others = 0;
        let last: WorkerSource | undefined;
        for (let s = first; s; s = s.sameSubnet) {
          if (s.group === group) hit = s;
          others++;
          last = s;
        }
        if (!hit && range) {
          hit = {
            rc,
            source: {
              id: rc.subnet.id,
              flowKey: others === 0 ? undefined : `${rc.subnet.id}+${group}`,
              label: `workers in subnet "${name(rc.subnet.id)}"`,
              vpc: rc.vpc,
              subnets: [rc.subnet],
              range,
              groups: [group],
              checkEgress: true,
            },
            workerBlock: blockHolding(net.blocksOf(rc.vpc), range)?.text ?? range.text,
            flows: [],
            group,
            sameSubnet: undefined,
          };
          if (last) last.sameSubnet = hit;
          else sourcesAt.set(rc.subnet.id, hit);
        }
      }
      sources.set(config.id, hit);
    }
    return hit;
  };
  // Arrays start at their exact size (a push onto [] reserves room for 16), and the needs created
  // together share them: a large design has thousands of needs, and what validation allocates it
  // also pays for in garbage collection.
  /** `array` with `item` added; copied first unless the need owns that array already. */
  const grow = <T>(need: NeedInProgress, bit: number, array: T[], item: T): T[] => {
    if (array.includes(item)) return array;
    if (need.owned & bit) {
      array.push(item);
      return array;
    }
    need.owned |= bit;
    return [...array, item];
  };
  const newNeed = (vpc: Vpc, service: string, opId: string, start: VpcNeeds['fresh']): NeedInProgress => ({
    vpc,
    service,
    operations: start.operations,
    subnets: start.subnets,
    groups: start.groups,
    endpoints: interfaceEndpointsOf(vpc, service),
    next: undefined,
    lastOp: opId,
    owned: 0,
  });
  const needFor = (vpc: Vpc, service: string, opId: string, subnet: Subnet, group: string): EndpointNeed => {
    const slot = needs.get(vpc.id);
    if (!slot) {
      const fresh = { operations: [opId], subnets: [subnet], groups: [group] };
      const need = newNeed(vpc, service, opId, fresh);
      needs.set(vpc.id, { first: need, last: need, fresh });
      return need;
    }
    let need: NeedInProgress | undefined = slot.first;
    while (need !== undefined && need.service !== service) need = need.next;
    if (need === undefined) {
      // The fresh arrays are never changed in place (a need's first growth copies), so they
      // still hold just the operation, subnet and group they were made for.
      const last = slot.fresh;
      const start =
        last.operations[0] === opId && last.subnets[0] === subnet && last.groups[0] === group
          ? last
          : (slot.fresh = { operations: [opId], subnets: [subnet], groups: [group] });
      need = newNeed(vpc, service, opId, start);
      slot.last.next = need;
      slot.last = need;
      return need;
    }
    if (need.lastOp !== opId) {
      need.operations = grow(need, OPERATIONS, need.operations, opId);
      need.lastOp = opId;
    }
    need.subnets = grow(need, SUBNETS, need.subnets, subnet);
    need.groups = grow(need, GROUPS, need.groups, group);
    return need;
  };

  const targetKey = (kind: FlowKind, endpoint: Endpoint) => `${kind}\u0000${endpoint.id}`;
  const addWorkerFlow = (
    ws: WorkerSource,
    kind: 'worker-service' | 'worker-repository',
    opId: string,
    endpoint: Endpoint,
    endpointVpc: Vpc,
    service: string,
    repo: Repository | undefined,
  ) => {
    let existing: PlannedFlow | undefined;
    if (ws.byTarget) existing = ws.byTarget.get(targetKey(kind, endpoint));
    else
      for (const f of ws.flows)
        if (f.kind === kind && f.endpoint.id === endpoint.id) {
          existing = f;
          break;
        }
    if (existing) return existing.addOperation(opId);
    const planned = new PlannedFlow(
      kind,
      opId,
      ws.source,
      endpoint,
      endpointVpc,
      service,
      ws.workerBlock,
      name,
      repo?.id,
    );
    workerFlows.push(planned);
    ws.flows.push(planned);
    if (ws.byTarget) ws.byTarget.set(targetKey(kind, endpoint), planned);
    else if (ws.flows.length > SCAN_LIMIT)
      ws.byTarget = new Map(ws.flows.map((f) => [targetKey(f.kind, f.endpoint), f]));
  };

  const unmet = new UnmetFlows(name);
  const repoEndpoint = (repo: Repository) => {
    const target = repositoryTarget(index, repo);
    return typeof target === 'string' ? undefined : target;
  };

  for (const op of design.operations) {
    const req = OPERATION_REQUIREMENTS[op.kind];
    const repoFields = req.repositories;
    for (const field of repoFields) {
      const r = op[field];
      if (r === undefined) continue;
      const users = result.usedRepositories.get(r);
      if (users) users.push(op.id);
      else result.usedRepositories.set(r, [op.id]);
    }

    const account =
      req.workerAccount === 'production' ||
      (req.workerAccount === 'backup-or-production' && op.workersIn === 'production-account')
        ? op.account
        : backupAccount;
    const standard = op.repository === undefined ? undefined : index.repositories.get(op.repository)?.element;
    const region = req.workerRegion === 'operation' ? op.region : standard?.region;
    const placement: WorkerPlacement = { operation: op, account, region, configurations: NO_CONFIGURATIONS };
    result.placements.push(placement);
    if (account === undefined || region === undefined || (req.workerInOperationVpc && op.vpc === undefined))
      continue;

    const atPlace = configsByPlace.get(account)?.get(region) ?? NO_CONFIGURATIONS;
    placement.configurations = req.workerInOperationVpc ? atPlace.filter((c) => c.vpc === op.vpc) : atPlace;
    if (placement.configurations.length === 0) {
      placement.problem =
        req.workerInOperationVpc && regionsWithConfigs.has(region) ? 'production-only' : 'no-configuration';
      continue;
    }

    const extra = op.restoreToOriginal ? req.servicesWhenRestoreToOriginal : NO_SERVICES;
    for (const config of placement.configurations) {
      const ws = workerSource(config);
      if (!ws) continue;
      const { rc } = ws;
      for (let i = 0, n = req.services.length + extra.length; i < n; i++) {
        const service = i < req.services.length ? req.services[i]! : extra[i - req.services.length]!;
        const need = needFor(rc.vpc, service, op.id, rc.subnet, config.securityGroup);
        const endpoint = preferredEndpoint(need.endpoints);
        if (endpoint) addWorkerFlow(ws, 'worker-service', op.id, endpoint, rc.vpc, service, undefined);
        else unmet.service('worker-service', op.id, ws.source, rc.vpc, service);
      }
      for (const field of repoFields) {
        const id = op[field];
        const repo = id === undefined ? undefined : index.repositories.get(id)?.element;
        const target = repo && repositoryTarget(index, repo);
        if (typeof target === 'string')
          unmet.repository('worker-repository', op.id, ws.source, repo!, target);
        else if (target)
          addWorkerFlow(ws, 'worker-repository', op.id, target.endpoint, target.vpc, 's3', repo);
      }
    }
  }

  // Flow 3: the appliance reaches every used repository's S3 endpoint (one flow per endpoint,
  // however many repositories share it).
  const applianceFlows = new Map<string, PlannedFlow>();
  const appliance = design.appliance;
  const applianceVpc = appliance && index.vpcs.get(appliance.vpc)?.element;
  const applianceSubnet = appliance && index.subnets.get(appliance.subnet);
  const applianceRange = appliance && hostCidr(appliance.ip);
  if (appliance && applianceVpc && applianceSubnet?.vpc?.id === applianceVpc.id && applianceRange) {
    const source: FlowSource = {
      id: appliance.id,
      label: `appliance "${name(appliance.id)}"`,
      vpc: applianceVpc,
      subnets: [applianceSubnet.element],
      range: applianceRange,
      groups: appliance.securityGroups,
      checkEgress: true,
    };
    for (const [repoId, ops] of result.usedRepositories) {
      const repo = index.repositories.get(repoId)?.element;
      const target = repo && repositoryTarget(index, repo);
      if (typeof target === 'string') {
        for (const op of ops) unmet.repository('appliance-repository', op, source, repo!, target);
        continue;
      }
      if (!target) continue;
      const existing = applianceFlows.get(target.endpoint.id);
      if (existing) {
        for (const op of ops) existing.addOperation(op);
        continue;
      }
      const planned = new PlannedFlow(
        'appliance-repository',
        ops[0]!,
        source,
        target.endpoint,
        target.vpc,
        's3',
        applianceRange.text,
        name,
        repoId,
      );
      for (const op of ops) planned.addOperation(op);
      applianceFlows.set(target.endpoint.id, planned);
    }
  }

  // Flow 4: for archiving, the standard and archive repositories' endpoint VPCs reach each other.
  const archiveFlows = new Map<string, PlannedFlow>();
  for (const op of design.operations) {
    if (OPERATION_REQUIREMENTS[op.kind].repositories.length < 2 || !op.repository || !op.archiveRepository)
      continue;
    const std = index.repositories.get(op.repository)?.element;
    const arc = index.repositories.get(op.archiveRepository)?.element;
    const a = std && repoEndpoint(std);
    const b = arc && repoEndpoint(arc);
    if (!a || !b || a.vpc.id === b.vpc.id) continue;
    for (const [from, to, toRepo] of [
      [a, b, arc],
      [b, a, std],
    ] as const) {
      const range = cidrOf(from.vpc.cidr);
      if (!range) continue;
      const subnets = from.endpoint.subnets
        .map((s) => index.subnets.get(s))
        .filter((s) => s?.vpc?.id === from.vpc.id)
        .map((s) => s!.element);
      if (!subnets.length) continue;
      const groups = from.endpoint.securityGroups;
      const k = `${from.vpc.id}\u0000${groups.join(',')}\u0000${to.endpoint.id}`;
      const existing = archiveFlows.get(k);
      if (existing) {
        existing.addOperation(op.id);
        continue;
      }
      const source: FlowSource = {
        id: from.vpc.id,
        label: `VPC "${name(from.vpc.id)}" of repository "${name(from === a ? std!.id : arc!.id)}"`,
        vpc: from.vpc,
        subnets,
        range,
        groups,
        checkEgress: false,
      };
      archiveFlows.set(
        k,
        new PlannedFlow(
          'archive-peering',
          op.id,
          source,
          to.endpoint,
          to.vpc,
          's3',
          range.text,
          name,
          toRepo!.id,
        ),
      );
    }
  }

  for (const { first } of needs.values())
    for (let need: NeedInProgress | undefined = first; need; need = need.next)
      result.endpointNeeds.push(need);
  for (const f of applianceFlows.values()) workerFlows.push(f);
  for (const f of archiveFlows.values()) workerFlows.push(f);
  result.flows = workerFlows;
  result.unmet = unmet.list;
  return result;
}
