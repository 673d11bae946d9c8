// From operations to requirements: where each operation's workers run, which worker configuration
// they use, which interface endpoints their VPC needs, and the tcp/443 flows of rules.md section 2.
// Everything is derived from OPERATION_REQUIREMENTS; nothing here judges the network.
import type { DesignIndex } from '../model/design-index';
import { backupAccountOf } from '../model/roles';
import type { Endpoint, Operation, Repository, Subnet, Vpc, WorkerConfiguration } from '../model/schema';
import { cidrOf, hostCidr } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import type { FlowKind } from './flow-types';
import { OPERATION_REQUIREMENTS } from './operations';
import { PlannedFlow, type FlowEnd, type PlannedSource } from './planned-flow';
import { repositoryTarget, UnmetFlows, type UnmetFlow, type UnmetReason } from './unmet-flows';
import { WorkerSource } from './worker-source';

export { PlannedFlow };

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

/** A used repository and where its S3 endpoint is, or why it has none usable. */
interface RepositoryInfo {
  repo: Repository;
  target: FlowEnd | Exclude<UnmetReason, 'no-endpoint'>;
}

/**
 * A need as derivation builds it: the next need of the same VPC and which of its three arrays it
 * owns already (bits OPERATIONS, SUBNETS, GROUPS). A worker VPC's needs form a chain, one per service in the order they arose: a large
 * design has thousands of worker VPCs, and per-VPC arrays were most of what needs allocated.
 */
interface NeedInProgress extends EndpointNeed {
  /** The endpoint its workers' flows go to (see preferredEndpoint): the need is their FlowEnd. */
  endpoint: Endpoint | undefined;
  next: NeedInProgress | undefined;
  owned: number;
}

/**
 * A worker VPC's needs: the chain's ends, and the one-element operations, subnets and groups arrays
 * the need created last started with. The needs one operation's workers create together start with
 * the same three, so they share them until one need gains another element: its first growth copies
 * the array (see `grow`). The subnets and groups arrays are the worker source's own (never changed
 * in place either).
 */
interface VpcNeeds {
  first: NeedInProgress;
  last: NeedInProgress;
  operations: string[];
  subnets: Subnet[];
  groups: string[];
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
  for (let i = 0; i < endpoints.length; i++) if (endpoints[i]!.privateDns) return endpoints[i];
  return endpoints[0];
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
  // Indexed loops throughout: this runs once per validation, mostly before the engine optimises
  // it, and an iterator there allocates a result object per element.

  // Configurations by account, then region (nested maps: no key string per operation).
  const configsByPlace = new Map<string, Map<string, WorkerConfiguration[]>>();
  const regionsWithConfigs = new Set<string>();
  const allConfigs = design.workerConfigurations;
  for (let i = 0; i < allConfigs.length; i++) {
    const c = allConfigs[i]!;
    let byRegion = configsByPlace.get(c.account);
    if (!byRegion) configsByPlace.set(c.account, (byRegion = new Map()));
    const list = byRegion.get(c.region);
    if (list) list.push(c);
    else byRegion.set(c.region, [c]);
    regionsWithConfigs.add(c.region);
  }

