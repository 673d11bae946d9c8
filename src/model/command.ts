// Every change to a design is a command: plain data (so a finding's fix serialises into --json and
// travels to a Web Worker) performed by one pure function Design → Design, in the manner of
// Excalidraw's actions. The canvas, the inspector, fixes, the CLI and tests all go through here.
// One vocabulary, `<kind>/<verb>`: each kind's commands live in src/model/commands/<kind>.ts, and
// src/model/commands/index.ts lists every type with its module.
import { vpcHoldingId } from './kinds';
import type { Design } from './schema';

export interface CommandDefinition<P> {
  readonly type: string;
  /** A short past-tense line for change summaries and the undo tooltip. */
  describe(params: P, design: Design): string;
  /** Pure: returns a new design and never mutates its input. Unknown ids make it a no-op. */
  perform(design: Design, params: P): Design;
}

export interface Command {
  type: string;
  [param: string]: unknown;
}

/** Makes a command of one type; `type` names it, so code that reads commands can compare against it. */
export interface CommandBuilder<P> {
  (params: P): Command;
  readonly type: string;
}

const registry = new Map<string, CommandDefinition<never>>();

export function defineCommand<P extends object>(def: CommandDefinition<P>): CommandBuilder<P> {
  if (registry.has(def.type)) throw new Error(`command ${def.type} registered twice`);
  registry.set(def.type, def as CommandDefinition<never>);
  return Object.assign((params: P): Command => ({ ...params, type: def.type }), { type: def.type });
}

/** Every command type defined so far (the index, src/model/commands/index.ts, is checked against it). */
export function definedCommandTypes(): string[] {
  return [...registry.keys()];
}

function definitionOf(command: Command): CommandDefinition<Command> {
  const def = registry.get(command.type);
  if (!def) throw new Error(`unknown command type "${command.type}"`);
  return def as unknown as CommandDefinition<Command>;
}

export function applyCommand(design: Design, command: Command): Design {
  return definitionOf(command).perform(design, command);
}

export function applyCommands(design: Design, commands: readonly Command[]): Design {
  return commands.reduce(applyCommand, design);
}

export function describeCommand(design: Design, command: Command): string {
  return definitionOf(command).describe(command, design);
}

/**
 * Replaces the VPC with `id` through `update`; other VPCs keep their identity. When `update` returns
 * the VPC itself, so does this the design: callers (Fix all, the undo history) see that nothing changed.
 */
export function updateVpc(
  design: Design,
  id: string,
  update: (vpc: Design['vpcs'][number]) => Design['vpcs'][number],
): Design {
  const vpc = design.vpcs.find((v) => v.id === id);
  if (!vpc) return design;
  const next = update(vpc);
  return next === vpc ? design : { ...design, vpcs: design.vpcs.map((v) => (v === vpc ? next : v)) };
}

/** The VPC holding an element (subnet, route table, group or endpoint) with that id. */
export function vpcHolding(design: Design, elementId: string): Design['vpcs'][number] | undefined {
  return vpcHoldingId(design, elementId);
}

/** An id not yet used in the design, built from a readable stem: `rt-worker`, `rt-worker-2`, … */
export function freshId(design: Design, stem: string): string {
  const used = new Set<string>();
  const collect = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(collect);
    else if (x && typeof x === 'object') {
      const rec = x as Record<string, unknown>;
      if (typeof rec.id === 'string') used.add(rec.id);
      for (const [k, v] of Object.entries(rec)) if (k !== 'layout') collect(v);
    }
  };
  collect(design);
  const base = stem.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, 56) || 'el';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
