// Required flows whose target does not exist: a service endpoint missing from the worker VPC, or
// a repository without a usable S3 interface endpoint. They are required all the same, so they
// are listed and judged (never reached), and the rule that explains each names them.
import type { DesignIndex } from '../model/design-index';
import type { Endpoint, Repository, Vpc } from '../model/schema';
import type { FlowSource } from '../network/reachability';
import type { FlowKind, RequiredFlow } from './flow-types';

/**
 * Why there is no endpoint to reach:
 * - `no-endpoint`: the worker VPC has no interface endpoint of the service (endpoint/missing);
 * - `no-s3-endpoint`: the repository names no S3 endpoint (repository/no-endpoint);
 * - `gateway`: it names an S3 gateway endpoint (endpoint/gateway-unsupported);
 * - `not-s3-interface`: it names an element that is no S3 interface endpoint in a VPC.
 */
export type UnmetReason = 'no-endpoint' | 'no-s3-endpoint' | 'gateway' | 'not-s3-interface';

export interface UnmetFlow {
  flow: RequiredFlow;
  source: FlowSource;
  reason: UnmetReason;
  /** The VPC that lacks the service endpoint, or the repository that lacks a usable one. */
  at: string;
}

/** A repository's S3 interface endpoint and its VPC, or why it has none usable. */
export function repositoryTarget(
  index: DesignIndex,
  repo: Repository,
): { endpoint: Endpoint; vpc: Vpc } | Exclude<UnmetReason, 'no-endpoint'> {
  if (repo.s3Endpoint === undefined) return 'no-s3-endpoint';
  const located = index.endpoints.get(repo.s3Endpoint);
  if (!located?.vpc || located.element.service !== 's3') return 'not-s3-interface';
  if (located.element.type !== 'Interface') return 'gateway';
  return { endpoint: located.element, vpc: located.vpc };
}

/** The unmet flows of one design, each once however many operations need it. */
export class UnmetFlows {
  readonly list: UnmetFlow[] = [];
  private readonly byId = new Map<string, UnmetFlow>();

  constructor(private readonly nameOf: (id: string) => string) {}

  /** A worker VPC without an interface endpoint of `service`. */
  service(kind: FlowKind, op: string, source: FlowSource, vpc: Vpc, service: string): void {
    const name = this.nameOf;
    this.add(op, source, 'no-endpoint', vpc.id, {
      id: `${kind}:${source.flowKey ?? source.id}→${vpc.id}?${service}`,
      kind,
      target: vpc.id,
      targetVpc: vpc.id,
      service,
      description: `workers in subnet "${name(source.id)}" → ${service} endpoint (none in VPC "${name(vpc.id)}")`,
    });
  }

  /** A repository without a usable S3 interface endpoint. */
  repository(
    kind: 'worker-repository' | 'appliance-repository',
    op: string,
    source: FlowSource,
    repo: Repository,
    reason: Exclude<UnmetReason, 'no-endpoint'>,
  ): void {
    const name = this.nameOf;
    const from =
      kind === 'appliance-repository'
        ? `appliance "${name(source.id)}"`
        : `workers in subnet "${name(source.id)}"`;
    this.add(op, source, reason, repo.id, {
      id: `${kind}:${source.flowKey ?? source.id}→${repo.id}?s3`,
      kind,
      target: repo.id,
      targetVpc: '',
      service: 's3',
      description: `${from} → S3 endpoint of repository "${name(repo.id)}" (none usable)`,
    });
  }

  private add(
    op: string,
    source: FlowSource,
    reason: UnmetReason,
    at: string,
    flow: Pick<RequiredFlow, 'id' | 'kind' | 'target' | 'targetVpc' | 'service' | 'description'>,
  ): void {
    const seen = this.byId.get(flow.id);
    if (seen) {
      if (!seen.flow.operations.includes(op)) seen.flow.operations.push(op);
      return;
    }
    const unmet: UnmetFlow = {
      flow: {
        ...flow,
        operations: [op],
        source: source.id,
        sourceVpc: source.vpc.id,
        sourceRange: source.range.text,
        fixRange: source.range.text,
        sourceGroups: [...source.groups],
      },
      source,
      reason,
      at,
    };
    this.byId.set(flow.id, unmet);
    this.list.push(unmet);
  }
}
