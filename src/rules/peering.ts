// VPC peering: a peering joins two distinct VPCs with disjoint blocks, at most once per pair, and
// carries traffic only once accepted.
import { anyOverlap, overlaps } from '../network/cidr';
import { analysisOf } from './analysis';
import { acceptPeering } from '../model/commands/peering';
import { endpointSide, quoted } from './flow-problems';
import type { Report, Rule } from './types';
import { AWS, VEEAM } from './sources';

const name = JSON.stringify;

export const peeringSelf: Rule = {
  meta: {
    id: 'peering/self',
    severity: 'error',
    title: 'VPC peered with itself',
    explanation:
      'A peering connection joins two different VPCs; AWS rejects a request whose requester and accepter are the same VPC.',
    sources: [AWS.peeringLimitations],
    fixable: false,
  },
  check({ design, index }) {
    return design.peerings
      .filter((p) => p.requester === p.accepter)
      .map<Report>((p) => ({
        message: `Peering ${name(index.nameOf(p.id))} joins VPC ${name(index.nameOf(p.requester))} with itself. Connect it to another VPC or delete it.`,
        elements: [p.id],
      }));
  },
};

export const peeringDuplicate: Rule = {
  meta: {
    id: 'peering/duplicate',
    severity: 'error',
    title: 'Two peerings join the same VPCs',
    explanation: 'AWS allows only one peering connection between a given pair of VPCs, in either direction.',
    sources: [AWS.peeringLimitations],
    fixable: false,
  },
  check(ctx) {
    const { net } = analysisOf(ctx);
    const findings: Report[] = [];
    const seen = new Set<string>();
    // An indexed loop: once per validation over every peering, mostly unoptimised, where an
    // iterator allocates a result per peering.
    const peerings = ctx.design.peerings;
    for (let i = 0; i < peerings.length; i++) {
      const p = peerings[i]!;
      if (p.requester === p.accepter) continue;
      const all = net.peeringsBetween(p.requester, p.accepter);
      const first = all[0]!;
      if (all.length < 2 || seen.has(first.id)) continue;
      seen.add(first.id);
      findings.push({
        message: `VPCs ${name(ctx.index.nameOf(p.requester))} and ${name(ctx.index.nameOf(p.accepter))} are joined by ${all.length} peerings (${all.map((x) => name(ctx.index.nameOf(x.id))).join(', ')}); AWS allows one. Delete all but one and point routes at it.`,
        elements: all.map((x) => x.id),
      });
    }
    return findings;
  },
};

export const peeringCidrOverlap: Rule = {
  meta: {
    id: 'peering/cidr-overlap',
    severity: 'error',
    title: "Peered VPCs' blocks overlap",
    explanation:
      'AWS cannot create a peering connection between VPCs whose CIDR blocks (primary or secondary) overlap, because routes could not tell the two apart.',
    sources: [AWS.peeringLimitations],
    fixable: false,
  },
  check(ctx) {
    const { net } = analysisOf(ctx);
    const findings: Report[] = [];
    for (const p of ctx.design.peerings) {
      if (p.requester === p.accepter) continue;
      const a = ctx.index.vpcs.get(p.requester)?.element;
      const b = ctx.index.vpcs.get(p.accepter)?.element;
      if (!a || !b) continue;
      const as = net.blocksOf(a);
      const bs = net.blocksOf(b);
      if (!anyOverlap(as, bs)) continue;
      const clash = as.flatMap((x) => bs.filter((y) => overlaps(x, y)).map((y) => `${x.text} and ${y.text}`));
      findings.push({
        message: `Peering ${name(ctx.index.nameOf(p.id))} joins VPCs ${name(ctx.index.nameOf(a.id))} and ${name(ctx.index.nameOf(b.id))}, whose blocks overlap (${clash.join('; ')}); AWS fails the request. Re-address one of the VPCs.`,
        elements: [p.id, a.id, b.id],
      });
    }
    return findings;
  },
};

export const peeringNotActive: Rule = {
  meta: {
    id: 'peering/not-active',
    severity: 'error',
    title: 'A required flow uses a peering pending acceptance',
    explanation:
      'A peering connection carries no traffic until the owner of the accepter VPC accepts the request; until then every flow over it fails.',
    sources: [AWS.peeringAccept, VEEAM.peering],
    fixable: true,
  },
  hops: [
    {
      kinds: ['peering'],
      reasons: ['not-active'],
      describe(ctx, at) {
        const p = at.hop.peering ? ctx.index.peerings.get(at.hop.peering)?.element : undefined;
        if (!p || !endpointSide(ctx, at)) return undefined;
        const name = (id: string) => quoted(ctx, id);
        return {
          message: `Peering ${name(p.id)} between VPC ${name(p.requester)} and VPC ${name(p.accepter)} is still pending acceptance, so no traffic crosses it. Accept it in the accepter VPC's account.`,
          elements: [p.id, p.accepter],
          fix: { title: `Accept peering ${name(p.id)}`, commands: [acceptPeering({ peering: p.id })] },
        };
      },
    },
  ],
};
