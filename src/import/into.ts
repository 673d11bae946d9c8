// `--into DESIGN`: the Veeam side of an existing design (appliance, repositories, worker
// configurations, operations, backup account) over the imported network. Accounts match by their
// 12-digit id and keep the design's ids, so every reference the Veeam side makes still holds where
// the element exists; what no longer resolves is left to the usual findings.
import type { Account, Design, Vpc } from '../model/schema';
import { ImportLog, type ImportFinding } from './findings';
import { withComputedLayout } from './layout';

/** `places`: the `ACCOUNT_ID/REGION` folders read (a folder without VPCs still says "none here"). */
export function importInto(
  existing: Design,
  imported: Design,
  places: readonly string[] = [],
): { design: Design; findings: ImportFinding[] } {
  const log = new ImportLog();
  const byNumber = new Map(existing.accounts.map((a) => [a.accountId, a]));
  const accountMap = new Map<string, string>();
  const added: Account[] = [];
  for (const a of imported.accounts) {
    const match = byNumber.get(a.accountId);
    accountMap.set(a.id, match?.id ?? a.id);
    if (!match) added.push(a);
  }
  const importedVpcs: Vpc[] = imported.vpcs.map((v) => ({
    ...v,
    account: accountMap.get(v.account) ?? v.account,
  }));
  const importedIds = new Set(importedVpcs.map((v) => v.id));
  // Where the import looked (account and region), the drawn network gives way to the real one.
  const designAccount = new Map(imported.accounts.map((a) => [a.accountId, accountMap.get(a.id) ?? a.id]));
  const collected = new Set(importedVpcs.map((v) => `${v.account}/${v.region}`));
  for (const place of places) {
    const [number, region] = place.split('/') as [string, string];
    collected.add(`${designAccount.get(number) ?? number}/${region}`);
  }
  const kept: Vpc[] = [];
  for (const v of existing.vpcs) {
    if (importedIds.has(v.id)) continue;
    if (collected.has(`${v.account}/${v.region}`))
      log.add(
        'not-found',
        'warning',
        `VPC ${v.name || v.id} of the design is not in the collection for its account and region; removed`,
        {
          elements: [v.id],
        },
      );
    else {
      kept.push(v);
      log.add(
        'kept-drawn',
        'info',
        `VPC ${v.name || v.id}: its account and region were not collected; kept as drawn`,
        { elements: [v.id] },
      );
    }
  }
  const vpcIds = new Set([...importedVpcs, ...kept].map((v) => v.id));
  const importedPeerings = new Set(imported.peerings.map((p) => p.id));
  const keptPeerings = existing.peerings.filter(
    (p) =>
      !importedPeerings.has(p.id) &&
      vpcIds.has(p.requester) &&
      vpcIds.has(p.accepter) &&
      (!importedIds.has(p.requester) || !importedIds.has(p.accepter)),
  );
  const survivors = new Set<string>();
  const design: Design = {
    ...existing,
    accounts: [...existing.accounts, ...added],
    vpcs: [...importedVpcs, ...kept],
    peerings: [...imported.peerings, ...keptPeerings],
  };
  const collectIds = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(collectIds);
    else if (x && typeof x === 'object') {
      const rec = x as Record<string, unknown>;
      if (typeof rec.id === 'string') survivors.add(rec.id);
      for (const [k, v] of Object.entries(rec)) if (k !== 'layout') collectIds(v);
    }
  };
  collectIds(design);
  const layout = existing.layout
    ? Object.fromEntries(Object.entries(existing.layout).filter(([id]) => survivors.has(id)))
    : undefined;
  const { layout: _drop, ...rest } = design;
  return { design: withComputedLayout(layout ? { ...rest, layout } : rest), findings: log.findings };
}
