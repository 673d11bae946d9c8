// VPC commands: adding, moving between accounts, DNS attributes.
import { defineCommand, updateVpc } from '../command';
import { named } from '../kinds';
import type { Design, Vpc } from '../schema';
import { nameOf, place, type Point } from './helpers';

export const addVpc = defineCommand<{ vpc: Vpc; at?: Point }>({
  type: 'vpc/add',
  describe: ({ vpc }) => `Added ${named('vpc', vpc)}`,
  perform: (design, { vpc, at }) =>
    design.vpcs.some((v) => v.id === vpc.id)
      ? design
      : place({ ...design, vpcs: [...design.vpcs, vpc] }, vpc.id, at),
});

/** Why the VPC may not move to that account, or null when it may. */
export function vpcMoveRefusal(design: Design, vpcId: string, accountId: string): string | null {
  const vpc = design.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return 'No such VPC.';
  if (!design.accounts.some((a) => a.id === accountId)) return 'No such account.';
  if (vpc.account === accountId) return 'The VPC is already in that account.';
  // An RDS/EFS operation names the VPC its database or file system lives in, inside its production
  // account; moving that VPC elsewhere would silently change what the operation protects.
  const pinned = design.operations.find((o) => o.vpc === vpcId && o.account && o.account !== accountId);
  if (pinned)
    return `Operation ${pinned.name || pinned.id} protects resources in this VPC in its own account.`;
  return null;
}

export const moveVpcToAccount = defineCommand<{ vpc: string; account: string }>({
  type: 'vpc/move-account',
  describe: ({ vpc, account }) => `Moved VPC ${vpc} to account ${account}`,
  perform: (design, { vpc, account }) => {
    if (vpcMoveRefusal(design, vpc, account) !== null) return design;
    const layout = { ...design.layout };
    // The old position is relative to the old account; let the packer place it in the new one.
    delete layout[vpc];
    return {
      ...updateVpc(design, vpc, (v) => ({ ...v, account })),
      // A worker configuration belongs to the account that owns its VPC (Veeam picks it per account).
      workerConfigurations: design.workerConfigurations.map((w) => (w.vpc === vpc ? { ...w, account } : w)),
      layout,
    };
  },
});

export const setDnsAttributes = defineCommand<{ vpc: string; dnsSupport: boolean; dnsHostnames: boolean }>({
  type: 'vpc/set-dns',
  describe: (p, d) =>
    `Set DNS support ${p.dnsSupport ? 'on' : 'off'} and DNS hostnames ${p.dnsHostnames ? 'on' : 'off'} for VPC "${nameOf(d, p.vpc)}"`,
  perform: (design, p) =>
    updateVpc(design, p.vpc, (v) =>
      v.dnsSupport === p.dnsSupport && v.dnsHostnames === p.dnsHostnames
        ? v
        : { ...v, dnsSupport: p.dnsSupport, dnsHostnames: p.dnsHostnames },
    ),
});
