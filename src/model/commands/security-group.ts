// Security group commands (the rules in them: ./sg-rule.ts).
import { defineCommand, updateVpc } from '../command';
import { named } from '../kinds';
import type { SecurityGroup } from '../schema';

export const addSecurityGroup = defineCommand<{ vpc: string; securityGroup: SecurityGroup }>({
  type: 'security-group/add',
  describe: ({ securityGroup }) => `Added ${named('securityGroup', securityGroup)}`,
  perform: (design, { vpc, securityGroup }) =>
    updateVpc(design, vpc, (v) => ({ ...v, securityGroups: [...v.securityGroups, securityGroup] })),
});
