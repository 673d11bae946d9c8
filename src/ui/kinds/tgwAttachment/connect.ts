// Drawing a TGW attachment on the canvas: a drag from a VPC's ⊕ to a TGW attaches the VPC (one
// subnet per Availability Zone, AWS's rule for attachment subnets); a drag from a TGW's ⊕ to a TGW
// in another region peers the two. A refused drag says why, as a refused peering does.
import { useDesignStore } from '../../../app/store';
import { useUiStore } from '../../../app/ui-store';
import { newId } from '../../../model/commands/element';
import {
  attachmentRefusal,
  connectTgwAttachment,
  defaultAttachmentSubnets,
} from '../../../model/commands/tgw-attachment';
import { createPeeringAttachment, createVpcAttachment } from '../../../model/kinds';
import type { Design, TgwAttachment } from '../../../model/schema';

/** Whether the drag ends on a Transit Gateway (and so is an attachment, not a VPC peering). */
export const endsOnTgw = (design: Design, target: string) =>
  design.transitGateways.some((t) => t.id === target);

/** The attachment a drag from `source` to the TGW `target` makes (not yet checked). */
export function plannedAttachment(design: Design, source: string, target: string): TgwAttachment {
  const nameOf = (id: string) =>
    design.vpcs.find((v) => v.id === id)?.name || design.transitGateways.find((t) => t.id === id)?.name || id;
  return design.vpcs.some((v) => v.id === source)
    ? createVpcAttachment({
        id: newId(design, `tgw-attach-${source}`),
        name: `${nameOf(source)} → ${nameOf(target)}`,
        transitGateway: target,
        vpc: source,
        subnets: defaultAttachmentSubnets(design, source),
      })
    : createPeeringAttachment({
        id: newId(design, `tgw-peer-${source}-${target}`),
        name: `${nameOf(source)} ↔ ${nameOf(target)}`,
        transitGateway: target,
        peerTransitGateway: source,
      });
}

export function connectToTgw(source: string, target: string): void {
  const { design, apply } = useDesignStore.getState();
  const refusal = attachmentRefusal(design, source, target);
  if (refusal) {
    useUiStore.getState().notify(refusal);
    return;
  }
  const attachment = plannedAttachment(design, source, target);
  apply([connectTgwAttachment({ attachment })]);
  useUiStore.getState().select([attachment.id], { tab: 'inspector' });
}
