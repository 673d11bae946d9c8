// Deleting elements with reference cleanup, derived from the kind descriptors (src/model/kinds):
// what goes with a deleted element (a VPC's contents, `cascade` references), and what happens to
// every other reference to it (`clear` unsets the field, `prune` drops the id or the list items).
import { defineCommand } from '../command';
import {
  DESIGN_REFERENCES,
  INNER_KINDS,
  KINDS,
  VPC_KINDS,
  type ElementKind,
  type KindDescriptor,
} from '../kinds';
import type { Design } from '../schema';

export interface Deletion {
  design: Design;
  /** Every element removed, the asked-for ones and what goes with them, as "kind name". */
  removed: string[];
  /** References elsewhere that were removed from lists or cleared, in the user's words. */
  cleared: string[];
}

type Element = { id: string; name?: string } & Record<string, unknown>;

const label = (kind: ElementKind, el: { id: string; name?: string }) => {
  const what = KINDS[kind].label.singular;
  return el.name && el.name !== el.id ? `${what} ${el.name} (${el.id})` : `${what} ${el.id}`;
};

/** Top-level lists and slots with their kinds, in document order. */
const OWN = Object.values(KINDS).filter((k) => k.place.in === 'design') as KindDescriptor[];

/** Whether a cascade reference of the element names something gone. */
function cascades(kind: KindDescriptor, el: Element, gone: ReadonlySet<string>): boolean {
  for (const ref of kind.references) {
    if (ref.onDelete !== 'cascade') continue;
    const value = el[ref.field];
    if (typeof value === 'string' && gone.has(value)) return true;
  }
  return false;
}

/** The elements that go with `ids` (contents of containers, things that cannot exist without them). */
function closure(design: Design, ids: readonly string[]): Set<string> {
  const gone = new Set(ids);
  for (let size = -1; size !== gone.size;) {
    size = gone.size;
    for (const kind of OWN) {
      const place = kind.place;
      const list = ('single' in place ? [design[place.single]] : design[place.list]) as (
        Element | undefined
      )[];
      for (const el of list) {
        if (!el) continue;
        if (!gone.has(el.id) && cascades(kind, el, gone)) gone.add(el.id);
        const inner = INNER_KINDS[kind.kind];
        if (inner === undefined || !gone.has(el.id)) continue;
        for (const k of inner) for (const x of el[k.place.list] as Element[]) gone.add(x.id);
      }
    }
    for (const inner of VPC_KINDS)
      for (const v of design.vpcs)
        for (const el of v[inner.place.list] as Element[])
          if (!gone.has(el.id) && cascades(inner, el, gone)) gone.add(el.id);
  }
  return gone;
}

/** The element with its `clear` and `prune` references to gone elements dropped (itself when none). */
function cleaned(kind: KindDescriptor, el: Element, gone: ReadonlySet<string>, notes: string[]): Element {
  let next: Element | undefined;
  const clearedFields: string[] = [];
  for (const ref of kind.references) {
    if (ref.onDelete === 'cascade') continue;
    if (ref.items) {
      const removed: unknown[] = [];
      const lists: Record<string, unknown[]> = {};
      for (const list of ref.items) {
        const items = el[list] as Record<string, unknown>[];
        const kept = items.filter((item) => {
          const value = item[ref.field];
          const drop = typeof value === 'string' && gone.has(value);
          if (drop) removed.push(item);
          return !drop;
        });
        lists[list] = kept.length === items.length ? items : kept;
      }
      if (!removed.length) continue;
      next = { ...(next ?? el), ...lists };
      notes.push(...(ref.pruned?.(el as never, removed) ?? []));
    } else if (ref.many) {
      const ids = el[ref.field] as string[] | undefined;
      if (ids === undefined) continue;
      const kept = ids.filter((x) => !gone.has(x));
      if (kept.length === ids.length) continue;
      next = { ...(next ?? el), [ref.field]: kept };
      notes.push(
        ...(ref.pruned?.(
          el as never,
          ids.filter((x) => gone.has(x)),
        ) ?? []),
      );
    } else {
      const value = el[ref.field];
      if (typeof value !== 'string' || !gone.has(value)) continue;
      next = { ...(next ?? el) };
      delete next[ref.field];
      clearedFields.push(ref.field);
    }
  }
  if (clearedFields.length)
    notes.push(
      kind.cleared?.(el as never, clearedFields) ??
        `${kind.label.singular} ${el.name || el.id}: ${clearedFields.join(', ')} cleared`,
    );
  return next ?? el;
}

/** Removes elements and everything that depends on them, and clears references to them. */
export function deletion(design: Design, ids: readonly string[]): Deletion {
  const gone = closure(design, ids);
  const removed: string[] = [];
  const cleared: string[] = [];
  const keep = (kind: KindDescriptor, list: readonly Element[]): Element[] =>
    list.filter((el) => {
      if (!gone.has(el.id)) return true;
      removed.push(label(kind.kind, el));
      return false;
    });
  const keepClean = (kind: KindDescriptor, list: readonly Element[]) =>
    keep(kind, list).map((el) => cleaned(kind, el, gone, cleared));

  const next: Record<string, unknown> = { ...design };
  for (const kind of OWN) {
    const place = kind.place;
    if ('single' in place) continue;
    const list = design[place.list] as Element[];
    const innerKinds = INNER_KINDS[kind.kind];
    if (innerKinds === undefined) {
      next[place.list] = keepClean(kind, list);
      continue;
    }
    // The contents of a deleted container (VPC, TGW) are listed before it, those of a kept one after it.
    for (const v of list)
      if (gone.has(v.id)) for (const inner of innerKinds) keep(inner, v[inner.place.list] as Element[]);
    next[place.list] = keepClean(kind, list).map((v) => {
      const lists: Record<string, Element[]> = {};
      for (const inner of innerKinds)
        lists[inner.place.list] = keepClean(inner, v[inner.place.list] as Element[]);
      return { ...v, ...lists };
    });
  }
  for (const kind of OWN) {
    const place = kind.place;
    if (!('single' in place)) continue;
    const el = design[place.single] as Element | undefined;
    if (!el) continue;
    if (gone.has(el.id)) {
      removed.push(label(kind.kind, el));
      delete next[place.single];
    } else next[place.single] = cleaned(kind, el, gone, cleared);
  }
  for (const ref of DESIGN_REFERENCES) {
    const value = design[ref.field as keyof Design];
    if (typeof value !== 'string' || !gone.has(value)) continue;
    cleared.push(ref.cleared);
    delete next[ref.field];
  }
  if (design.layout && Object.keys(design.layout).some((id) => gone.has(id))) {
    next.layout = Object.fromEntries(Object.entries(design.layout).filter(([id]) => !gone.has(id)));
  }
  if (!removed.length) return { design, removed, cleared };
  return { design: next as Design, removed, cleared };
}

export const deleteElements = defineCommand<{ ids: string[] }>({
  type: 'element/delete',
  describe: ({ ids }) => `Deleted ${ids.join(', ')}`,
  perform: (design, { ids }) => deletion(design, ids).design,
});
