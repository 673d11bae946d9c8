// Turning failed trace hops into findings: the message, the elements and the fix for each kind of
// hop failure live here once, and the route, peering and security-group rules pick their share.
// Flows where only some endpoint subnets pass are reported as reach/partial instead, and archive
// flows as archive/repository-peering, each carrying the same per-hop fixes.
import type { Command } from '../../../../src/model/command';
import { addRoute, setRouteTarget } from '../../../../src/model/commands/route';
import { acceptPeering } from '../../../../src/model/commands/peering';
import { blockHolding, cidrOf } from '../../../../src/network/cidr';
import type { Hop } from '../../../../src/network/trace';
import { OPERATION_REQUIREMENTS } from '../../../../src/veeam/operations';
import type { FlowResult } from '../../../../src/veeam/flow-types';
import type { PlannedFlow } from '../../../../src/veeam/flows';
import { analysisOf, flowOutcome, type Analysis } from './analysis';
import { foreignPeeringMessage } from './routes';
import { createPeeringFix } from './missing-links';
import { admit443Fix } from './sg-rule-fix';
import { describeTgwHop } from './tgw-problems';
import type { Finding, Fix, RuleContext, Severity } from './types';

export interface HopProblem {
  rule: string;
  message: string;
  elements: string[];
  fix?: Fix;
}

export interface FailedHop {
  planned: PlannedFlow;
  result: FlowResult;
  subnet: string;
  hop: Hop;
}

/** What a finding's `flow` says: the operations that need it and the path. */
export function flowLabel(ctx: RuleContext, result: FlowResult): string {
  const ops = result.flow.operations.map((id) => {
    const op = ctx.index.operations.get(id)?.element;
    return op ? `"${ctx.index.nameOf(id)}" (${OPERATION_REQUIREMENTS[op.kind].label})` : id;
  });
  return `${ops.length ? ops.join(', ') + ': ' : ''}${result.flow.description}`;
}

/** Failed hops of flows that fail on every endpoint subnet (the error-level reports). */
export function blockedHops(ctx: RuleContext): FailedHop[] {
  const a = analysisOf(ctx);
  const out: FailedHop[] = [];
  for (const { planned, result } of a.failing) {
    if (planned.kind === 'archive-peering' || flowOutcome(result) !== 'blocked') continue;
    for (const t of result.traces)
      for (const hop of t.trace.hops)
        if (hop.verdict === 'fail') out.push({ planned, result, subnet: t.subnet, hop });
  }
  return out;
}

function preferredPeering(a: Analysis, x: string, y: string): string | undefined {
  const joining = a.net.peeringsBetween(x, y);
  return (joining.find((p) => p.status === 'active') ?? joining[0])?.id;
}

const q = (s: string) => `"${s}"`;

/**
 * The TGW a VPC is attached to that leads toward VPC `to` (attached to it too, or to a TGW it
 * peers with); only designs with TGWs get past the first test.
 */
function attachedTgw(ctx: RuleContext, from: string, to: string): string | undefined {
  const list = ctx.design.transitGatewayAttachments;
  if (!list.length) return undefined;
  const tgwsOf = (vpc: string) => list.filter((a) => a.vpc === vpc).map((a) => a.transitGateway);
  const theirs = new Set(tgwsOf(to));
  const ours = tgwsOf(from);
  const direct = ours.find((t) => theirs.has(t));
  if (direct) return direct;
  return ours.find((t) =>
    list.some(
      (a) =>
        a.vpc === undefined &&
        ((a.transitGateway === t && theirs.has(a.peerTransitGateway ?? '')) ||
          (a.peerTransitGateway === t && theirs.has(a.transitGateway))),
    ),
  );
}

