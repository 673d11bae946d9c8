// Operation (backup policy) commands.
import { defineCommand } from '../command';
import type { Operation } from '../schema';

export const addOperation = defineCommand<{ operation: Operation }>({
  type: 'operation/add',
  describe: ({ operation }) => `Added operation ${operation.name || operation.kind}`,
  perform: (design, { operation }) => ({ ...design, operations: [...design.operations, operation] }),
});

/** Moves an operation up or down the list (the order users read them in). */
export const moveOperation = defineCommand<{ id: string; by: number }>({
  type: 'operation/move',
  describe: ({ id }) => `Reordered operation ${id}`,
  perform: (design, { id, by }) => {
    const from = design.operations.findIndex((o) => o.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= design.operations.length || by === 0) return design;
    const operations = design.operations.filter((o) => o.id !== id);
    operations.splice(to, 0, design.operations[from]!);
    return { ...design, operations };
  },
});
