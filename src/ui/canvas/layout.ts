// Positions for every container on the canvas. Stored boxes (design.layout) win; anything without
// one is packed by a simple deterministic shelf packer: children in rows inside their parent,
// parents sized to fit, accounts in rows. Good enough for imported, CLI-made and linked designs,
// and it runs in a few milliseconds for hundreds of VPCs (elkjs would add ~1.4 MB for little gain).
import type { Design, LayoutBox } from '../../model/schema';

export const SIZES = {
  subnet: { w: 230, h: 96 },
  repository: { w: 220, h: 96 },
  pad: 16,
  header: 52,
  gap: 16,
  /** Between accounts: room for peering lines and their labels outside the containers. */
  accountGap: 72,
  rowWidth: { vpc: 2, account: 3, canvas: 1200 },
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

function offset(boxes: Map<string, Box>, dx: number, dy: number, into: Map<string, Box>) {
  for (const [id, b] of boxes) into.set(id, { ...b, x: b.x + dx, y: b.y + dy });
}

/** Subnets grow with what sits in them (endpoint, worker and appliance chips, about two per row
 * beside a two-line title: service names such as ec2messages are wide). */
function subnetHeight(chips: number): number {
  return Math.max(SIZES.subnet.h, 60 + Math.ceil(chips / 2) * 24);
}

/** How far children reach, so a container grows to hold children placed by hand. */
function extent(boxes: readonly Box[]): { right: number; bottom: number } {
  let right = 0;
  let bottom = 0;
  for (const b of boxes) {
    right = Math.max(right, b.x + b.w);
    bottom = Math.max(bottom, b.y + b.h);
  }
  return { right, bottom };
}

function withStored(id: string, computed: Box, stored: Record<string, LayoutBox> | undefined): Box {
  const s = stored?.[id];
  if (!s) return computed;
  return {
    x: s.x,
    y: s.y,
    w: Math.max(s.w ?? computed.w, computed.w),
    h: Math.max(s.h ?? computed.h, computed.h),
  };
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
 * (packing all 300 VPCs on every keystroke cost ~18 ms).
 */
export class LayoutCache {
  accounts = new Map<string, AccountLayout>();
}

function layoutAccount(
  design: Design,
  vpcs: readonly Design['vpcs'][number][],
  repositories: readonly Design['repositories'][number][],
  workersIn: ReadonlyMap<string, number>,
): Omit<AccountLayout, 'inputs'> {
  const stored = design.layout;
  const { pad, header } = SIZES;
  const out = new Map<string, Box>();
  const children: Item[] = [];
  for (const vpc of vpcs) {
    const subnets = shelf(
      vpc.subnets.map((s) => ({
        id: s.id,
        w: SIZES.subnet.w,
        h: subnetHeight(
          vpc.endpoints.filter((e) => e.subnets.includes(s.id)).length +
            (workersIn.get(s.id) ?? 0) +
            (design.appliance?.subnet === s.id ? 1 : 0),
        ),
      })),
      SIZES.rowWidth.vpc,
    );
    const inner = new Map<string, Box>();
    offset(subnets.boxes, pad, header, inner);
    const placed = [...inner].map(([id, b]) => withStored(id, b, stored));
    [...inner.keys()].forEach((id, i) => out.set(id, placed[i]!));
    const fit = extent(placed);
    const w = Math.max(300, subnets.w + 2 * pad, fit.right + pad);
    const h = Math.max(header + Math.max(subnets.h, 40) + pad, fit.bottom + pad);
    children.push({ id: vpc.id, w, h });
  }
  for (const repo of repositories) children.push({ id: repo.id, ...SIZES.repository });
  const packed = shelf(children, SIZES.rowWidth.account);
  const inner = new Map<string, Box>();
  offset(packed.boxes, pad, header + 12, inner);
  const placed = [...inner].map(([id, b]) => withStored(id, b, stored));
  [...inner.keys()].forEach((id, i) => out.set(id, placed[i]!));
  const fit = extent(placed);
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
    const previous = cache.accounts.get(account.id);
    const layout =
      previous && sameItems(previous.inputs, inputs)
        ? previous
        : { inputs, ...layoutAccount(design, vpcs, repositories, workersIn) };
    seen.set(account.id, layout);
    for (const [id, b] of layout.boxes) out.set(id, b);
    accountItems.push({ id: account.id, w: layout.w, h: layout.h });
  }
  cache.accounts = seen;
  const packed = shelf(accountItems, Infinity, SIZES.rowWidth.canvas, SIZES.accountGap);
  for (const [id, b] of packed.boxes) out.set(id, withStored(id, b, stored));

  // VPCs and repositories whose account is missing still get a place, below everything else.
  const orphans: Item[] = [
    ...design.vpcs.filter((v) => !accountIds.has(v.account)).map((v) => ({ id: v.id, w: 300, h: 120 })),
    ...design.repositories
      .filter((r) => !accountIds.has(r.account))
      .map((r) => ({ id: r.id, ...SIZES.repository })),
  ];
  const orphanRow = shelf(orphans, 6);
  offset(orphanRow.boxes, 0, packed.h + 60, out);
  return out;
}
