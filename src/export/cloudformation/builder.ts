// The state of one CloudFormation export: the stacks (one per account and region, or several parts
// of one when a scope is too big for one template), where each design element lives, and the
// plumbing between stacks. Values one stack needs from another are Parameters fed from the other
// stack's Outputs; peerings make those needs circular, so every such Parameter defaults to empty and
// what depends on it is created under a Condition once it is filled — stacks are created first and
// updated in rounds, which DEPLOY.md spells out.
import type { SecurityGroup, Vpc } from '../../model/schema';
import { logicalId } from '../labels';
import type { ExportModel, ResolvedPeering, Scope } from '../model';
import { fileSlug, fingerprint, NameRegistry } from '../text';
import { description, getAtt, PATTERNS, ref, type Json, type ValueKind } from './intrinsics';

/** One Output of one stack, and the round of deployment after which it has a value. */
export interface OutputRef {
  stack: Stack;
  name: string;
  round: number;
}

/** A Parameter filled from another stack's Output, in a given round. */
export interface StackInput {
  parameter: string;
  from: OutputRef;
  round: number;
}

/** A step CloudFormation cannot express, done by hand after the stacks exist (DEPLOY.md lists it). */
export interface ManualStep {
  what: string;
  command: string;
}

export interface Stack {
  scope: Scope;
  /** 0 for the scope's first (or only) stack. */
  part: number;
  name: string;
  file: string;
  ids: NameRegistry;
  outputNames: NameRegistry;
  parameters: Record<string, Json>;
  conditions: Record<string, Json>;
  resources: Record<string, Json>;
  outputs: Record<string, Json>;
  inputs: StackInput[];
  /** Parameters the user fills by hand (NAT gateways). */
  manual: string[];
  steps: ManualStep[];
  notes: string[];
  needsIam: boolean;
  /** Accepter roles by requester account, as their ARN outputs. */
  roles: Map<string, OutputRef>;
  /** Parameter memo: output identity → parameter name. */
  paramFor: Map<OutputRef, string>;
}

/** What a reference resolves to: a value, and the Condition (if any) it can only be used under. */
export interface Resolved {
  value: Json;
  conditions: string[];
  round: number;
}

/** Which part of its scope a VPC's stack is: a hash of its id, so a VPC moves only when `parts` grows. */
export function partOf(vpcId: string, parts: number): number {
  return parts <= 1 ? 0 : parseInt(fingerprint(vpcId), 36) % parts;
}

export class Builder {
  readonly stacks: Stack[] = [];
  private readonly stackByKey = new Map<string, Stack>();
  /** Where each design element lives: its stack and logical id. */
  readonly placed = new Map<object, { stack: Stack; id: string }>();
  private readonly outputsMemo = new Map<string, OutputRef>();
  readonly peeringRound = new Map<ResolvedPeering, { conditions: string[]; round: number }>();
  private readonly stackNames = new NameRegistry('-');
  private readonly files = new NameRegistry('-');

  /** `parts`: how many stacks each scope (by key) is split into; 1 when absent. */
  constructor(
    readonly model: ExportModel,
    readonly parts: ReadonlyMap<string, number> = new Map(),
  ) {
    // Stacks in a fixed order (scope, then part) so that names never depend on which VPC came first.
    for (const scope of model.scopes) {
      const used = new Set(scope.vpcs.map((v) => partOf(v.id, this.partsOf(scope))));
      for (const part of [...used].sort((a, b) => a - b)) this.makeStack(scope, part);
    }
    // Logical ids first, so that references can be made in any order.
    for (const vpc of model.design.vpcs) {
      const stack = this.stackFor(vpc);
      const place = (element: { id: string }) =>
        this.placed.set(element, { stack, id: stack.ids.claim(logicalId(element.id)) });
      place(vpc);
      vpc.subnets.forEach(place);
      vpc.routeTables.forEach(place);
      vpc.securityGroups.forEach(place);
      vpc.endpoints.forEach(place);
    }
    for (const p of model.peerings) {
      const stack = this.stackFor(p.requester);
      this.placed.set(p.peering, { stack, id: stack.ids.claim(logicalId(p.peering.id)) });
    }
  }

  partsOf(scope: Scope): number {
    return this.parts.get(scope.key) ?? 1;
  }

  private makeStack(scope: Scope, part: number) {
    const slug = `${scope.accountRef}-${scope.region}`.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-');
    const suffix = part === 0 ? '' : `-part${part + 1}`;
    const base = `pnd-${slug}`.replace(/-+$/, '').slice(0, 110) + suffix;
    const stack: Stack = {
      scope,
      part,
      name: this.stackNames.claim(base),
      // Files are named after the account a person reads; stack names stay id-based, since renaming
      // a stack would create a new one.
      file: `${this.files.claim(`${fileSlug(this.model.index.accounts.get(scope.accountRef)?.element.name, scope.accountRef)}-${scope.region}${suffix}`)}.yaml`,
      ids: new NameRegistry(''),
      outputNames: new NameRegistry(''),
      parameters: {},
      conditions: {},
      resources: {},
      outputs: {},
      inputs: [],
      manual: [],
      steps: [],
      notes: [],
      needsIam: false,
      roles: new Map(),
      paramFor: new Map(),
    };
    this.stacks.push(stack);
    this.stackByKey.set(JSON.stringify([scope.key, part]), stack);
  }

