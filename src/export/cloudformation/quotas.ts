// CloudFormation's per-template quotas, and how many stacks a scope (account and region) needs to
// respect them. A scope is split by a hash of each VPC's id into a power-of-two number of parts, so
// a VPC changes stack only when its scope's part count doubles — never because another VPC was added
// or deleted — and a part keeps its stack name when it splits (half of its VPCs move to a new part).
import type { ExportModel, Scope } from '../model';
import type { Stack } from './builder';

export const QUOTAS = {
  resources: 500,
  parameters: 200,
  outputs: 200,
  /** A template passed inline (`--template-file` without `--s3-bucket`) may hold this many bytes. */
  inlineBytes: 51_200,
  /** Through an S3 bucket. */
  bytes: 1_000_000,
} as const;

/** Leaves room for the roles, outputs and parameters the resource count does not foresee. */
const RESOURCE_BUDGET = 400;

export function templateBytes(content: string): number {
  return new TextEncoder().encode(content).length;
}

/** What a stack exceeds, in words (empty when it fits). */
export function overQuota(stack: Stack, bytes: number): string[] {
  const over: string[] = [];
  const count = (o: object) => Object.keys(o).length;
  if (count(stack.resources) > QUOTAS.resources)
    over.push(`${count(stack.resources)} resources (at most ${QUOTAS.resources})`);
  if (count(stack.parameters) > QUOTAS.parameters)
    over.push(`${count(stack.parameters)} parameters (at most ${QUOTAS.parameters})`);
  if (count(stack.outputs) > QUOTAS.outputs)
    over.push(`${count(stack.outputs)} outputs (at most ${QUOTAS.outputs})`);
  if (bytes > QUOTAS.bytes) over.push(`${bytes} bytes (at most ${QUOTAS.bytes})`);
  return over;
}

function estimatedResources(model: ExportModel, scope: Scope): number {
  let n = 0;
  const inScope = new Set(scope.vpcs);
  for (const vpc of scope.vpcs) {
    n += 1 + vpc.secondaryCidrs.length + 2 * vpc.subnets.length + vpc.endpoints.length;
    if (model.usesGateway(vpc, 'internet')) n += 2;
    for (const t of vpc.routeTables) n += 1 + t.routes.length;
    for (const g of vpc.securityGroups) n += 1 + g.ingress.length + g.egress.length;
  }
  for (const p of model.peerings) if (inScope.has(p.requester)) n += 1;
  return n;
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/** A first guess at each scope's part count, from the resources it will hold. */
export function initialParts(model: ExportModel): Map<string, number> {
  const parts = new Map<string, number>();
  for (const scope of model.scopes) {
    const n = nextPowerOfTwo(Math.ceil(estimatedResources(model, scope) / RESOURCE_BUDGET));
    if (n > 1) parts.set(scope.key, n);
  }
  return parts;
}

/**
 * The next part counts to try: scopes with a stack over quota double, as long as splitting can still
 * help (a single VPC bigger than a template cannot be split by VPC). Undefined when nothing changes.
 */
export function grownParts(
  model: ExportModel,
  parts: ReadonlyMap<string, number>,
  overScopes: ReadonlySet<string>,
): Map<string, number> | undefined {
  let changed = false;
  const next = new Map(parts);
  for (const scope of model.scopes) {
    if (!overScopes.has(scope.key)) continue;
    const current = parts.get(scope.key) ?? 1;
    if (current >= 4 * nextPowerOfTwo(scope.vpcs.length)) continue;
    next.set(scope.key, current * 2);
    changed = true;
  }
  return changed ? next : undefined;
}