/** Message, elements and fix for one failed hop, or undefined when another rule owns it. */
export function describeHop(
  ctx: RuleContext,
  planned: PlannedFlow,
  subnetId: string,
  hop: Hop,
): HopProblem | undefined {
  const a = analysisOf(ctx);
  const name = (id: string) => q(ctx.index.nameOf(id));
  const { flow, source, endpoint, endpointVpc } = planned;
  const subnet = ctx.index.subnets.get(subnetId)?.element;
  const dest = cidrOf(subnet?.cidr);
  if (hop.kind === 'transit-gateway' || hop.reason === 'tgw-sg-reference')
    return describeTgwHop(ctx, a.net, planned, subnetId, hop);
  if (hop.kind === 'destination' || !subnet || !dest) return destinationProblem(ctx, planned, hop);
  const destBlock = blockHolding(a.net.blocksOf(endpointVpc), dest)?.text ?? dest.text;

  if (hop.kind === 'route' || hop.kind === 'return-route') {
    const forward = hop.kind === 'route';
    const fromVpc = forward ? source.vpc : endpointVpc;
    const toVpc = forward ? endpointVpc : source.vpc;
    const wanted = forward ? destBlock : flow.fixRange;
    const reaching = forward
      ? `${dest.text} (subnet ${name(subnetId)} of endpoint ${name(endpoint.id)})`
      : `${flow.sourceRange} (${source.label})`;
    const where = hop.routeTable
      ? `Route table ${name(hop.routeTable)} in VPC ${name(fromVpc.id)}`
      : `VPC ${name(fromVpc.id)} has no main route table and`;
    const peering = preferredPeering(a, fromVpc.id, toVpc.id);
    if (hop.reason === 'foreign-peering' && hop.routeTable && hop.route?.peering)
      return {
        rule: 'route/foreign-peering',
        // The same words as the rule's own finding, so the two merge and it names this flow.
        message: foreignPeeringMessage(
          ctx.index,
          fromVpc.id,
          hop.routeTable,
          hop.route.destination,
          hop.route.peering,
        ),
        elements: [hop.routeTable, hop.route.peering],
      };
    if (hop.reason === 'local-shadow') {
      const other = forward ? dest.text : flow.sourceRange;
      return {
        rule: 'route/local-shadow',
        message: `${other} (${forward ? `subnet ${name(subnetId)} of endpoint ${name(endpoint.id)}` : source.label}) lies inside the blocks of VPC ${name(fromVpc.id)} itself, so its local route keeps that traffic inside VPC ${name(fromVpc.id)} and it never reaches VPC ${name(toVpc.id)}. Re-address one of the two VPCs so their blocks do not overlap.`,
        elements: [fromVpc.id, toVpc.id],
      };
    }
    if (hop.reason === 'invalid')
      return {
        rule: 'reach/invalid-element',
        message: `The flow ${flow.description} cannot be made: ${hop.detail}. Fix the address plan of VPC ${name(toVpc.id)}.`,
        elements: hop.elements,
      };
    if (hop.reason === 'unknown-peering') {
      const r = hop.route!;
      return {
        rule: 'route/wrong-target',
        message: `${where}: the most specific route to ${forward ? dest.text : flow.sourceRange} is ${r.destination} → ${r.peering ?? '?'}, a peering that does not exist. Point it at a peering between VPC ${name(fromVpc.id)} and VPC ${name(toVpc.id)}.`,
        elements: [hop.routeTable ?? fromVpc.id, toVpc.id],
      };
    }
    if (hop.reason === 'no-route') {
      const elements = [hop.routeTable ?? fromVpc.id, ...(peering ? [peering] : [])];
      const what = forward
        ? `has no route to ${reaching}`
        : `has no return route to ${reaching}, so replies cannot get back`;
      const tgw = peering ? undefined : attachedTgw(ctx, fromVpc.id, toVpc.id);
      if (tgw)
        return {
          rule: 'route/missing',
          message: `${where} ${what}. Add route ${wanted} → transit gateway ${name(tgw)}.`,
          elements: [...elements, tgw],
          fix: {
            title: `Add route ${wanted} → transit gateway ${name(tgw)} to ${hop.routeTable ? `route table ${name(hop.routeTable)}` : `VPC ${name(fromVpc.id)}`}`,
            commands: [
              addRoute({
                vpc: fromVpc.id,
                ...(hop.routeTable ? { routeTable: hop.routeTable } : {}),
                route: { destination: wanted, transitGateway: tgw },
              }),
            ],
          },
        };
      if (!peering) {
        const fix = createPeeringFix(ctx.design, {
          source: { vpc: source.vpc, subnets: source.subnets, range: flow.fixRange },
          target: { vpc: endpointVpc, subnet, block: destBlock },
        });
        return {
          rule: 'route/missing',
          message: `${where} ${what}. No peering joins VPC ${name(fromVpc.id)} and VPC ${name(toVpc.id)}: create one, then route ${wanted} over it.`,
          elements: [...elements, toVpc.id],
          ...(fix ? { fix } : {}),
        };
      }
      return {
        rule: 'route/missing',
        message: `${where} ${what}. Add route ${wanted} → peering ${name(peering)}.`,
        elements,
        fix: {
          title: `Add route ${wanted} → peering ${name(peering)} to ${hop.routeTable ? `route table ${name(hop.routeTable)}` : `VPC ${name(fromVpc.id)}`}`,
          commands: [
            addRoute({
              vpc: fromVpc.id,
              ...(hop.routeTable ? { routeTable: hop.routeTable } : {}),
              route: { destination: wanted, peering },
            }),
          ],
        },
      };
    }
    if (hop.reason === 'gateway' || hop.reason === 'other-peering') {
      const r = hop.route!;
      const target =
        r.gateway !== undefined
          ? `the ${r.gateway} gateway`
          : `peering ${name(r.peering ?? '')}, which leads to another VPC (peering is not transitive)`;
      const elements = [
        hop.routeTable ?? fromVpc.id,
        ...(r.peering ? [r.peering] : []),
        ...(peering ? [peering] : []),
      ];
      const toward = forward ? dest.text : flow.sourceRange;
      if (hop.partial)
        // Which change is right (retarget the route, remove it, re-address) depends on what the
        // route is for, so this one has no fix.
        return {
          rule: 'route/wrong-target',
          message: `${where}: the more specific route ${r.destination} → ${target} takes part of ${toward}, so traffic ${forward ? `for endpoint ${name(endpoint.id)}` : `back to ${source.label}`} to those addresses never reaches VPC ${name(toVpc.id)}. Send all of ${toward} over a peering to VPC ${name(toVpc.id)}: retarget or narrow that route.`,
          elements: [...elements, toVpc.id],
        };
      const base = `${where}: the most specific route to ${toward} is ${r.destination} → ${target}, so traffic ${forward ? 'for' : 'back to'} ${forward ? `endpoint ${name(endpoint.id)}` : source.label} never reaches VPC ${name(toVpc.id)}.`;
      if (!peering || !hop.routeTable)
        return {
          rule: 'route/wrong-target',
          message: `${base} Peer the two VPCs and route ${wanted} over that peering.`,
          elements: [...elements, toVpc.id],
        };
      const wrongPrefix = cidrOf(r.destination)!.prefix;
      const wantedBlock = cidrOf(wanted);
      const exact = forward ? dest : cidrOf(flow.sourceRange);
      let command: Command;
      let title: string;
      if (r.destination === wanted || (exact && r.destination === exact.text)) {
        command = setRouteTarget({ routeTable: hop.routeTable, destination: r.destination, peering });
        title = `Point route ${r.destination} in route table ${name(hop.routeTable)} at peering ${name(peering)}`;
      } else {
        const destination = wantedBlock && wantedBlock.prefix > wrongPrefix ? wanted : exact!.text;
        command = addRoute({ vpc: fromVpc.id, routeTable: hop.routeTable, route: { destination, peering } });
        title = `Add route ${destination} → peering ${name(peering)} to route table ${name(hop.routeTable)}`;
      }
      return {
        rule: 'route/wrong-target',
        message: `${base} ${title}.`,
        elements,
        fix: { title, commands: [command] },
      };
    }
    return undefined;
  }

  if (hop.kind === 'peering' && hop.reason === 'not-active' && hop.peering) {
    const p = ctx.index.peerings.get(hop.peering)?.element;
    if (!p) return undefined;
    return {
      rule: 'peering/not-active',
      message: `Peering ${name(p.id)} between VPC ${name(p.requester)} and VPC ${name(p.accepter)} is still pending acceptance, so no traffic crosses it. Accept it in the accepter VPC's account.`,
      elements: [p.id, p.accepter],
      fix: { title: `Accept peering ${name(p.id)}`, commands: [acceptPeering({ peering: p.id })] },
    };
  }

  if (hop.kind === 'sg-egress' && hop.reason === 'no-rule') {
    const groups = hop.groups ?? [];
    const group = groups[0];
    const names = groups.map(name).join(', ');
    return {
      rule: 'sg/egress-443',
      message: `Security group ${names} (${source.label}) does not let tcp/443 out to ${dest.text}, where endpoint ${name(endpoint.id)} sits. Add an egress rule for tcp/443 to ${destBlock}.`,
      elements: groups,
      fix: group
        ? admit443Fix(ctx.design, {
            group,
            groupName: ctx.index.nameOf(group),
            direction: 'egress',
            range: destBlock,
            description: `HTTPS to ${flow.service} endpoint`,
            addTitle: `Allow tcp/443 out to ${destBlock} in security group ${name(group)}`,
          })
        : undefined,
    };
  }

  if (hop.kind === 'sg-ingress' && hop.reason === 'no-rule') {
    const groups = hop.groups ?? [];
    const group = groups[0];
    if (!group)
      return {
        rule: 'sg/ingress-443',
        message: `Endpoint ${name(endpoint.id)} has no security group, so nothing admits tcp/443 from ${source.label}. Attach a group that admits tcp/443 from ${flow.fixRange}.`,
        elements: [endpoint.id],
      };
    return {
      rule: 'sg/ingress-443',
      message: `Security group ${groups.map(name).join(', ')} of endpoint ${name(endpoint.id)} does not admit tcp/443 from ${flow.sourceRange} (${source.label}). Add an ingress rule for tcp/443 from ${flow.fixRange}.`,
      elements: [...groups, endpoint.id],
      fix: admit443Fix(ctx.design, {
        group,
        groupName: ctx.index.nameOf(group),
        direction: 'ingress',
        range: flow.fixRange,
        description: `HTTPS from ${flow.kind === 'appliance-repository' ? 'the backup appliance' : flow.kind === 'archive-peering' ? 'the other repository VPC' : 'worker instances'}`,
        addTitle: `Admit tcp/443 from ${flow.fixRange} in security group ${name(group)}`,
      }),
    };
  }
  return undefined;
}

