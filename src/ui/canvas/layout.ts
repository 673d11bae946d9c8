// Positions for every container on the canvas. Stored boxes (design.layout) win; anything without
// one is packed by a small deterministic packer: subnets in rows inside their VPC, VPCs and
// repositories in rows inside their account, accounts in rows on the canvas, each level choosing how
// many go in a row so the whole comes closest to the screen's aspect (a grid, not one tall column).
// Then nothing overlaps: an element whose stored box lands on a sibling moves to the nearest free
// place, and parents grow to hold their children. A few milliseconds for hundreds of VPCs, where
// elkjs would add ~1.4 MB for little gain.
import type { Design, LayoutBox } from '../../model/schema';

export const SIZES = {
  subnet: { w: 230, h: 96 },
  repository: { w: 220, h: 96 },
  /** A Transit Gateway: regional, so it sits with its account's VPCs and repositories. */
  transitGateway: { w: 220, h: 100 },
  pad: 16,
  header: 56,
  gap: 16,
  /** Between accounts: room for peering lines and their labels outside the containers. */
  accountGap: 48,
  rowWidth: { vpc: 2 },
  /** Width over height of the canvas the layout aims at, when the caller does not say. */
  aspect: 1.2,
} as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Item {
  id: string;
  w: number;
  h: number;
}

/** Places items in rows of at most `perRow` (or up to `maxWidth`), returns their boxes and the total size. */
function shelf(
  items: Item[],
  perRow: number,
  maxWidth = Infinity,
  gap: number = SIZES.gap,
): { boxes: Map<string, Box>; w: number; h: number } {
  const boxes = new Map<string, Box>();
  let x = 0;
  let y = 0;
  let rowH = 0;
  let inRow = 0;
  let w = 0;
  for (const item of items) {
    if (inRow > 0 && (inRow >= perRow || x + item.w > maxWidth)) {
      x = 0;
      y += rowH + gap;
      rowH = 0;
      inRow = 0;
    }
    boxes.set(item.id, { x, y, w: item.w, h: item.h });
    x += item.w + gap;
    w = Math.max(w, x - gap);
    rowH = Math.max(rowH, item.h);
    inRow++;
  }
  return { boxes, w, h: items.length ? y + rowH : 0 };
}

/**
 * Rows whose length is chosen (1 … n items per row) so the packed block fits a screen of the given
 * aspect at the largest zoom: the smallest max(w, h·aspect). Ties go to fewer items per row.
 */
export function packToAspect(
  items: Item[],
  aspect: number,
  gap: number = SIZES.gap,
): { boxes: Map<string, Box>; w: number; h: number } {
  let best = shelf(items, 1, Infinity, gap);
  let bestScore = Math.max(best.w, best.h * aspect);
  for (let perRow = 2; perRow <= items.length; perRow++) {
    const packed = shelf(items, perRow, Infinity, gap);
    const score = Math.max(packed.w, packed.h * aspect);
    if (score < bestScore) {
      best = packed;
      bestScore = score;
    }
  }
  return best;
}

export function intersects(a: Box, b: Box, margin = 0): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  );
}

/**
 * Siblings without overlaps. `items` come in priority order: each keeps its wanted box when that is
 * free and otherwise takes the free place nearest to it (beside or below a sibling already placed),
 * never left of `minX` or above `minY` (a parent's padding and header).
 */
export function settle(
  items: readonly { id: string; box: Box }[],
  gap: number,
  minX = 0,
  minY = 0,
): Map<string, Box> {
  const placed: Box[] = [];
  const out = new Map<string, Box>();
  const free = (b: Box) => !placed.some((p) => intersects(b, p, gap - 1));
  for (const { id, box } of items) {
    const wanted = { ...box, x: Math.max(minX, box.x), y: Math.max(minY, box.y) };
    let chosen = wanted;
    if (!free(wanted)) {
      let bottom = minY;
      for (const p of placed) bottom = Math.max(bottom, p.y + p.h + gap);
      // Below everything is always free, so there is always an answer.
      let best: Box = { ...wanted, y: bottom };
      let bestCost = Math.abs(bottom - wanted.y);
      for (const p of placed) {
        for (const [x, y] of [
          [p.x + p.w + gap, wanted.y],
          [wanted.x, p.y + p.h + gap],
          [p.x + p.w + gap, p.y],
          [p.x, p.y + p.h + gap],
          [p.x - gap - wanted.w, wanted.y],
          [wanted.x, p.y - gap - wanted.h],
        ] as const) {
          if (x < minX || y < minY) continue;
          const cost = Math.abs(x - wanted.x) + Math.abs(y - wanted.y);
          if (cost >= bestCost) continue;
          const candidate = { ...wanted, x, y };
          if (free(candidate)) {
            best = candidate;
            bestCost = cost;
          }
        }
      }
      chosen = best;
    }
    placed.push(chosen);
    out.set(id, chosen);
  }
  return out;
}

