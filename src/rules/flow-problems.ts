// What the flow rules share: the label a finding's `flow` carries, the failed hops of blocked
// flows, and the hand-off of each failed hop to the one rule that judges it (a rule's `hops`).
// The rules themselves word their hops; reach/partial and archive/repository-peering quote them.
import type { Hop } from '../network/trace';
import { blockHolding, cidrOf, type Cidr } from '../network/cidr';
import type { Subnet, Vpc } from '../model/schema';
import { OPERATION_REQUIREMENTS } from '../veeam/operations';
import type { FlowResult } from '../veeam/flow-types';
import type { PlannedFlow } from '../veeam/flows';
import { analysisOf, flowOutcome, type Analysis } from './analysis';
import type { FailedHop, Fix, HopJudge, HopReport, Report, Rule, RuleContext } from './types';

export interface HopProblem extends HopReport {
  rule: string;
}

/** A quoted element name, as messages show them. */
export const quoted = (ctx: RuleContext, id: string) => `"${ctx.index.nameOf(id)}"`;

/** What a finding's `flow` says: the operations that need it and the path. */
export function flowLabel(ctx: RuleContext, result: FlowResult): string {
  const ops = result.flow.operations.map((id) => {
    const op = ctx.index.operations.get(id)?.element;
    return op ? `"${ctx.index.nameOf(id)}" (${OPERATION_REQUIREMENTS[op.kind].label})` : id;
  });
  return `${ops.length ? ops.join(', ') + ': ' : ''}${result.flow.description}`;
}

/** The hop judges of a set of rules, each with its rule's id (the runner's context carries them all). */
export function hopJudgesOf(rules: readonly Rule[]): RuleContext['hopJudges'] {
  return rules.flatMap((r) => (r.hops ?? []).map((judge) => ({ rule: r.meta.id, judge })));
}

/** Whether `judge` is the one for `hop` (a failed hop without a reason has none). */
export function judges(judge: HopJudge, hop: Hop): boolean {
  return (
    hop.reason !== undefined &&
    judge.kinds.includes(hop.kind) &&
    judge.reasons.includes(hop.reason) &&
    (judge.returning === undefined || judge.returning === (hop.returning === true))
  );
}

/** The problem a failed hop is, in the words of the rule that judges it; undefined when none does. */
export function describeHop(ctx: RuleContext, at: FailedHop): HopProblem | undefined {
  const owner = ctx.hopJudges.find((j) => judges(j.judge, at.hop));
  const report = owner?.judge.describe(ctx, at);
  return owner && report ? { rule: owner.rule, ...report } : undefined;
}

export interface EndpointSide {
  subnet: Subnet;
  dest: Cidr;
  /** The endpoint VPC's block holding the subnet (the subnet's own block if none does). */
  destBlock: string;
}

/** The endpoint subnet a hop's trace went to and its block; undefined when it has no valid one. */
export function endpointSide(ctx: RuleContext, at: FailedHop): EndpointSide | undefined {
  const subnet = ctx.index.subnets.get(at.subnet)?.element;
  const dest = cidrOf(subnet?.cidr);
  if (!subnet || !dest) return undefined;
  const { net } = analysisOf(ctx);
  const destBlock = blockHolding(net.blocksOf(at.planned.endpointVpc), dest)?.text ?? dest.text;
  return { subnet, dest, destBlock };
}

/** Failed hops of flows that fail on every endpoint subnet (the error-level reports). */
function blockedHops(a: Analysis): (FailedHop & { result: FlowResult })[] {
  const out: (FailedHop & { result: FlowResult })[] = [];
  for (const { planned, result } of a.failing) {
    if (planned.kind === 'archive-peering' || flowOutcome(result) !== 'blocked') continue;
    for (const t of result.traces)
      for (const hop of t.trace.hops)
        if (hop.verdict === 'fail') out.push({ planned, result, subnet: t.subnet, hop });
  }
  return out;
}

const judged = new WeakMap<RuleContext, Map<string, Report[]>>();

