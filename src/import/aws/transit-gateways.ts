// Transit Gateways from describe-transit-gateways, -attachments, -vpc-attachments, -route-tables,
// and per TGW route table search-transit-gateway-routes-<id> (static routes; propagated ones come
// from propagations) and get-transit-gateway-route-table-propagations-<id>. A TGW shared through
// RAM shows up in its participants' folders too: the owner's view is kept. A peering attachment
// has one id seen from both TGWs; each side's association is kept (the peer's as peerRouteTable).
import type { TgwAttachment, TgwRoute, TransitGateway } from '../../model/schema';
import type { ImportLog } from '../findings';
import type { Located, RegionInput } from './folder';
import { nameTag, type CliTgwAttachment } from './shapes';

const GONE = new Set(['deleted', 'deleting', 'failed', 'failing', 'rejected', 'rejecting']);

export function buildTransitGateways(
  regions: readonly RegionInput[],
  vpcIds: ReadonlySet<string>,
  accountDesignId: (accountId: string) => string,
  log: ImportLog,
): { transitGateways: TransitGateway[]; attachments: TgwAttachment[] } {
  const tgws = new Map<string, TransitGateway>();
  const collectedPropagations = new Set<string>();
  const propagationsOf = new Map<string, string[]>();
  for (const region of regions) {
    for (const { item } of region.transitGateways) {
      if (GONE.has(item.State ?? '')) continue;
      const owner = item.OwnerId ?? region.accountId;
      if (tgws.has(item.TransitGatewayId) || owner !== region.accountId) continue;
      const o = item.Options ?? {};
      tgws.set(item.TransitGatewayId, {
        id: item.TransitGatewayId,
        name: nameTag(item.Tags) ?? '',
        account: accountDesignId(owner),
        region: region.region,
        asn: o.AmazonSideAsn ?? 64512,
        defaultAssociationRouteTable:
          o.DefaultRouteTableAssociation === 'enable' ? o.AssociationDefaultRouteTableId : undefined,
        defaultPropagationRouteTable:
          o.DefaultRouteTablePropagation === 'enable' ? o.PropagationDefaultRouteTableId : undefined,
        securityGroupReferencing: o.SecurityGroupReferencingSupport === 'enable',
        sharedWith: [],
        routeTables: [],
      });
    }
  }
  for (const region of regions) {
    for (const { item } of region.tgwRouteTables) {
      const tgw = tgws.get(item.TransitGatewayId);
      if (
        !tgw ||
        GONE.has(item.State ?? '') ||
        tgw.routeTables.some((t) => t.id === item.TransitGatewayRouteTableId)
      )
        continue;
      const id = item.TransitGatewayRouteTableId;
      const routes: TgwRoute[] = [];
      const found = region.tgwRoutes.get(id);
      if (!found)
        log.add(
          'missing-file',
          'info',
          `no search-transit-gateway-routes-${id}.json: ${id} taken as having no static routes`,
          {
            file: `${region.accountId}/${region.region}/search-transit-gateway-routes-${id}.json`,
          },
        );
      for (const { item: r, file, path } of found ?? []) {
        if (r.Type !== 'static') continue;
        if (!r.DestinationCidrBlock) {
          log.add(
            'not-judged',
            'info',
            `TGW route to prefix list ${r.PrefixListId ?? '?'} in ${id}: not judged`,
            { file, path },
          );
          continue;
        }
        const attachment = r.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId;
        routes.push(
          r.State === 'blackhole' || !attachment
            ? { destination: r.DestinationCidrBlock, blackhole: true }
            : { destination: r.DestinationCidrBlock, attachment },
        );
      }
      tgw.routeTables.push({ id, name: nameTag(item.Tags), routes });
      const propagations = region.tgwPropagations.get(id);
      if (propagations) {
        collectedPropagations.add(id);
        for (const { item: p } of propagations) {
          if (p.State !== undefined && p.State !== 'enabled') continue;
          propagationsOf.set(p.TransitGatewayAttachmentId, [
            ...(propagationsOf.get(p.TransitGatewayAttachmentId) ?? []),
            id,
          ]);
        }
      }
    }
  }

  const vpcAttachmentOf = new Map(
    regions.flatMap((r) =>
      r.tgwVpcAttachments.map(({ item }) => [item.TransitGatewayAttachmentId, item] as const),
    ),
  );
  const attachments = new Map<string, TgwAttachment>();
  const skip = (a: Located<CliTgwAttachment>, why: string) =>
    log.add('not-judged', 'info', `TGW attachment ${a.item.TransitGatewayAttachmentId}: ${why}; left out`, {
      file: a.file,
      path: a.path,
      elements: [a.item.TransitGatewayAttachmentId],
    });
  for (const region of regions) {
    for (const located of region.tgwAttachments) {
      const a = located.item;
      const id = a.TransitGatewayAttachmentId;
      if (GONE.has(a.State ?? '')) continue;
      const tgw = tgws.get(a.TransitGatewayId);
      const table =
        a.Association?.State === 'associated' ? a.Association.TransitGatewayRouteTableId : undefined;
      const seen = attachments.get(id);
      if (seen) {
        // The other side of a peering attachment: its association is the peer side's.
        if (seen.peerTransitGateway === a.TransitGatewayId && table) seen.peerRouteTable = table;
        continue;
      }
      if (!tgw) {
        if (a.ResourceType !== 'peering')
          skip(located, `Transit Gateway ${a.TransitGatewayId} is not in the collection`);
        continue;
      }
      const status = a.State === 'pendingAcceptance' ? 'pending-acceptance' : 'active';
      const base = { id, name: nameTag(a.Tags), transitGateway: tgw.id, routeTable: table, status } as const;
      if (a.ResourceType === 'vpc' && a.ResourceId) {
        if (!vpcIds.has(a.ResourceId)) {
          skip(located, `VPC ${a.ResourceId} is not in the collection`);
          continue;
        }
        if (!table)
          log.add(
            'not-judged',
            'info',
            `TGW attachment ${id} is associated with no route table; the design gives it the TGW's default`,
            { file: located.file, path: located.path, elements: [id] },
          );
        const owner = a.ResourceOwnerId;
        // Another account's VPC attached: the TGW is shared with it (RAM shares are not collected).
        // Compared with the TGW's owner, not the folder's account: the VPC owner's folder lists the
        // attachment too, and may be read first.
        const account = owner ? accountDesignId(owner) : tgw.account;
        if (account !== tgw.account && !tgw.sharedWith.includes(account)) tgw.sharedWith.push(account);
        attachments.set(id, {
          ...base,
          vpc: a.ResourceId,
          subnets: vpcAttachmentOf.get(id)?.SubnetIds ?? [],
          // Only a disabled option is written: omitted means on in the design, as in the EC2 API.
          ...(vpcAttachmentOf.get(id)?.Options?.SecurityGroupReferencingSupport === 'disable'
            ? { securityGroupReferencing: false }
            : {}),
          propagations: tgw.routeTables.every((t) => collectedPropagations.has(t.id))
            ? (propagationsOf.get(id) ?? [])
            : undefined,
        });
      } else if ((a.ResourceType === 'peering' || a.ResourceType === 'tgw-peering') && a.ResourceId) {
        attachments.set(id, { ...base, subnets: [], peerTransitGateway: a.ResourceId });
      } else skip(located, `a ${a.ResourceType} attachment is not part of the design format`);
    }
  }
  // A peering attachment whose other TGW was not collected cannot be drawn.
  for (const [id, a] of attachments) {
    if (a.peerTransitGateway !== undefined && !tgws.has(a.peerTransitGateway)) {
      log.add(
        'not-judged',
        'info',
        `TGW peering attachment ${id}: the peer Transit Gateway ${a.peerTransitGateway} is not in the collection; left out`,
        { elements: [id] },
      );
      attachments.delete(id);
    }
  }
  return { transitGateways: [...tgws.values()], attachments: [...attachments.values()] };
}
