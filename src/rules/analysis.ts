// The shared work behind the flow rules, done once per validation: the network model, what the
// operations require, and a verdict per required flow. Rules read the failing flows, whose
// traces (one per endpoint subnet) are built here; the canvas reads every flow result through
// analyze(), and a passing flow's traces are built only when read.
import type { DesignIndex } from '../model/design-index';
import { buildNetwork, type NetworkModel } from '../network/model';
import {
  endpointSubnetsOf,
  flowPasses,
  traceFlow,
  unreachableTrace,
  type FlowTarget,
} from '../network/reachability';
import type { FlowResult } from '../veeam/flow-types';
import { deriveRequirements, type PlannedFlow, type Requirements } from '../veeam/flows';
import type { UnmetFlow } from '../veeam/unmet-flows';
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
  /** Required flows whose endpoint does not exist: never reached, each with its one trace. */
  unmet: { unmet: UnmetFlow; result: FlowResult }[];
  /** Every required flow with its result (built on first read; rules need only `failing`). */
  readonly results: { result: FlowResult }[];
}

const memo = new WeakMap<DesignIndex, Analysis>();
const networks = new WeakMap<DesignIndex, NetworkModel>();

/** The design's network model, shared by the flow analysis and the address-plan rules. */
export function networkOf(ctx: Pick<RuleContext, 'index'>): NetworkModel {
  let net = networks.get(ctx.index);
  if (!net) networks.set(ctx.index, (net = buildNetwork(ctx.index)));
  return net;
}

function tracesOf(net: NetworkModel, planned: PlannedFlow): FlowResult['traces'] {
  const { source, endpoint, endpointVpc: vpc } = planned;
  const subnets = endpointSubnetsOf(net, endpoint, vpc);
  if (!subnets.length) {
    const name = JSON.stringify(net.index.nameOf(endpoint.id));
    const detail = `endpoint ${name} has no subnet in its VPC, so it has no network interface to reach`;
    const why = { reason: 'no-subnets' as const, detail, elements: [endpoint.id] };
    return [{ subnet: endpoint.id, trace: unreachableTrace(net, source, why) }];
  }
  return subnets.map((subnet) => ({
    subnet: subnet.id,
    trace: traceFlow(net, source, { endpoint, vpc, subnet }),
  }));
}

/** A passing flow's result; its traces are built when read (the canvas's "why?"). */
function passingResult(net: NetworkModel, planned: PlannedFlow): FlowResult {
  let traces: FlowResult['traces'] | undefined;
  // The getter is enumerable, so JSON and postMessage see the traces.
  return {
    flow: planned.flow,
    ok: true,
    get traces() {
      return (traces ??= tracesOf(net, planned));
    },
  };
}

export function analysisOf(ctx: Pick<RuleContext, 'index'>): Analysis {
  let hit = memo.get(ctx.index);
  if (!hit) {
    const { index } = ctx;
    const net = networkOf(ctx);
    const requirements = deriveRequirements(index, net);
    const flows = requirements.flows;
    const ok = new Uint8Array(flows.length);
    const failing: JudgedFlow[] = [];
    const failed: (FlowResult | undefined)[] = [];
    let scratch: FlowTarget | undefined;
    for (let i = 0; i < flows.length; i++) {
      const planned = flows[i]!;
      const { endpoint, vpc } = planned.end;
      scratch ??= { endpoint, vpc, subnet: undefined! };
      if (flowPasses(net, planned.source, endpoint, vpc, scratch)) ok[i] = 1;
      else {
        const result = { flow: planned.flow, ok: false, traces: tracesOf(net, planned) };
        failed[i] = result;
        failing.push({ planned, result });
      }
    }
    const unmet = requirements.unmet.map((u) => ({ unmet: u, result: unmetResult(net, u) }));
    let results: { result: FlowResult }[] | undefined;
    hit = {
      net,
      requirements,
      failing,
      unmet,
      get results() {
        return (results ??= [
          ...flows.map((planned, i) => ({
            planned,
            result: ok[i] ? passingResult(net, planned) : failed[i]!,
          })),
          ...unmet,
        ]);
      },
    };
    memo.set(index, hit);
  }
  return hit;
}

const UNMET_DETAIL: Record<UnmetFlow['reason'], string> = {
  'no-endpoint': 'no such interface endpoint exists in the VPC',
  'no-s3-endpoint': 'the repository names no S3 endpoint',
  gateway: 'the repository names an S3 gateway endpoint, which private deployment cannot use',
  'not-s3-interface': 'the repository names an element that is not an S3 interface endpoint',
};

function unmetResult(net: NetworkModel, u: UnmetFlow): FlowResult {
  const why = { reason: 'no-endpoint' as const, detail: UNMET_DETAIL[u.reason], elements: [u.at] };
  return { flow: u.flow, ok: false, traces: [{ subnet: u.at, trace: unreachableTrace(net, u.source, why) }] };
}

/** How a flow fares overall: every endpoint subnet passes, some do, or none does. */
export function flowOutcome(result: FlowResult): 'ok' | 'partial' | 'blocked' {
  if (result.ok) return 'ok';
  const passing = result.traces.filter((t) => t.trace.ok).length;
  return passing > 0 ? 'partial' : 'blocked';
}
