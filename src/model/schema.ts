// Design format 1 — the one definition. Types, runtime parsing (with defaults) and the
// committed JSON Schema (schema/design.schema.json) all come from here.
// Contract: ../shared/spec/design-format.md. Unknown fields are kept (looseObject) but never read.
import { z } from 'zod';
import { CURRENT_VERSION, FORMAT } from './format';

// In the browser the app runs under a Content-Security-Policy without 'unsafe-eval'; zod's JIT
// probes `new Function`, which the policy reports as a violation. Node keeps the faster JIT.
if (typeof process === 'undefined' || !process.versions?.node) z.config({ jitless: true });

export { CURRENT_VERSION, FORMAT };

export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Ids become object keys (layout, lookups); these three would reach a prototype instead. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const id = z
  .string()
  .regex(ID_PATTERN, 'an id: 1–64 characters of A–Z a–z 0–9 . _ : -')
  // Compared directly: every id of a design passes here on each load, and a Set lookup hashes
  // each freshly parsed string first.
  .refine(
    (value) => value !== '__proto__' && value !== 'constructor' && value !== 'prototype',
    'an id other than __proto__, constructor or prototype',
  );
const ref = id;
const name = z.string().default('');
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
const port = z.number().int().min(-1).max(65535);

export const SgRuleSchema = z
  .looseObject({
    protocol: z.enum(['tcp', 'udp', 'icmp', '-1']),
    fromPort: port.optional(),
    toPort: port.optional(),
    cidr: z.string().optional(),
    securityGroup: ref.optional(),
    description: z.string().optional(),
  })
  .check((ctx) => {
    const r = ctx.value;
    if ((r.cidr === undefined) === (r.securityGroup === undefined)) {
      ctx.issues.push({
        code: 'custom',
        input: r,
        message: 'exactly one of "cidr" or "securityGroup"',
      });
    }
  });

export const RouteSchema = z
  .looseObject({
    destination: z.string(),
    peering: ref.optional(),
    gateway: z.enum(['internet', 'nat']).optional(),
    transitGateway: ref.optional(),
  })
  .check((ctx) => {
    const r = ctx.value;
    // Counted without an array: every route of a design passes here on each load.
    const targets =
      Number(r.peering !== undefined) +
      Number(r.gateway !== undefined) +
      Number(r.transitGateway !== undefined);
    if (targets !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: r,
        message: 'exactly one target: "peering", "gateway" or "transitGateway"',
      });
    }
  });

export const RouteTableSchema = z.looseObject({
  id,
  name: z.string().optional(),
  main: z.boolean().default(false),
  routes: list(RouteSchema),
});

export const SubnetSchema = z.looseObject({
  id,
  name,
  cidr: z.string(),
  az: z.string(),
  routeTable: ref.optional(),
  mapPublicIpOnLaunch: z.boolean().default(false),
});

export const SecurityGroupSchema = z.looseObject({
  id,
  name,
  ingress: list(SgRuleSchema),
  egress: list(SgRuleSchema),
});

export const EndpointSchema = z.looseObject({
  id,
  name: z.string().optional(),
  service: z.string().min(1),
  type: z.enum(['Interface', 'Gateway']),
  subnets: list(ref),
  securityGroups: list(ref),
  routeTables: list(ref),
  // AWS turns private DNS on by default for interface endpoints of AWS services.
  privateDns: z.boolean().default(true),
});

export const VpcSchema = z.looseObject({
  id,
  name,
  account: ref,
  region: z.string(),
  cidr: z.string(),
  secondaryCidrs: list(z.string()),
  dnsSupport: z.boolean().default(true),
  dnsHostnames: z.boolean().default(false),
  subnets: list(SubnetSchema),
  routeTables: list(RouteTableSchema),
  securityGroups: list(SecurityGroupSchema),
  endpoints: list(EndpointSchema),
});

export const AccountSchema = z.looseObject({
  id,
  name,
  accountId: z.string(),
});

export const PeeringSchema = z.looseObject({
  id,
  name: z.string().optional(),
  requester: ref,
  accepter: ref,
  status: z.enum(['active', 'pending-acceptance']).default('active'),
});

// Transit Gateway (additive to format 1). A TGW route sends a destination to one attachment or
// drops it (blackhole); an attachment is associated with exactly one TGW route table, which decides
// how traffic arriving from it is routed, and propagates its VPC's blocks into any number of tables.
export const TgwRouteSchema = z
  .looseObject({
    destination: z.string(),
    attachment: ref.optional(),
    blackhole: z.boolean().optional(),
  })
  .check((ctx) => {
    const r = ctx.value;
    if ((r.attachment === undefined) === (r.blackhole !== true)) {
      ctx.issues.push({
        code: 'custom',
        input: r,
        message: 'exactly one target: "attachment" or "blackhole": true',
      });
    }
  });

export const TgwRouteTableSchema = z.looseObject({
  id,
  name: z.string().optional(),
  routes: list(TgwRouteSchema),
});

export const TransitGatewaySchema = z.looseObject({
  id,
  name,
  account: ref,
  region: z.string(),
  asn: z.number().int().default(64512),
  /** Attachments that name no route table are associated with this one (AWS: default association). */
  defaultAssociationRouteTable: ref.optional(),
  /** Attachments that name no propagations propagate to this one (AWS: default propagation). */
  defaultPropagationRouteTable: ref.optional(),
  securityGroupReferencing: z.boolean().default(false),
  /** Accounts the TGW is shared with through AWS RAM, so their VPCs can attach. */
  sharedWith: list(ref),
  routeTables: list(TgwRouteTableSchema),
});

