// The shared work behind the flow rules, done once per validation: the network model, what the
// operations require, and one trace per (required flow, endpoint subnet). Rules read it; the
// canvas reads the same flow results through analyze().
import type { DesignIndex } from '../model/design-index';
import { buildNetwork, type NetworkModel } from '../network/model';
import { flowVerdict, isJudged, traceFlow, type FlowTarget } from '../network/reachability';
import type { FlowResult } from '../veeam/flow-types';
import { deriveRequirements, type PlannedFlow, type Requirements } from '../veeam/flows';
import type { RuleContext } from './types';

export interface Analysis {
  net: NetworkModel;
  requirements: Requirements;
  results: { planned: PlannedFlow; result: FlowResult }[];
}

const memo = new WeakMap<DesignIndex, Analysis>();

function judgeFlow(net: NetworkModel, index: DesignIndex, planned: PlannedFlow): FlowResult {
  const targets: FlowTarget[] = [];
  for (const subnetId of planned.endpoint.subnets) {
    const subnet = index.subnets.get(subnetId);
    if (subnet && subnet.vpc?.id === planned.endpointVpc.id)
      targets.push({ endpoint: planned.endpoint, vpc: planned.endpointVpc, subnet: subnet.element });
  }
  const ok = targets.length > 0 && targets.every((t) => flowVerdict(net, planned.source, t) === 'pass');
  let traces: FlowResult['traces'] | undefined;
  const build = () =>
    (traces ??= targets.map((t) => ({ subnet: t.subnet.id, trace: traceFlow(net, planned.source, t) })));
  if (!ok) build();
  // Traces of passing flows are built only when read (the canvas's "why?"), which keeps
  // validation of large designs cheap; the getter is enumerable, so JSON and postMessage see it.
  return {
    flow: planned.flow,
    ok,
    get traces() {
      return build();
    },
  };
}

export function analysisOf(ctx: Pick<RuleContext, 'index'>): Analysis {
  let hit = memo.get(ctx.index);
  if (!hit) {
    const net = buildNetwork(ctx.index);
    const requirements = deriveRequirements(ctx.index, net);
    const results = requirements.flows.map((planned) => ({
      planned,
      result: judgeFlow(net, ctx.index, planned),
    }));
    hit = { net, requirements, results };
    memo.set(ctx.index, hit);
  }
  return hit;
}

/** How a flow fares overall: every judged subnet passes, some do, or none does. */
export function flowOutcome(result: FlowResult): 'ok' | 'partial' | 'blocked' | 'unjudged' {
  if (result.ok) return 'ok';
  const judged = result.traces.filter((t) => isJudged(t.trace));
  if (!judged.length) return 'unjudged';
  const passing = judged.filter((t) => t.trace.ok).length;
  if (passing === judged.length) return 'unjudged';
  return passing > 0 ? 'partial' : 'blocked';
}
