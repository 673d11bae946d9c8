// The shared work behind the flow rules, done once per validation: the network model, what the
// operations require, and one trace per (required flow, endpoint subnet). Rules read it; the
// canvas reads the same flow results through analyze().
import type { DesignIndex } from '../model/design-index';
import { buildNetwork, type NetworkModel } from '../network/model';
import { isJudged, traceFlow } from '../network/reachability';
import type { FlowResult } from '../veeam/flow-types';
import { deriveRequirements, type PlannedFlow, type Requirements } from '../veeam/flows';
import type { RuleContext } from './types';

export interface Analysis {
  net: NetworkModel;
  requirements: Requirements;
  results: { planned: PlannedFlow; result: FlowResult }[];
}

const memo = new WeakMap<DesignIndex, Analysis>();

export function analysisOf(ctx: Pick<RuleContext, 'index'>): Analysis {
  let hit = memo.get(ctx.index);
  if (!hit) {
    const net = buildNetwork(ctx.index);
    const requirements = deriveRequirements(ctx.index, net);
    const results = requirements.flows.map((planned) => {
      const traces: FlowResult['traces'] = [];
      for (const subnetId of planned.endpoint.subnets) {
        const subnet = ctx.index.subnets.get(subnetId);
        if (!subnet || subnet.vpc?.id !== planned.endpointVpc.id) continue;
        traces.push({
          subnet: subnetId,
          trace: traceFlow(net, planned.source, {
            endpoint: planned.endpoint,
            vpc: planned.endpointVpc,
            subnet: subnet.element,
          }),
        });
      }
      const result: FlowResult = {
        flow: planned.flow,
        traces,
        ok: traces.length > 0 && traces.every((t) => t.trace.ok),
      };
      return { planned, result };
    });
    hit = { net, requirements, results };
    memo.set(ctx.index, hit);
  }
  return hit;
}

/** How a flow fares overall: every judged subnet passes, some do, or none does. */
export function flowOutcome(result: FlowResult): 'ok' | 'partial' | 'blocked' | 'unjudged' {
  const judged = result.traces.filter((t) => isJudged(t.trace));
  if (!judged.length) return 'unjudged';
  const passing = judged.filter((t) => t.trace.ok).length;
  if (passing === judged.length) return judged.length === result.traces.length ? 'ok' : 'unjudged';
  return passing > 0 ? 'partial' : 'blocked';
}