/** Subnets grow with what sits in them (endpoint, worker and appliance chips, about two per row
 * beside a two-line title: service names such as ec2messages are wide). */
function subnetHeight(chips: number): number {
  return Math.max(SIZES.subnet.h, 60 + Math.ceil(chips / 2) * 26);
}

/** How far children reach, so a container grows to hold children placed by hand. */
function extent(boxes: Iterable<Box>): { right: number; bottom: number } {
  let right = 0;
  let bottom = 0;
  for (const b of boxes) {
    right = Math.max(right, b.x + b.w);
    bottom = Math.max(bottom, b.y + b.h);
  }
  return { right, bottom };
}

/**
 * Packed boxes (offset by the parent's padding) merged with stored ones, then settled: elements the
 * packer placed keep their places, elements placed by hand find room among them.
 */
function placeChildren(
  packed: Map<string, Box>,
  sizes: ReadonlyMap<string, { w: number; h: number }>,
  stored: Record<string, LayoutBox> | undefined,
  dx: number,
  dy: number,
  gap: number,
  /** The least x and y a child may take; the parent's padding and header unless given. */
  min?: number,
): Map<string, Box> {
  const auto: { id: string; box: Box }[] = [];
  const byHand: { id: string; box: Box }[] = [];
  for (const [id, b] of packed) {
    const size = sizes.get(id) ?? b;
    const s = stored?.[id];
    if (s)
      byHand.push({
        id,
        box: { x: s.x, y: s.y, w: Math.max(s.w ?? size.w, size.w), h: Math.max(s.h ?? size.h, size.h) },
      });
    else auto.push({ id, box: { x: b.x + dx, y: b.y + dy, w: size.w, h: size.h } });
  }
  const settled = settle([...auto, ...byHand], gap, min ?? dx, min ?? dy);
  // Back in the packer's order, so every caller sees the same order whatever was stored.
  return new Map([...packed.keys()].map((id) => [id, settled.get(id)!]));
}

/** Same length and the same items (by identity). */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface AccountLayout {
  /** Everything the account's inside depends on: its VPCs, repositories, the workers and appliance
   * in its subnets, and the stored boxes of all of them (all immutable, so identity is enough). */
  inputs: unknown[];
  /** Boxes of its VPCs, subnets and repositories. */
  boxes: Map<string, Box>;
  w: number;
  h: number;
}

/**
 * Remembers each account's inside between calls: an edit re-packs only the account it touched
 * (packing all 300 VPCs on every keystroke was a visible stall). `aspect` is the width over height
 * of the screen the layout should fill.
 */
export class LayoutCache {
  accounts = new Map<string, AccountLayout>();
  constructor(readonly aspect: number = SIZES.aspect) {}
}

const sizeMap = (items: readonly Item[]) => new Map(items.map((i) => [i.id, { w: i.w, h: i.h }]));

function layoutAccount(
  design: Design,
  vpcs: readonly Design['vpcs'][number][],
  repositories: readonly Design['repositories'][number][],
  transitGateways: readonly Design['transitGateways'][number][],
  workersIn: ReadonlyMap<string, number>,
  aspect: number,
): Omit<AccountLayout, 'inputs'> {
  const stored = design.layout;
  const { pad, header, gap } = SIZES;
  const out = new Map<string, Box>();
  const children: Item[] = [];
  for (const vpc of vpcs) {
    const items = vpc.subnets.map((s) => ({
      id: s.id,
      w: SIZES.subnet.w,
      h: subnetHeight(
        vpc.endpoints.filter((e) => e.subnets.includes(s.id)).length +
          (workersIn.get(s.id) ?? 0) +
          (design.appliance?.subnet === s.id ? 1 : 0),
      ),
    }));
    const subnets = shelf(items, SIZES.rowWidth.vpc);
    const placed = placeChildren(subnets.boxes, sizeMap(items), stored, pad, header, gap);
    for (const [id, b] of placed) out.set(id, b);
    const fit = extent(placed.values());
    const w = Math.max(300, subnets.w + 2 * pad, fit.right + pad);
    const h = Math.max(header + Math.max(subnets.h, 40) + pad, fit.bottom + pad);
    children.push({ id: vpc.id, w, h });
  }
  for (const repo of repositories) children.push({ id: repo.id, ...SIZES.repository });
  for (const tgw of transitGateways) children.push({ id: tgw.id, ...SIZES.transitGateway });
  const packed = packToAspect(children, aspect);
  const placed = placeChildren(packed.boxes, sizeMap(children), stored, pad, header + 12, gap);
  for (const [id, b] of placed) out.set(id, b);
  const fit = extent(placed.values());
  return {
    boxes: out,
    w: Math.max(300, packed.w + 2 * pad, fit.right + pad),
    h: Math.max(header + 12 + Math.max(packed.h, 40) + pad, fit.bottom + pad),
  };
}

