// A peering is described in both accounts when requester and accepter are both collected. The
// two views become one peering; when they disagree (a stale page, a half-finished acceptance) the
// import says which field differs and keeps the requester's view.
import type { Peering } from '../../model/schema';
import type { ImportLog } from '../findings';
import type { Located } from './folder';
import { nameTag, type CliPeering } from './shapes';

/** Status codes of VpcPeeringConnectionStateReasonCode: which ones the design keeps, and as what. */
const STATUS: Record<string, Peering['status'] | 'gone'> = {
  active: 'active',
  'pending-acceptance': 'pending-acceptance',
  'initiating-request': 'pending-acceptance',
  provisioning: 'pending-acceptance',
  deleted: 'gone',
  deleting: 'gone',
  rejected: 'gone',
  failed: 'gone',
  expired: 'gone',
};

const COMPARED: [string, (p: CliPeering) => string | undefined][] = [
  ['Status.Code', (p) => p.Status.Code],
  ['RequesterVpcInfo.VpcId', (p) => p.RequesterVpcInfo.VpcId],
  ['RequesterVpcInfo.OwnerId', (p) => p.RequesterVpcInfo.OwnerId],
  ['RequesterVpcInfo.Region', (p) => p.RequesterVpcInfo.Region],
  ['AccepterVpcInfo.VpcId', (p) => p.AccepterVpcInfo.VpcId],
  ['AccepterVpcInfo.OwnerId', (p) => p.AccepterVpcInfo.OwnerId],
  ['AccepterVpcInfo.Region', (p) => p.AccepterVpcInfo.Region],
];

export function buildPeerings(
  seen: readonly (Located<CliPeering> & { accountId: string })[],
  vpcIds: ReadonlySet<string>,
  log: ImportLog,
): Peering[] {
  const byId = new Map<string, (Located<CliPeering> & { accountId: string })[]>();
  for (const s of seen) {
    const list = byId.get(s.item.VpcPeeringConnectionId);
    if (list) list.push(s);
    else byId.set(s.item.VpcPeeringConnectionId, [s]);
  }
  const out: Peering[] = [];
  for (const [id, views] of byId) {
    const chosen = views.find((v) => v.accountId === v.item.RequesterVpcInfo.OwnerId) ?? views[0]!;
    for (const other of views) {
      if (other === chosen) continue;
      for (const [field, get] of COMPARED) {
        const a = get(chosen.item);
        const b = get(other.item);
        if (a !== undefined && b !== undefined && a !== b)
          log.add(
            'peering-views-differ',
            'warning',
            `peering ${id}: ${field} is ${JSON.stringify(a)} in ${chosen.file} but ${JSON.stringify(b)} in ${other.file}; the design uses ${JSON.stringify(a)}. Collect both accounts again at the same time.`,
            { file: other.file, path: `${other.path}.${field}`, elements: [id] },
          );
      }
    }
    const p = chosen.item;
    const where = { file: chosen.file, path: chosen.path, elements: [id] };
    const status = STATUS[p.Status.Code];
    if (status === undefined || status === 'gone') {
      log.add(
        'dropped',
        'info',
        `peering ${id} is ${p.Status.Code}${status === undefined ? ' (a status the import does not know)' : ''}; left out`,
        where,
      );
      continue;
    }
    const missing = [p.RequesterVpcInfo, p.AccepterVpcInfo].filter((side) => !vpcIds.has(side.VpcId));
    if (missing.length) {
      log.add(
        'not-judged',
        'info',
        `peering ${id} joins ${missing.map((s) => `VPC ${s.VpcId}${s.OwnerId ? ` of account ${s.OwnerId}` : ''}${s.Region ? ` in ${s.Region}` : ''}`).join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not in the collection; left out`,
        where,
      );
      continue;
    }
    const name = nameTag(p.Tags) ?? views.map((v) => nameTag(v.item.Tags)).find(Boolean);
    out.push({
      id,
      ...(name ? { name } : {}),
      requester: p.RequesterVpcInfo.VpcId,
      accepter: p.AccepterVpcInfo.VpcId,
      status,
    });
  }
  return out;
}