  stackFor(vpc: Vpc): Stack {
    const scope = this.model.scopeOf(vpc);
    return this.stackByKey.get(JSON.stringify([scope.key, partOf(vpc.id, this.partsOf(scope))]))!;
  }

  id(element: object): string {
    const placed = this.placed.get(element);
    if (!placed) throw new Error('export: element has no logical id');
    return placed.id;
  }

  /** An Output of `stack` (created once), e.g. a VPC's id. */
  output(
    stack: Stack,
    key: string,
    name: string,
    value: Json,
    text: string,
    round = 1,
    condition?: string,
  ): OutputRef {
    const memoKey = JSON.stringify([stack.name, key]);
    const known = this.outputsMemo.get(memoKey);
    if (known) return known;
    const outputName = stack.outputNames.claim(name);
    stack.outputs[outputName] = {
      Description: description(text, 1024),
      Value: value,
      ...(condition ? { Condition: condition } : {}),
    };
    const made: OutputRef = { stack, name: outputName, round };
    this.outputsMemo.set(memoKey, made);
    return made;
  }

  /** A Parameter of `stack` that takes `from`'s value, with a Condition that it has been filled. */
  input(stack: Stack, from: OutputRef, kind: ValueKind, text: string, minRound = 0): Resolved {
    let parameter = stack.paramFor.get(from);
    if (!parameter) {
      parameter = stack.ids.claim(from.name);
      stack.paramFor.set(from, parameter);
      const { pattern, what } = PATTERNS[kind];
      stack.parameters[parameter] = {
        Type: 'String',
        Default: '',
        AllowedPattern: pattern,
        ConstraintDescription: `must be empty or ${what}`,
        Description: description(
          `${text}. Output ${from.name} of stack ${from.stack.name}; leave empty until that stack has it (see DEPLOY.md).`,
          4000,
        ),
      };
      stack.conditions[`Has${parameter}`] = { 'Fn::Not': [{ 'Fn::Equals': [ref(parameter), ''] }] };
      stack.inputs.push({ parameter, from, round: Math.max(from.round + 1, minRound) });
    }
    const input = stack.inputs.find((i) => i.parameter === parameter)!;
    return { value: ref(parameter), conditions: [`Has${parameter}`], round: input.round };
  }

  /** A Condition that holds when all of `conditions` do (or none when the list is empty). */
  condition(stack: Stack, owner: string, conditions: readonly string[]): string | undefined {
    const unique = [...new Set(conditions)].sort();
    if (unique.length === 0) return undefined;
    if (unique.length === 1) return unique[0];
    const name = `${owner}Ready`;
    stack.conditions[name] = { 'Fn::And': unique.slice(0, 10).map((c) => ({ Condition: c })) };
    return name;
  }

  resource(
    stack: Stack,
    id: string,
    type: string,
    properties: Record<string, Json>,
    extra: Record<string, Json> = {},
  ) {
    stack.resources[id] = { Type: type, ...extra, Properties: properties };
  }

  vpcOutput(vpc: Vpc): OutputRef {
    const { stack, id } = this.placed.get(vpc)!;
    return this.output(stack, `vpc:${id}`, `${id}VpcId`, ref(id), `VPC id of "${vpc.name || vpc.id}"`);
  }

  vpcRef(from: Stack, vpc: Vpc, text: string): Resolved {
    const { stack, id } = this.placed.get(vpc)!;
    if (stack === from) return { value: ref(id), conditions: [], round: 1 };
    return this.input(from, this.vpcOutput(vpc), 'vpc', text);
  }

  groupOutput(group: SecurityGroup): OutputRef {
    const { stack, id } = this.placed.get(group)!;
    return this.output(
      stack,
      `sg:${id}`,
      `${id}GroupId`,
      getAtt(id, 'GroupId'),
      `Security group id of "${group.name || group.id}"`,
    );
  }

  groupRef(from: Stack, group: SecurityGroup, text: string, minRound: number): Resolved {
    const { stack, id } = this.placed.get(group)!;
    if (stack === from) return { value: getAtt(id, 'GroupId'), conditions: [], round: 1 };
    return this.input(from, this.groupOutput(group), 'group', text, minRound);
  }

  /** The peering's id where `from` needs it, and whether the peering exists yet. */
  peeringRef(from: Stack, p: ResolvedPeering): Resolved {
    const { stack, id } = this.placed.get(p.peering)!;
    const state = this.peeringRound.get(p);
    if (!state) throw new Error('export: peering used before it was built');
    if (stack === from) return { value: ref(id), conditions: state.conditions, round: state.round };
    const out = this.peeringOutput(p);
    return this.input(
      from,
      out,
      'peering',
      `Id of VPC peering connection "${p.peering.name || p.peering.id}"`,
    );
  }

  peeringOutput(p: ResolvedPeering): OutputRef {
    const { stack, id } = this.placed.get(p.peering)!;
    const state = this.peeringRound.get(p)!;
    const condition = this.condition(stack, id, state.conditions);
    return this.output(
      stack,
      `pcx:${id}`,
      `${id}PeeringConnectionId`,
      ref(id),
      `VPC peering connection id of "${p.peering.name || p.peering.id}"`,
      state.round,
      condition,
    );
  }

  accountNumber(ref: string): string | undefined {
    return this.model.index.accounts.get(ref)?.element.accountId;
  }
}
