// The source of workers' flows: the workers of one subnet with one security group.
import type { Subnet, Vpc } from '../model/schema';
import { blockHolding, type Cidr } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import type { FlowSource } from '../network/reachability';
import type { PlannedFlow, PlannedSource } from './planned-flow';

/**
 * Workers of one subnet with one group: the source of their flows, made once however many
 * configurations and operations place workers there. Its flows form a chain (PlannedFlow's
 * `nextOfSource`), a handful per source.
 */
export class WorkerSource implements PlannedSource {
  readonly checkEgress = true;
  egressRules: FlowSource['egressRules'];
  lastEgress: FlowSource['lastEgress'];
  priorEgress: FlowSource['priorEgress'];
  lastIngress: FlowSource['lastIngress'];
  first: PlannedFlow | undefined;
  last: PlannedFlow | undefined;
  count: number;
  /** The source's flows by kind and target endpoint id, once there are too many to scan. */
  byTarget: Map<string, PlannedFlow> | undefined;
  /** The next source in the same subnet (with another group). */
  sameSubnet: WorkerSource | undefined;
  private text: string | undefined;

  constructor(
    readonly id: string,
    readonly flowKey: string | undefined,
    readonly vpc: Vpc,
    readonly subnet: Subnet,
    readonly range: Cidr,
    /** The workers' group. */
    readonly group: string,
    readonly nameOf: (id: string) => string,
    private readonly net: NetworkModel,
  ) {
    this.subnets = [subnet];
    this.groups = [group];
    this.egressRules = undefined;
    this.lastEgress = undefined;
    this.priorEgress = undefined;
    this.lastIngress = undefined;
    this.first = undefined;
    this.last = undefined;
    this.count = 0;
    this.byTarget = undefined;
    this.sameSubnet = undefined;
    this.text = undefined;
  }

  readonly subnets: readonly Subnet[];
  readonly groups: readonly string[];

  /** Read only for failing flows and traces, so spelled out then. */
  get label(): string {
    return (this.text ??= `workers in subnet "${this.nameOf(this.id)}"`);
  }

  /** The worker VPC block holding the worker subnet: what fixes admit and route back. */
  get fixRange(): string {
    return blockHolding(this.net.blocksOf(this.vpc), this.range)?.text ?? this.range.text;
  }
}
