// Appliance commands.
import { defineCommand } from '../command';
import type { Appliance } from '../schema';

/** The format allows one appliance per design; setting it replaces any previous one. */
export const setAppliance = defineCommand<{ appliance: Appliance }>({
  type: 'appliance/set',
  describe: ({ appliance }) => `Placed appliance ${appliance.name || appliance.id}`,
  perform: (design, { appliance }) => ({ ...design, appliance }),
});
