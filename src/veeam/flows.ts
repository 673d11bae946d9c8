// From operations to requirements: where each operation's workers run, which worker configuration
// they use, which interface endpoints their VPC needs, and the tcp/443 flows of rules.md section 2.
// Everything is derived from OPERATION_REQUIREMENTS; nothing here judges the network.
import type { DesignIndex } from '../model/design-index';
import { backupAccountOf } from '../model/roles';
import type { Endpoint, Operation, Repository, Subnet, Vpc, WorkerConfiguration } from '../model/schema';
import { blockHolding, cidrOf, hostCidr } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import type { FlowSource } from '../network/reachability';
import type { FlowKind, RequiredFlow } from './flow-types';
import { OPERATION_REQUIREMENTS, repositoriesOf, requiredEndpoints } from './operations';

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
  configurations: WorkerConfiguration[];
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

/** A flow with what tracing it needs. */
export interface PlannedFlow {
  flow: RequiredFlow;
  source: FlowSource;
  endpoint: Endpoint;
  endpointVpc: Vpc;
}

export interface Requirements {
  backupAccount?: string;
  placements: WorkerPlacement[];
  endpointNeeds: EndpointNeed[];
  /** Repositories some operation uses, with those operations. */
  usedRepositories: Map<string, string[]>;
  flows: PlannedFlow[];
}

const key = (...parts: string[]) => parts.join('\u0000');

type NeedSlot = EndpointNeed & { lastOp: string | undefined };

interface WorkerSource {
  rc: ResolvedConfiguration;
  source: FlowSource;
  /** The worker VPC block holding the worker subnet: what fixes admit and route back. */
  workerBlock: string;
  serviceFlows: Map<string, PlannedFlow>;
  repositoryFlows: Map<string, PlannedFlow>;
}

export function interfaceEndpointsOf(vpc: Vpc, service: string): Endpoint[] {
  return vpc.endpoints.filter((e) => e.type === 'Interface' && e.service === service);
}

/** The endpoint clients resolve for a service: the one with private DNS, else the first. */
export function preferredEndpoint(endpoints: readonly Endpoint[]): Endpoint | undefined {
  return endpoints.find((e) => e.privateDns) ?? endpoints[0];
}

export function resolveConfiguration(
  index: DesignIndex,
  config: WorkerConfiguration,
): ResolvedConfiguration | undefined {
  const vpc = index.vpcs.get(config.vpc)?.element;
  const subnet = index.subnets.get(config.subnet);
  const group = index.securityGroups.get(config.securityGroup);
  if (!vpc || !subnet || subnet.vpc?.id !== vpc.id || group?.vpc?.id !== vpc.id) return undefined;
  return { config, vpc, subnet: subnet.element };
}