  // By the element itself when ids are unique (found without reading the id string), by id
  // otherwise, so elements sharing an id share an entry.
  const keyOf: <T extends { id: string }>(element: T) => T | string = index.hasDuplicateIds
    ? (element) => element.id
    : (element) => element;
  const needs = new Map<Vpc | string, VpcNeeds>();
  let needCount = 0;
  // With unique ids, two endpoints are the same flow target only when they are the same element.
  const sharedIds = index.hasDuplicateIds;
  const flows: PlannedFlow[] = [];
  // Per worker configuration: its flow source, computed once however many operations use it.
  const sources = new Map<WorkerConfiguration | string, WorkerSource | null>();
  // Configurations placing workers in the same subnet with the same group are one flow source;
  // the same subnet with another group is another source, whose flows get ids of their own.
  // By subnet id, a chain of one source per group.
  const sourcesAt = new Map<Subnet | string, WorkerSource>();
  const workerSource = (config: WorkerConfiguration): WorkerSource | null => {
    let hit = sources.get(keyOf(config));
    if (hit !== undefined) return hit;
    hit = null;
    // The subnet and group must be the VPC's own, so they are looked for there.
    const vpc = index.vpcs.get(config.vpc)?.element;
    const subnet = vpc && findById(vpc.subnets, config.subnet);
    const group = config.securityGroup;
    if (subnet && findById(vpc.securityGroups, group)) {
      const range = cidrOf(subnet.cidr);
      const first = sourcesAt.get(keyOf(subnet));
      let last: WorkerSource | undefined;
      for (let s = first; s; s = s.sameSubnet) {
        if (s.group === group) hit = s;
        last = s;
      }
      if (!hit && range) {
        hit = new WorkerSource(
          subnet.id,
          last ? `${subnet.id}+${group}` : undefined,
          vpc,
          subnet,
          range,
          group,
          name,
          net,
        );
        if (last) last.sameSubnet = hit;
        else sourcesAt.set(keyOf(subnet), hit);
      }
    }
    sources.set(keyOf(config), hit);
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
  const newNeed = (
    vpc: Vpc,
    service: string,
    operations: string[],
    subnets: Subnet[],
    groups: string[],
  ): NeedInProgress => {
    const endpoints = interfaceEndpointsOf(vpc, service);
    needCount++;
    return {
      vpc,
      service,
      operations,
      subnets,
      groups,
      endpoints,
      endpoint: preferredEndpoint(endpoints),
      next: undefined,
      owned: 0,
    };
  };
  const needFor = (ws: WorkerSource, service: string, opId: string): NeedInProgress => {
    const { vpc, subnet, group } = ws;
    const slot = needs.get(keyOf(vpc));
    if (!slot) {
      const operations = [opId];
      const subnets = ws.subnets as Subnet[];
      const groups = ws.groups as string[];
      const need = newNeed(vpc, service, operations, subnets, groups);
      needs.set(keyOf(vpc), { first: need, last: need, operations, subnets, groups });
      return need;
    }
    let need: NeedInProgress | undefined = slot.first;
    while (need !== undefined && need.service !== service) need = need.next;
    if (need === undefined) {
      // The slot's arrays are never changed in place (a need's first growth copies), so they
      // still hold just the operation, subnet and group they were made for.
      if (slot.operations[0] !== opId || slot.subnets[0] !== subnet || slot.groups[0] !== group) {
        slot.operations = [opId];
        slot.subnets = ws.subnets as Subnet[];
        slot.groups = ws.groups as string[];
      }
      need = newNeed(vpc, service, slot.operations, slot.subnets, slot.groups);
      slot.last.next = need;
      slot.last = need;
      return need;
    }
    const ops = need.operations;
    if (ops[ops.length - 1] !== opId) need.operations = grow(need, OPERATIONS, ops, opId);
    need.subnets = grow(need, SUBNETS, need.subnets, subnet);
    need.groups = grow(need, GROUPS, need.groups, group);
    return need;
  };

  const targetKey = (kind: FlowKind, endpoint: Endpoint) => `${kind}\u0000${endpoint.id}`;
  /** The source's flow of this kind to this end's endpoint, made on first need. */
  const addWorkerFlow = (
    ws: WorkerSource,
    kind: 'worker-service' | 'worker-repository',
    opId: string,
    end: FlowEnd,
  ): void => {
    const endpoint = end.endpoint;
    let existing: PlannedFlow | undefined;
    if (ws.byTarget) existing = ws.byTarget.get(targetKey(kind, endpoint));
    else
      for (let f = ws.first; f; f = f.nextOfSource)
        if (
          f.kind === kind &&
          (f.end.endpoint === endpoint || (sharedIds && f.end.endpoint.id === endpoint.id))
        ) {
          existing = f;
          break;
        }
    if (existing) return existing.addOperation(opId);
    const planned = new PlannedFlow(kind, opId, ws, end);
    flows.push(planned);
    if (ws.last) ws.last.nextOfSource = planned;
    else ws.first = planned;
    ws.last = planned;
    ws.count++;
    if (ws.byTarget) ws.byTarget.set(targetKey(kind, endpoint), planned);
    else if (ws.count > SCAN_LIMIT) {
      ws.byTarget = new Map();
      // Backwards, so the first of two flows to endpoints sharing an id wins, as in the scan.
      const chain: PlannedFlow[] = [];
      for (let f = ws.first; f; f = f.nextOfSource) chain.push(f);
      for (let i = chain.length - 1; i >= 0; i--)
        ws.byTarget.set(targetKey(chain[i]!.kind, chain[i]!.endpoint), chain[i]!);
    }
  };

  // Each used repository once: its element and where its S3 endpoint is.
  const repositories = new Map<string, RepositoryInfo | null>();
  const repositoryInfo = (id: string): RepositoryInfo | undefined => {
    let hit = repositories.get(id);
    if (hit === undefined) {
      const repo = index.repositories.get(id)?.element;
      hit = null;
      if (repo) {
        const t = repositoryTarget(index, repo);
        const target =
          typeof t === 'string'
            ? t
            : { endpoint: t.endpoint, vpc: t.vpc, service: 's3', repository: repo.id };
        hit = { repo, target };
      }
      repositories.set(id, hit);
    }
    return hit ?? undefined;
  };

  const unmet = new UnmetFlows(name);
  const operations = design.operations;
  for (let o = 0; o < operations.length; o++) {
    const op = operations[o]!;
    const req = OPERATION_REQUIREMENTS[op.kind];
    const repoFields = req.repositories;
    for (let f = 0; f < repoFields.length; f++) {
      const r = op[repoFields[f]!];
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
    const standard = op.repository === undefined ? undefined : repositoryInfo(op.repository)?.repo;
    const region = req.workerRegion === 'operation' ? op.region : standard?.region;
    const placement: WorkerPlacement = { operation: op, account, region, configurations: NO_CONFIGURATIONS };
    result.placements.push(placement);
    if (account === undefined || region === undefined || (req.workerInOperationVpc && op.vpc === undefined))
      continue;

    const atPlace = configsByPlace.get(account)?.get(region) ?? NO_CONFIGURATIONS;
    const configs = req.workerInOperationVpc ? atPlace.filter((c) => c.vpc === op.vpc) : atPlace;
    placement.configurations = configs;
    if (configs.length === 0) {
      placement.problem =
        req.workerInOperationVpc && regionsWithConfigs.has(region) ? 'production-only' : 'no-configuration';
      continue;
    }

    const services = req.services;
    const extra = op.restoreToOriginal ? req.servicesWhenRestoreToOriginal : NO_SERVICES;
    for (let c = 0; c < configs.length; c++) {
      const ws = workerSource(configs[c]!);
      if (!ws) continue;
      for (let i = 0, n = services.length + extra.length; i < n; i++) {
        const service = i < services.length ? services[i]! : extra[i - services.length]!;
        const need = needFor(ws, service, op.id);
        if (need.endpoint) addWorkerFlow(ws, 'worker-service', op.id, need as FlowEnd);
        else unmet.service('worker-service', op.id, ws, ws.vpc, service);
      }
      for (let f = 0; f < repoFields.length; f++) {
        const id = op[repoFields[f]!];
        const info = id === undefined ? undefined : repositoryInfo(id);
        if (!info) continue;
        if (typeof info.target === 'string')
          unmet.repository('worker-repository', op.id, ws, info.repo, info.target);
        else addWorkerFlow(ws, 'worker-repository', op.id, info.target);
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
    const source: PlannedSource = {
      id: appliance.id,
      label: `appliance "${name(appliance.id)}"`,
      vpc: applianceVpc,
      subnets: [applianceSubnet.element],
      range: applianceRange,
      groups: appliance.securityGroups,
      checkEgress: true,
      fixRange: applianceRange.text,
      nameOf: name,
    };
    for (const [repoId, ops] of result.usedRepositories) {
      const info = repositoryInfo(repoId);
      if (!info) continue;
      const target = info.target;
      if (typeof target === 'string') {
        for (const op of ops) unmet.repository('appliance-repository', op, source, info.repo, target);
        continue;
      }
      const existing = applianceFlows.get(target.endpoint.id);
      if (existing) {
        for (const op of ops) existing.addOperation(op);
        continue;
      }
      const planned = new PlannedFlow('appliance-repository', ops[0]!, source, target);
      for (const op of ops) planned.addOperation(op);
      applianceFlows.set(target.endpoint.id, planned);
    }
  }

  // Flow 4: for archiving, the standard and archive repositories' endpoint VPCs reach each other.
  const archiveFlows = new Map<string, PlannedFlow>();
  for (let o = 0; o < operations.length; o++) {
    const op = operations[o]!;
    if (OPERATION_REQUIREMENTS[op.kind].repositories.length < 2 || !op.repository || !op.archiveRepository)
      continue;
    const std = repositoryInfo(op.repository);
    const arc = repositoryInfo(op.archiveRepository);
    const a = std && typeof std.target !== 'string' ? std.target : undefined;
    const b = arc && typeof arc.target !== 'string' ? arc.target : undefined;
    if (!a || !b || a.vpc.id === b.vpc.id) continue;
    for (let way = 0; way < 2; way++) {
      // Each end's VPC reaches the other's endpoint; a flow's end names the other repository.
      const [from, fromRepo, to] = way === 0 ? [a, std!.repo, b] : [b, arc!.repo, a];
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
      const source: PlannedSource = {
        id: from.vpc.id,
        label: `VPC "${name(from.vpc.id)}" of repository "${name(fromRepo.id)}"`,
        vpc: from.vpc,
        subnets,
        range,
        groups,
        checkEgress: false,
        fixRange: range.text,
        nameOf: name,
      };
      archiveFlows.set(k, new PlannedFlow('archive-peering', op.id, source, to));
    }
  }

  // At its exact size: a large design has thousands of needs, and pushes copy a growing array.
  const endpointNeeds: EndpointNeed[] = new Array(needCount);
  let n = 0;
  needs.forEach(({ first }) => {
    for (let need: NeedInProgress | undefined = first; need; need = need.next) endpointNeeds[n++] = need;
  });
  result.endpointNeeds = endpointNeeds;
  for (const f of applianceFlows.values()) flows.push(f);
  for (const f of archiveFlows.values()) flows.push(f);
  result.flows = flows;
  result.unmet = unmet.list;
  return result;
}

/** The first element with this id (as Array.find, without a closure per call). */
function findById<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return list[i];
  return undefined;
}
