// How the TGW forms write: through the TGW commands (src/model/commands/tgw.ts), which edit the TGW
// lists directly rather than through the kind descriptors.
import { setTgwAttachmentFields } from '../../../model/commands/tgw-attachment';
import { setTransitGatewayFields } from '../../../model/commands/transit-gateway';
import { apply } from '../../inspector/helpers';

export const setTgw = (id: string, fields: Record<string, unknown>, burst?: string) =>
  apply([setTransitGatewayFields({ id, fields })], burst);

export const setAttachment = (id: string, fields: Record<string, unknown>, burst?: string) =>
  apply([setTgwAttachmentFields({ id, fields })], burst);
