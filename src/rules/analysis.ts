// The shared work behind the flow rules, done once per validation: the network model, what the
// operations require, and a verdict per required flow. Rules read the failing flows, whose
// traces (one per endpoint subnet) are built here; the canvas reads every flow result through
// analyze(), and a passing flow's traces are built only when read.
import type { DesignIndex } from '../model/design-index';
import { buildNetwork, type NetworkModel } from '../network/model';
import { flowVerdictAt, isJudged, traceFlow, type FlowTarget } from '../network/reachability';
import type { FlowResult } from '../veeam/flow-types';
import { deriveRequirements, type PlannedFlow, type Requirements } from '../veeam/flows';
import type { RuleContext } from './types';

export interface JudgedFlow {
  planned: PlannedFlow;
  result: FlowResult;
}

export interface Analysis {
  net: NetworkModel;
  requirements: Requirements;
  /** Flows that do not pass on every endpoint subnet, in requirement order, traces built. */
  failing: JudgedFlow[];
  /** Every required flow with its result (built on first read; rules need only `failing`). */
  readonly results: JudgedFlow[];
}

const memo = new WeakMap<DesignIndex, Analysis>();

/** Whether the flow passes on each endpoint subnet of its own VPC (and it has one). */
function passes(net: NetworkModel, index: DesignIndex, planned: PlannedFlow): boolean {
  const { source, endpoint, endpointVpc } = planned;
  let judged = false;
  for (const subnetId of endpoint.subnets) {
    const subnet = index.subnets.get(subnetId);
    if (!subnet || subnet.vpc?.id !== endpointVpc.id) continue;
    judged = true;
    if (flowVerdictAt(net, source, endpoint, endpointVpc, subnet.element) !== 'pass') return false;
  }
  return judged;
}

function tracesOf(net: NetworkModel, index: DesignIndex, planned: PlannedFlow): FlowResult['traces'] {
  const targets: FlowTarget[] = [];
  for (const subnetId of planned.endpoint.subnets) {
    const subnet = index.subnets.get(subnetId);
    if (subnet && subnet.vpc?.id === planned.endpointVpc.id)
      targets.push({ endpoint: planned.endpoint, vpc: planned.endpointVpc, subnet: subnet.element });
  }
  return targets.map((t) => ({ subnet: t.subnet.id, trace: traceFlow(net, planned.source, t) }));
}

/** A passing flow's result; its traces are built when read (the canvas's "why?"). */
function passingResult(net: NetworkModel, index: DesignIndex, planned: PlannedFlow): FlowResult {
  let traces: FlowResult['traces'] | undefined;
  // The getter is enumerable, so JSON and postMessage see the traces.
  return {
    flow: planned.flow,
    ok: true,
    get traces() {
      return (traces ??= tracesOf(net, index, planned));
    },
  };
}

export function analysisOf(ctx: Pick<RuleContext, 'index'>): Analysis {
  let hit = memo.get(ctx.index);
  if (!hit) {
    const { index } = ctx;
    const net = buildNetwork(index);
    const requirements = deriveRequirements(index, net);
    const flows = requirements.flows;
    const ok = new Uint8Array(flows.length);
    const failing: JudgedFlow[] = [];
    const failed: (FlowResult | undefined)[] = [];
    for (let i = 0; i < flows.length; i++) {
      const planned = flows[i]!;
      if (passes(net, index, planned)) ok[i] = 1;
      else {
        const result = { flow: planned.flow, ok: false, traces: tracesOf(net, index, planned) };
        failed[i] = result;
        failing.push({ planned, result });
      }
    }
    let results: JudgedFlow[] | undefined;
    hit = {
      net,
      requirements,
      failing,
      get results() {
        return (results ??= flows.map((planned, i) => ({
          planned,
          result: ok[i] ? passingResult(net, index, planned) : failed[i]!,
        })));
      },
    };
    memo.set(index, hit);
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