export function deriveRequirements(index: DesignIndex, net: NetworkModel): Requirements {
  const design = index.design;
  const backupAccount = backupAccountOf(design);
  const result: Requirements = {
    backupAccount,
    placements: [],
    endpointNeeds: [],
    usedRepositories: new Map(),
    flows: [],
  };
  if (!design.privateNetworkDeployment) return result;

  const configsByPlace = new Map<string, WorkerConfiguration[]>();
  const regionsWithConfigs = new Set<string>();
  for (const c of design.workerConfigurations) {
    const k = key(c.account, c.region);
    const list = configsByPlace.get(k);
    if (list) list.push(c);
    else configsByPlace.set(k, [c]);
    regionsWithConfigs.add(c.region);
  }

  const needs = new Map<string, Map<string, NeedSlot>>();
  const flows = new Map<string, PlannedFlow>();
  const workerFlows: PlannedFlow[] = [];
  // Per worker configuration: its flow source, computed once however many operations use it,
  // and its flows by target endpoint (plain lookups: this loop runs for every operation).
  const sources = new Map<string, WorkerSource | null>();
  const workerSource = (config: WorkerConfiguration): WorkerSource | null => {
    let hit = sources.get(config.id);
    if (hit === undefined) {
      const rc = resolveConfiguration(index, config);
      const range = rc && cidrOf(rc.subnet.cidr);
      hit =
        rc && range
          ? {
              rc,
              source: {
                id: rc.subnet.id,
                label: `workers in subnet "${index.nameOf(rc.subnet.id)}"`,
                vpc: rc.vpc,
                subnets: [rc.subnet],
                range,
                groups: [config.securityGroup],
                checkEgress: true,
              },
              workerBlock: blockHolding(net.blocksOf(rc.vpc), range)?.text ?? range.text,
              serviceFlows: new Map(),
              repositoryFlows: new Map(),
            }
          : null;
      sources.set(config.id, hit);
    }
    return hit;
  };
  const needFor = (vpc: Vpc, service: string): NeedSlot => {
    let byService = needs.get(vpc.id);
    if (!byService) needs.set(vpc.id, (byService = new Map()));
    let need = byService.get(service);
    if (!need) {
      need = {
        vpc,
        service,
        operations: [],
        subnets: [],
        groups: [],
        endpoints: interfaceEndpointsOf(vpc, service),
        lastOp: undefined,
      };
      byService.set(service, need);
    }
    return need;
  };

  const addFlow = (
    kind: FlowKind,
    opId: string | undefined,
    source: FlowSource,
    endpoint: Endpoint,
    endpointVpc: Vpc,
    service: string,
    fixRange: string,
    description: string,
  ) => {
    // Worker flows arrive deduplicated per configuration (addWorkerFlow); others by a composite key.
    const k =
      kind === 'worker-service' || kind === 'worker-repository'
        ? undefined
        : key(kind, source.id, source.groups.join(','), endpoint.id);
    const existing = k === undefined ? undefined : flows.get(k);
    if (existing) {
      if (opId !== undefined && !existing.flow.operations.includes(opId)) existing.flow.operations.push(opId);
      return existing;
    }
    const planned: PlannedFlow = {
      flow: {
        id: `${kind}:${source.id}→${endpoint.id}`,
        kind,
        operations: opId === undefined ? [] : [opId],
        source: source.id,
        target: endpoint.id,
        description,
        sourceVpc: source.vpc.id,
        targetVpc: endpointVpc.id,
        sourceRange: source.range.text,
        fixRange,
        sourceGroups: source.groups as string[],
        service,
      },
      source,
      endpoint,
      endpointVpc,
    };
    if (k === undefined) workerFlows.push(planned);
    else flows.set(k, planned);
    return planned;
  };

  const addWorkerFlow = (
    ws: WorkerSource,
    kind: 'worker-service' | 'worker-repository',
    opId: string,
    endpoint: Endpoint,
    endpointVpc: Vpc,
    service: string,
    repo: Repository | undefined,
  ) => {
    const byTarget = kind === 'worker-service' ? ws.serviceFlows : ws.repositoryFlows;
    const existing = byTarget.get(endpoint.id);
    if (existing) {
      const ops = existing.flow.operations;
      if (ops[ops.length - 1] !== opId && !ops.includes(opId)) ops.push(opId);
      return;
    }
    const subnetName = index.nameOf(ws.rc.subnet.id);
    const description = repo
      ? `workers in subnet "${subnetName}" → S3 endpoint "${index.nameOf(endpoint.id)}" of repository "${index.nameOf(repo.id)}"`
      : `workers in subnet "${subnetName}" → ${service} endpoint "${index.nameOf(endpoint.id)}"`;
    const planned = addFlow(
      kind,
      opId,
      ws.source,
      endpoint,
      endpointVpc,
      service,
      ws.workerBlock,
      description,
    );
    byTarget.set(endpoint.id, planned);
  };

  const repoEndpoint = (repo: Repository): { endpoint: Endpoint; vpc: Vpc } | undefined => {
    if (repo.s3Endpoint === undefined) return undefined;
    const located = index.endpoints.get(repo.s3Endpoint);
    if (!located?.vpc || located.element.type !== 'Interface' || located.element.service !== 's3')
      return undefined;
    return { endpoint: located.element, vpc: located.vpc };
  };
  const name = index.nameOf;

  for (const op of design.operations) {
    const req = OPERATION_REQUIREMENTS[op.kind];
    const repos = repositoriesOf(op)
      .map((id) => index.repositories.get(id)?.element)
      .filter((r): r is Repository => r !== undefined);
    for (const r of repositoriesOf(op)) {
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
    const placement: WorkerPlacement = { operation: op, account, region, configurations: [] };
    result.placements.push(placement);
    if (account === undefined || region === undefined || (req.workerInOperationVpc && op.vpc === undefined))
      continue;

    const atPlace = configsByPlace.get(key(account, region)) ?? [];
    placement.configurations = req.workerInOperationVpc ? atPlace.filter((c) => c.vpc === op.vpc) : atPlace;
    if (placement.configurations.length === 0) {
      placement.problem =
        req.workerInOperationVpc && regionsWithConfigs.has(region) ? 'production-only' : 'no-configuration';
      continue;
    }

    for (const config of placement.configurations) {
      const ws = workerSource(config);
      if (!ws) continue;
      const { rc } = ws;
      for (const service of requiredEndpoints(op)) {
        const need = needFor(rc.vpc, service);
        if (need.lastOp !== op.id && !need.operations.includes(op.id)) need.operations.push(op.id);
        need.lastOp = op.id;
        if (!need.subnets.includes(rc.subnet)) need.subnets.push(rc.subnet);
        if (!need.groups.includes(config.securityGroup)) need.groups.push(config.securityGroup);
        const endpoint = preferredEndpoint(need.endpoints);
        if (endpoint) addWorkerFlow(ws, 'worker-service', op.id, endpoint, rc.vpc, service, undefined);
      }
      for (const repo of repos) {
        const target = repoEndpoint(repo);
        if (target) addWorkerFlow(ws, 'worker-repository', op.id, target.endpoint, target.vpc, 's3', repo);
      }
    }
  }

  // Flow 3: the appliance reaches every used repository's S3 endpoint.
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
      const target = repo && repoEndpoint(repo);
      if (!target) continue;
      for (const op of ops)
        addFlow(
          'appliance-repository',
          op,
          source,
          target.endpoint,
          target.vpc,
          's3',
          applianceRange.text,
          `appliance "${name(appliance.id)}" → S3 endpoint "${name(target.endpoint.id)}" of repository "${name(repoId)}"`,
        );
    }
  }

  // Flow 4: for archiving, the standard and archive repositories' endpoint VPCs reach each other.
  for (const op of design.operations) {
    if (OPERATION_REQUIREMENTS[op.kind].repositories.length < 2 || !op.repository || !op.archiveRepository)
      continue;
    const std = index.repositories.get(op.repository)?.element;
    const arc = index.repositories.get(op.archiveRepository)?.element;
    const a = std && repoEndpoint(std);
    const b = arc && repoEndpoint(arc);
    if (!a || !b || a.vpc.id === b.vpc.id) continue;
    for (const [from, to, fromRepo, toRepo] of [
      [a, b, std, arc],
      [b, a, arc, std],
    ] as const) {
      const range = cidrOf(from.vpc.cidr);
      if (!range) continue;
      const subnets = from.endpoint.subnets
        .map((s) => index.subnets.get(s))
        .filter((s) => s?.vpc?.id === from.vpc.id)
        .map((s) => s!.element);
      if (!subnets.length) continue;
      const source: FlowSource = {
        id: from.vpc.id,
        label: `VPC "${name(from.vpc.id)}" of repository "${name(fromRepo!.id)}"`,
        vpc: from.vpc,
        subnets,
        range,
        groups: from.endpoint.securityGroups,
        checkEgress: false,
      };
      addFlow(
        'archive-peering',
        op.id,
        source,
        to.endpoint,
        to.vpc,
        's3',
        range.text,
        `repository VPC "${name(from.vpc.id)}" → S3 endpoint "${name(to.endpoint.id)}" of repository "${name(toRepo!.id)}"`,
      );
    }
  }

  result.endpointNeeds = [...needs.values()].flatMap((byService) =>
    [...byService.values()].map(({ lastOp: _l, ...need }) => need),
  );
  result.flows = [...workerFlows, ...flows.values()];
  return result;
}
