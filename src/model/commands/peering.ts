// VPC peering commands: drawing one (refused where AWS would refuse it) and accepting it.
import { defineCommand } from '../command';
import type { Design, Peering } from '../schema';
import { nameOf } from './helpers';

/** Why a peering between two VPCs would be refused, or null when it may be drawn. */
export function peeringRefusal(design: Design, requester: string, accepter: string): string | null {
  if (requester === accepter) return 'A VPC cannot be peered with itself.';
  const names = new Map(design.vpcs.map((v) => [v.id, v.name || v.id]));
  if (!names.has(requester) || !names.has(accepter)) return 'Peerings join two VPCs.';
  const existing = design.peerings.find(
    (p) =>
      (p.requester === requester && p.accepter === accepter) ||
      (p.requester === accepter && p.accepter === requester),
  );
  if (existing)
    return `${names.get(requester)} and ${names.get(accepter)} are already peered (${existing.name || existing.id}).`;
  return null;
}

export const connectPeering = defineCommand<{ peering: Peering }>({
  type: 'peering/connect',
  describe: ({ peering }) => `Peered ${peering.requester} with ${peering.accepter}`,
  perform: (design, { peering }) =>
    peeringRefusal(design, peering.requester, peering.accepter) !== null
      ? design
      : { ...design, peerings: [...design.peerings, peering] },
});

export const acceptPeering = defineCommand<{ peering: string }>({
  type: 'peering/accept',
  describe: (p, d) => `Accepted peering "${nameOf(d, p.peering)}"`,
  perform(design, p) {
    if (!design.peerings.some((x) => x.id === p.peering && x.status !== 'active')) return design;
    return {
      ...design,
      peerings: design.peerings.map((x) => (x.id === p.peering ? { ...x, status: 'active' as const } : x)),
    };
  },
});
