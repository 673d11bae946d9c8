// Commands on any element by id: setting fields (every Inspector form) and deleting (./delete.ts).
import { defineCommand, freshId } from '../command';
import type { Design } from '../schema';
import { mapElement, withFields, type Fields } from './helpers';

export { deleteElements, deletion, type Deletion } from './delete';

/** Sets fields of any element by id; a field given as `undefined` is removed (optional fields). */
export const setFields = defineCommand<{ id: string; fields: Fields }>({
  type: 'element/set',
  describe: ({ id, fields }) => `Changed ${Object.keys(fields).join(', ')} of ${id}`,
  perform: (design, { id, fields }) => mapElement(design, id, (el) => withFields(el, fields)),
});

/** A fresh id for a new element of a kind, readable in files and Terraform: `vpc-2`, `sn-3`. */
export function newId(design: Design, stem: string, taken: ReadonlySet<string> = new Set()): string {
  let candidate = freshId(design, stem);
  for (let n = 2; taken.has(candidate); n++) candidate = freshId(design, `${stem}-${n}`);
  return candidate;
}