/** A destination that cannot be reached at all: an endpoint without subnets, a subnet without a valid block. */
function destinationProblem(ctx: RuleContext, planned: PlannedFlow, hop: Hop): HopProblem | undefined {
  const name = (id: string) => q(ctx.index.nameOf(id));
  if (hop.kind !== 'destination') return undefined;
  if (hop.reason === 'no-subnets')
    return {
      rule: 'endpoint/no-subnets',
      message: `Endpoint ${name(planned.endpoint.id)} has no subnet in VPC ${name(planned.endpointVpc.id)}, so it has no network interface and nothing reaches it. Add a subnet of each Availability Zone its clients use.`,
      elements: [planned.endpoint.id],
    };
  if (hop.reason === 'invalid')
    return {
      rule: 'reach/invalid-element',
      message: `The flow ${planned.flow.description} cannot be made: ${hop.detail}. Give the subnet a valid block.`,
      elements: hop.elements,
    };
  return undefined;
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

/** The findings of one rule id among the blocked flows' failed hops. */
export function hopFindings(ctx: RuleContext, rule: string, severity: Severity): Finding[] {
  const findings: Finding[] = [];
  for (const f of blockedHops(ctx)) {
    const problem = describeHop(ctx, f.planned, f.subnet, f.hop);
    if (!problem || problem.rule !== rule) continue;
    findings.push({
      rule,
      severity,
      message: problem.message,
      elements: problem.elements,
      flow: flowLabel(ctx, f.result),
      ...(problem.fix ? { fix: problem.fix } : {}),
    });
  }
  return findings;
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
      const p = describeHop(ctx, planned, t.subnet, hop);
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
