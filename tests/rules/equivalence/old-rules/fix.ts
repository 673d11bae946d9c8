// "Fix all": apply every finding's fix, revalidate, repeat until nothing fixable is left. Some fixes
// reveal the next problem (a new endpoint with private DNS needs the VPC's DNS attributes), hence
// the loop; it is bounded because a fix that changes nothing must not spin forever.
import { applyCommands, describeCommand, type Command } from '../../../../src/model/command';
import type { Design } from '../../../../src/model/schema';
import { validate } from './registry';

export interface FixReport {
  design: Design;
  /** The commands that changed something, in order: applied as one step they give `design`. */
  commands: Command[];
  /** One line per command applied, in order. */
  changes: string[];
  /** Rounds of validate + apply it took. */
  rounds: number;
}

const MAX_ROUNDS = 8;

export function fixAllWithReport(design: Design): FixReport {
  let current = design;
  const commands: Command[] = [];
  const changes: string[] = [];
  let rounds = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    const fixes = validate(current).flatMap((f) => (f.fix ? [f.fix] : []));
    if (!fixes.length) break;
    const before = current;
    for (const fix of fixes)
      for (const command of fix.commands) {
        const next = applyCommands(current, [command]);
        if (next !== current) {
          commands.push(command);
          changes.push(describeCommand(current, command));
        }
        current = next;
      }
    if (current === before) break;
  }
  return { design: current, commands, changes, rounds };
}

export function fixAll(design: Design): Design {
  return fixAllWithReport(design).design;
}

export type { Command };
