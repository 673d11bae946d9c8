// A required flow as validation plans it: the source and endpoint to trace, and the RequiredFlow
// the UI and findings read, spelled out only when read.
import type { Endpoint, Vpc } from '../model/schema';
import type { FlowSource } from '../network/reachability';
import type { FlowKind, RequiredFlow } from './flow-types';

/** Adds `op` to a flow's operations unless it is already there. */
function addOperation(ops: string[], op: string): void {
  if (ops[ops.length - 1] !== op && !ops.includes(op)) ops.push(op);
}

/** A flow source as derivation plans it: what its flows' RequiredFlow reads besides the trace. */
export interface PlannedSource extends FlowSource {
  /** The range a fix admits or routes back (see RequiredFlow.fixRange). */
  readonly fixRange: string;
  /** The design's element names, for descriptions. */
  readonly nameOf: (id: string) => string;
}

/**
 * An endpoint flows go to, shared by every flow to it: a worker VPC's need of a service (its
 * preferred endpoint), or a repository's S3 endpoint.
 */
export interface FlowEnd {
  readonly endpoint: Endpoint;
  /** The endpoint's VPC. */
  readonly vpc: Vpc;
  /** The service (`ssm`, `s3`, …) of the endpoint. */
  readonly service: string;
  /** The repository the endpoint serves, for the description (none for a service endpoint). */
  readonly repository?: string;
}

/**
 * A flow with what tracing it needs. Its RequiredFlow (id, description and the rest) is spelled
 * out on first read of `flow`: validation judges every flow but reads only the failing ones, and
 * a large design has tens of thousands. What flows share lives in their source and end, so a flow
 * itself is a handful of fields.
 */
export class PlannedFlow {
  private required: RequiredFlow | undefined;
  /** All operations once there are two (most flows serve one, and need no array until read). */
  private ops: string[] | undefined;
  /** The next flow of the same source (derivation finds a source's flows through it). */
  nextOfSource: PlannedFlow | undefined;

  constructor(
    readonly kind: FlowKind,
    /** The first operation that needs it. */
    private readonly op: string,
    readonly source: PlannedSource,
    readonly end: FlowEnd,
  ) {
    this.required = undefined;
    this.ops = undefined;
    this.nextOfSource = undefined;
  }

  get endpoint(): Endpoint {
    return this.end.endpoint;
  }

  get endpointVpc(): Vpc {
    return this.end.vpc;
  }

  get service(): string {
    return this.end.service;
  }

  /** The operations that need it (the same array as `flow.operations`). */
  get operations(): string[] {
    return (this.ops ??= [this.op]);
  }

  /** Notes another operation that needs the flow (each once). */
  addOperation(op: string): void {
    if (this.ops) addOperation(this.ops, op);
    else if (op !== this.op) this.ops = [this.op, op];
  }

  get flow(): RequiredFlow {
    const { source, end } = this;
    return (this.required ??= {
      id: `${this.kind}:${source.flowKey ?? source.id}→${end.endpoint.id}`,
      kind: this.kind,
      operations: this.operations,
      source: source.id,
      target: end.endpoint.id,
      description: this.describe(),
      sourceVpc: source.vpc.id,
      targetVpc: end.vpc.id,
      sourceRange: source.range.text,
      fixRange: source.fixRange,
      sourceGroups: source.groups as string[],
      service: end.service,
    });
  }

  private describe(): string {
    const name = this.source.nameOf;
    const { endpoint: e, repository, service } = this.end;
    const endpoint = name(e.id);
    const repo = repository === undefined ? '' : name(repository);
    switch (this.kind) {
      case 'worker-service':
        return `workers in subnet "${name(this.source.id)}" → ${service} endpoint "${endpoint}"`;
      case 'worker-repository':
        return `workers in subnet "${name(this.source.id)}" → S3 endpoint "${endpoint}" of repository "${repo}"`;
      case 'appliance-repository':
        return `appliance "${name(this.source.id)}" → S3 endpoint "${endpoint}" of repository "${repo}"`;
      case 'archive-peering':
        return `repository VPC "${name(this.source.vpc.id)}" → S3 endpoint "${endpoint}" of repository "${repo}"`;
    }
  }
}
