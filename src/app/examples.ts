// The bundled example designs (examples/*.json), loaded through the same parser as any file.
import example1 from '../../examples/example-1-ec2-backup.json';
import example2 from '../../examples/example-2-ec2-archive.json';
import example3 from '../../examples/example-3-tgw-hub.json';
import { loadDesignValue } from '../model/parse';
import { FORMAT, CURRENT_VERSION, type Design } from '../model/schema';

// The loader fills defaults into the value it is given; each example opens from its own copy.
function load(value: unknown): Design {
  const result = loadDesignValue(structuredClone(value));
  if (!result.ok)
    throw new Error(`bundled example does not load: ${result.errors[0]?.path} ${result.errors[0]?.message}`);
  return result.design;
}

export const EXAMPLES = {
  'example-1': { title: 'Example 1 — EC2 backup', design: () => load(example1) },
  'example-2': { title: 'Example 2 — archiving', design: () => load(example2) },
  'example-3': { title: 'Example 3 — Transit Gateway hub', design: () => load(example3) },
  empty: { title: 'Empty design', design: () => emptyDesign() },
} as const;

export type ExampleId = keyof typeof EXAMPLES;

export function emptyDesign(name = 'Untitled design'): Design {
  return load({ format: FORMAT, version: CURRENT_VERSION, name });
}
