// A required flow as validation plans it: the source and endpoint to trace, and the RequiredFlow
// the UI and findings read, spelled out only when read.
import type { Endpoint, Vpc } from '../model/schema';
import type { FlowSource } from '../network/reachability';
import type { FlowKind, RequiredFlow } from './flow-types';

/** Adds `op` to a flow's operations unless it is already there. */
function addOperation(ops: string[], op: string): void {
  if (ops[ops.length - 1] !== op && !ops.includes(op)) ops.push(op);
}

/**
 * A flow with what tracing it needs. Its RequiredFlow (id, description and the rest) is spelled
 * out on first read of `flow`: validation judges every flow but reads only the failing ones, and
 * a large design has tens of thousands.
 */
export class PlannedFlow {
  private required: RequiredFlow | undefined;
  /** All operations once there are two (most flows serve one, and need no array until read). */
  private ops: string[] | undefined;

  constructor(
    readonly kind: FlowKind,
    /** The first operation that needs it. */
    private readonly op: string,
    readonly source: FlowSource,
    readonly endpoint: Endpoint,
    readonly endpointVpc: Vpc,
    readonly service: string,
    /** The range a fix admits or routes back (see RequiredFlow.fixRange). */
    readonly fixRange: string,
    private readonly nameOf: (id: string) => string,
    /** The repository the target endpoint serves, for the description. */
    private readonly repository: string | undefined,
  ) {}

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
    return (this.required ??= {
      id: `${this.kind}:${this.source.flowKey ?? this.source.id}→${this.endpoint.id}`,
      kind: this.kind,
      operations: this.operations,
      source: this.source.id,
      target: this.endpoint.id,
      description: this.describe(),
      sourceVpc: this.source.vpc.id,
      targetVpc: this.endpointVpc.id,
      sourceRange: this.source.range.text,
      fixRange: this.fixRange,
      sourceGroups: this.source.groups as string[],
      service: this.service,
    });
  }

  private describe(): string {
    const name = this.nameOf;
    const endpoint = name(this.endpoint.id);
    const repo = this.repository === undefined ? '' : name(this.repository);
    switch (this.kind) {
      case 'worker-service':
        return `workers in subnet "${name(this.source.id)}" → ${this.service} endpoint "${endpoint}"`;
      case 'worker-repository':
        return `workers in subnet "${name(this.source.id)}" → S3 endpoint "${endpoint}" of repository "${repo}"`;
      case 'appliance-repository':
        return `appliance "${name(this.source.id)}" → S3 endpoint "${endpoint}" of repository "${repo}"`;
      case 'archive-peering':
        return `repository VPC "${name(this.source.vpc.id)}" → S3 endpoint "${endpoint}" of repository "${repo}"`;
    }
  }
}