/** What each rule reports on the blocked flows' failed hops, by rule id; judged once per validation. */
export function hopReports(ctx: RuleContext, rule: string): Report[] {
  let byRule = judged.get(ctx);
  if (!byRule) {
    byRule = new Map();
    for (const at of blockedHops(analysisOf(ctx))) {
      const problem = describeHop(ctx, at);
      if (!problem) continue;
      const { rule: id, message, elements, fix } = problem;
      const list = byRule.get(id) ?? [];
      list.push({ message, elements, flow: flowLabel(ctx, at.result), ...(fix ? { fix } : {}) });
      byRule.set(id, list);
    }
    judged.set(ctx, byRule);
  }
  return byRule.get(rule) ?? [];
}

/** `flow` labels of the unmet flows (no endpoint to reach) that `pick` selects, joined as merged findings join them. */
export function unmetFlowLabel(
  ctx: RuleContext,
  pick: (u: Analysis['unmet'][number]['unmet']) => boolean,
): string | undefined {
  const labels = analysisOf(ctx)
    .unmet.filter((u) => pick(u.unmet))
    .map((u) => flowLabel(ctx, u.result));
  return labels.length ? labels.join('; ') : undefined;
}

/** All problems on the failing subnets of one flow, with a combined fix when every problem has one. */
export function flowProblems(
  ctx: RuleContext,
  planned: PlannedFlow,
  result: FlowResult,
): { problems: HopProblem[]; fix?: Fix; failing: string[] } {
  const problems: HopProblem[] = [];
  const failing: string[] = [];
  const seen = new Set<string>();
  for (const t of result.traces) {
    if (t.trace.ok) continue;
    failing.push(t.subnet);
    for (const hop of t.trace.hops) {
      if (hop.verdict !== 'fail') continue;
      const p = describeHop(ctx, { planned, subnet: t.subnet, hop });
      if (!p || seen.has(p.message)) continue;
      seen.add(p.message);
      problems.push(p);
    }
  }
  const fixes = problems.map((p) => p.fix);
  const fix =
    problems.length && fixes.every((f) => f !== undefined)
      ? { title: fixes.map((f) => f!.title).join('; '), commands: fixes.flatMap((f) => f!.commands) }
      : undefined;
  return { problems, fix, failing };
}

/** A failed route or return-route hop seen from the VPC whose table decided it. */
export interface RouteHop extends EndpointSide {
  forward: boolean;
  fromVpc: Vpc;
  toVpc: Vpc;
  /** The block the missing route should cover: the endpoint VPC's block, or the source's fix range. */
  wanted: string;
  /** The addresses the route was looked up for, and what they are. */
  reaching: string;
  /** How messages open: the route table, or the VPC without a main table. */
  where: string;
  /** The peering joining the two VPCs (an active one first), if any. */
  peering?: string;
}

/** The route view of a failed route hop; undefined when the endpoint subnet has no valid block. */
export function routeHop(ctx: RuleContext, at: FailedHop): RouteHop | undefined {
  const side = endpointSide(ctx, at);
  if (!side) return undefined;
  const { hop, planned } = at;
  const { flow, source, endpoint, endpointVpc } = planned;
  const name = (id: string) => quoted(ctx, id);
  const forward = hop.kind === 'route';
  const fromVpc = forward ? source.vpc : endpointVpc;
  const toVpc = forward ? endpointVpc : source.vpc;
  const joining = analysisOf(ctx).net.peeringsBetween(fromVpc.id, toVpc.id);
  return {
    ...side,
    forward,
    fromVpc,
    toVpc,
    wanted: forward ? side.destBlock : flow.fixRange,
    reaching: forward
      ? `${side.dest.text} (subnet ${name(at.subnet)} of endpoint ${name(endpoint.id)})`
      : `${flow.sourceRange} (${source.label})`,
    where: hop.routeTable
      ? `Route table ${name(hop.routeTable)} in VPC ${name(fromVpc.id)}`
      : `VPC ${name(fromVpc.id)} has no main route table and`,
    peering: (joining.find((p) => p.status === 'active') ?? joining[0])?.id,
  };
}