export const TgwAttachmentSchema = z
  .looseObject({
    id,
    name: z.string().optional(),
    transitGateway: ref,
    /** A VPC attachment: the VPC and one subnet per Availability Zone it reaches. */
    vpc: ref.optional(),
    subnets: list(ref),
    /** A peering attachment: the TGW in another region (static routes only). */
    peerTransitGateway: ref.optional(),
    /** The TGW route table this attachment is associated with; omitted: the default association table. */
    routeTable: ref.optional(),
    /** For a peering attachment: the association on the peer TGW's side. */
    peerRouteTable: ref.optional(),
    /** The TGW route tables this attachment propagates to; omitted: the default propagation table. */
    propagations: z.array(ref).optional(),
    status: z.enum(['active', 'pending-acceptance']).default('active'),
    /**
     * A VPC attachment's own security group referencing option. AWS resolves a group reference
     * across the TGW only when the TGW and both VPC attachments have it on; omitted means on, the
     * EC2 API's default for a new VPC attachment.
     */
    securityGroupReferencing: z.boolean().optional(),
  })
  .check((ctx) => {
    const a = ctx.value;
    if ((a.vpc === undefined) === (a.peerTransitGateway === undefined)) {
      ctx.issues.push({ code: 'custom', input: a, message: 'exactly one of "vpc" or "peerTransitGateway"' });
    }
  });

export const ApplianceSchema = z.looseObject({
  id,
  name,
  vpc: ref,
  subnet: ref,
  ip: z.string(),
  securityGroups: list(ref),
});

export const RepositorySchema = z.looseObject({
  id,
  name,
  account: ref,
  region: z.string(),
  bucket: z.string(),
  tier: z.enum(['standard', 'archive']).default('standard'),
  s3Endpoint: ref.optional(),
});

export const WorkerConfigurationSchema = z.looseObject({
  id,
  name: z.string().optional(),
  account: ref,
  region: z.string(),
  vpc: ref,
  subnet: ref,
  securityGroup: ref,
});

export const OPERATION_KINDS = [
  'ec2-backup',
  'ec2-restore',
  'ec2-volume-restore',
  'ec2-health-check',
  'rds-health-check',
  'retention',
  'ec2-archive',
  'rds-archive',
  'rds-backup',
  'rds-restore',
  'efs-indexing',
  'flr-backup',
] as const;

// One shape for every kind: each kind reads only its own fields (src/veeam/operations.ts);
// a field a kind needs but lacks is a finding, not a load error, so half-made designs open.
export const OperationSchema = z.looseObject({
  id,
  name: z.string().optional(),
  kind: z.enum(OPERATION_KINDS),
  account: ref.optional(),
  region: z.string().optional(),
  repository: ref.optional(),
  archiveRepository: ref.optional(),
  vpc: ref.optional(),
  workersIn: z.enum(['backup-account', 'production-account']).default('backup-account'),
  restoreToOriginal: z.boolean().default(false),
});

export const LayoutBoxSchema = z.looseObject({
  x: z.number(),
  y: z.number(),
  w: z.number().optional(),
  h: z.number().optional(),
});

export const DesignSchema = z.looseObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name,
  privateNetworkDeployment: z.boolean().default(true),
  backupAccount: ref.optional(),
  accounts: list(AccountSchema),
  vpcs: list(VpcSchema),
  peerings: list(PeeringSchema),
  transitGateways: list(TransitGatewaySchema),
  transitGatewayAttachments: list(TgwAttachmentSchema),
  appliance: ApplianceSchema.optional(),
  repositories: list(RepositorySchema),
  workerConfigurations: list(WorkerConfigurationSchema),
  operations: list(OperationSchema),
  layout: z.record(z.string(), LayoutBoxSchema).optional(),
});

export type Design = z.output<typeof DesignSchema>;
export type DesignInput = z.input<typeof DesignSchema>;
export type Account = z.output<typeof AccountSchema>;
export type Vpc = z.output<typeof VpcSchema>;
export type Subnet = z.output<typeof SubnetSchema>;
export type RouteTable = z.output<typeof RouteTableSchema>;
export type Route = z.output<typeof RouteSchema>;
export type SecurityGroup = z.output<typeof SecurityGroupSchema>;
export type SgRule = z.output<typeof SgRuleSchema>;
export type Endpoint = z.output<typeof EndpointSchema>;
export type Peering = z.output<typeof PeeringSchema>;
export type TransitGateway = z.output<typeof TransitGatewaySchema>;
export type TgwRouteTable = z.output<typeof TgwRouteTableSchema>;
export type TgwRoute = z.output<typeof TgwRouteSchema>;
export type TgwAttachment = z.output<typeof TgwAttachmentSchema>;
export type Appliance = z.output<typeof ApplianceSchema>;
export type Repository = z.output<typeof RepositorySchema>;
export type WorkerConfiguration = z.output<typeof WorkerConfigurationSchema>;
export type Operation = z.output<typeof OperationSchema>;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export type LayoutBox = z.output<typeof LayoutBoxSchema>;

/** The JSON Schema committed at schema/design.schema.json (a test keeps it fresh). */
export function designJsonSchema(): object {
  return {
    ...z.toJSONSchema(DesignSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://private-network-designer.local/schema/design.schema.json',
    title: 'Veeam Backup for AWS private network design, format 1',
  };
}