/** Boxes relative to the parent node (accounts: absolute). */
export function layoutDesign(design: Design, cache: LayoutCache = new LayoutCache()): Map<string, Box> {
  const out = new Map<string, Box>();
  const stored = design.layout;
  const accountIds = new Set(design.accounts.map((a) => a.id));
  const vpcsOf = new Map<string, Design['vpcs'][number][]>();
  for (const v of design.vpcs) {
    const list = vpcsOf.get(v.account);
    if (list) list.push(v);
    else vpcsOf.set(v.account, [v]);
  }
  const reposOf = new Map<string, Design['repositories'][number][]>();
  for (const r of design.repositories) {
    const list = reposOf.get(r.account);
    if (list) list.push(r);
    else reposOf.set(r.account, [r]);
  }
  const tgwsOf = new Map<string, Design['transitGateways'][number][]>();
  for (const t of design.transitGateways) {
    const list = tgwsOf.get(t.account);
    if (list) list.push(t);
    else tgwsOf.set(t.account, [t]);
  }
  const workersIn = new Map<string, number>();
  const workerConfigurationsIn = new Map<string, unknown[]>();
  for (const w of design.workerConfigurations) {
    workersIn.set(w.subnet, (workersIn.get(w.subnet) ?? 0) + 1);
    const list = workerConfigurationsIn.get(w.subnet);
    if (list) list.push(w);
    else workerConfigurationsIn.set(w.subnet, [w]);
  }

  const accountItems: Item[] = [];
  const seen = new Map<string, AccountLayout>();
  for (const account of design.accounts) {
    const vpcs = vpcsOf.get(account.id) ?? [];
    const repositories = reposOf.get(account.id) ?? [];
    const inputs: unknown[] = [];
    for (const vpc of vpcs) {
      inputs.push(vpc, stored?.[vpc.id]);
      for (const s of vpc.subnets) {
        inputs.push(stored?.[s.id], ...(workerConfigurationsIn.get(s.id) ?? []));
        if (design.appliance?.subnet === s.id) inputs.push(design.appliance);
      }
    }
    for (const r of repositories) inputs.push(r, stored?.[r.id]);
    const transitGateways = tgwsOf.get(account.id) ?? [];
    for (const t of transitGateways) inputs.push(t, stored?.[t.id]);
    const previous = cache.accounts.get(account.id);
    const layout =
      previous && sameItems(previous.inputs, inputs)
        ? previous
        : { inputs, ...layoutAccount(design, vpcs, repositories, transitGateways, workersIn, cache.aspect) };
    seen.set(account.id, layout);
    for (const [id, b] of layout.boxes) out.set(id, b);
    accountItems.push({ id: account.id, w: layout.w, h: layout.h });
  }
  cache.accounts = seen;
  const packed = packToAspect(accountItems, cache.aspect, SIZES.accountGap);
  // Accounts may be placed anywhere on the canvas, left of or above the packed ones too.
  const placed = placeChildren(
    packed.boxes,
    sizeMap(accountItems),
    stored,
    0,
    0,
    SIZES.accountGap,
    -Infinity,
  );
  for (const [id, b] of placed) out.set(id, b);

  // VPCs and repositories whose account is missing still get a place, below everything else.
  const orphans: Item[] = [
    ...design.vpcs.filter((v) => !accountIds.has(v.account)).map((v) => ({ id: v.id, w: 300, h: 120 })),
    ...design.repositories
      .filter((r) => !accountIds.has(r.account))
      .map((r) => ({ id: r.id, ...SIZES.repository })),
    ...design.transitGateways
      .filter((t) => !accountIds.has(t.account))
      .map((t) => ({ id: t.id, ...SIZES.transitGateway })),
  ];
  const orphanRow = shelf(orphans, 6);
  const below = extent(placed.values()).bottom + 60;
  for (const [id, b] of orphanRow.boxes) out.set(id, { ...b, y: b.y + below });
  return out;
}
