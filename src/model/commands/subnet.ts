// Subnet commands.
import { defineCommand, updateVpc, vpcHolding } from '../command';
import { named } from '../kinds';
import type { Subnet } from '../schema';
import { nameOf, place, type Point } from './helpers';

export const addSubnet = defineCommand<{ vpc: string; subnet: Subnet; at?: Point }>({
  type: 'subnet/add',
  describe: ({ subnet }) => `Added ${named('subnet', subnet)}`,
  perform: (design, { vpc, subnet, at }) => {
    const next = updateVpc(design, vpc, (v) => ({ ...v, subnets: [...v.subnets, subnet] }));
    return next === design ? design : place(next, subnet.id, at);
  },
});

export const setSubnetPublicIp = defineCommand<{ subnet: string; mapPublicIpOnLaunch: boolean }>({
  type: 'subnet/set-public-ip',
  describe: (p, d) =>
    `Turned public IP mapping ${p.mapPublicIpOnLaunch ? 'on' : 'off'} for subnet "${nameOf(d, p.subnet)}"`,
  perform(design, p) {
    const vpc = vpcHolding(design, p.subnet);
    if (!vpc || vpc.subnets.find((s) => s.id === p.subnet)?.mapPublicIpOnLaunch === p.mapPublicIpOnLaunch)
      return design;
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      subnets: v.subnets.map((s) =>
        s.id === p.subnet ? { ...s, mapPublicIpOnLaunch: p.mapPublicIpOnLaunch } : s,
      ),
    }));
  },
});
