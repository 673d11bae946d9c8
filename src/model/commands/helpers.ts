// What the per-kind command modules share: finding and replacing an element by id wherever it
// lives (read from the kind descriptors), setting fields, placing on the canvas, naming in labels.
import { forEachElement, KINDS, VPC_KINDS } from '../kinds';
import type { Design } from '../schema';

export interface Point {
  x: number;
  y: number;
}

export type Fields = Record<string, unknown>;

/** Stores a canvas position for a new element, when the drop gave one. */
export const place = (design: Design, id: string, at: Point | undefined): Design =>
  at
    ? { ...design, layout: { ...design.layout, [id]: { x: Math.round(at.x), y: Math.round(at.y) } } }
    : design;

/** Sets or deletes (value `undefined`) keys of an object; `id` is identity and never changes here. */
export function withFields<T extends object>(element: T, fields: Fields): T {
  const next: Fields = { ...(element as Fields) };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id') continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

/**
 * Replaces the element with `id` wherever it lives (every list the kind descriptors name). Returns
 * the design itself when the element is absent or `update` returns it unchanged.
 */
export function mapElement(
  design: Design,
  id: string,
  update: <T extends { id: string }>(el: T) => T,
): Design {
  let changed = false;
  const one = <T extends { id: string }>(el: T): T => {
    if (el.id !== id) return el;
    const next = update(el);
    if (next !== el) changed = true;
    return next;
  };
  const map = <T extends { id: string }>(list: T[]): T[] =>
    list.some((el) => el.id === id) ? list.map(one) : list;
  const next: Record<string, unknown> = { ...design };
  for (const kind of Object.values(KINDS)) {
    const place = kind.place;
    if (place.in !== 'design') continue;
    if ('single' in place) {
      const el = design[place.single];
      if (el) next[place.single] = one(el);
    } else if (kind.kind === 'transitGateway') {
      next.transitGateways = design.transitGateways.map((t) => {
        if (t.id === id) return one(t);
        const routeTables = map(t.routeTables);
        return routeTables === t.routeTables ? t : { ...t, routeTables };
      });
    } else if (kind.kind === 'vpc') {
      next.vpcs = design.vpcs.map((vpc) => {
        if (vpc.id === id) return one(vpc);
        let inner: Record<string, unknown> | undefined;
        for (const { place: p } of VPC_KINDS) {
          const list = map(vpc[p.list] as { id: string }[]);
          if (list !== vpc[p.list]) (inner ??= {})[p.list] = list;
        }
        return inner ? { ...vpc, ...inner } : vpc;
      });
    } else next[place.list] = map(design[place.list] as { id: string }[]);
  }
  return changed ? (next as Design) : design;
}

/** Replaces one element of a known type by id (a typed view of mapElement). */
export function mapOne<T extends { id: string }>(design: Design, id: string, update: (el: T) => T): Design {
  return mapElement(design, id, (el) => update(el as unknown as T) as unknown as typeof el);
}

/** An element's name as change summaries quote it: its name, or its id when it has none. */
export function nameOf(design: Design, id: string): string {
  let found: string | undefined;
  forEachElement(design, (el) => {
    if (found === undefined && el.id === id) found = el.name || id;
  });
  return found ?? id;
}
