// A required flow: something Veeam's workers or appliance must reach (rules.md section 2).
import type { Trace } from '../network/trace';

export type FlowKind = 'worker-service' | 'worker-repository' | 'appliance-repository' | 'archive-peering';

export interface RequiredFlow {
  /** Stable within one design, e.g. `worker-service:sn-worker-a→vpce-ssm`. */
  id: string;
  kind: FlowKind;
  /** The operations that need it. */
  operations: string[];
  /** Subnet id (workers), appliance id, or the repository VPC for archive flows. */
  source: string;
  /** Endpoint id (interface endpoint or a repository's S3 endpoint). */
  target: string;
  /** What a user reads: "workers in Worker VPC → ssm endpoint (EC2 backup)". */
  description: string;
  /** The VPCs at both ends. */
  sourceVpc: string;
  targetVpc: string;
  /** The addresses the endpoint sees: worker subnet, appliance /32 or the repository VPC block. */
  sourceRange: string;
  /** The range a fix admits or routes back: the worker VPC block, the appliance /32, the repository VPC block. */
  fixRange: string;
  /** The source's security groups. */
  sourceGroups: string[];
  /** The service (`ssm`, `s3`, …) of the target endpoint. */
  service: string;
}

export interface FlowResult {
  flow: RequiredFlow;
  /** One trace per endpoint subnet; ok only when all pass. */
  traces: { subnet: string; trace: Trace }[];
  ok: boolean;
}
