// Commands on the design document itself.
import { defineCommand } from '../command';
import { withFields, type Fields } from './helpers';

const DESIGN_FIELDS = new Set(['name', 'privateNetworkDeployment', 'backupAccount']);

export const setDesignFields = defineCommand<{ fields: Fields }>({
  type: 'design/set',
  describe: ({ fields }) => `Changed design ${Object.keys(fields).join(', ')}`,
  perform: (design, { fields }) =>
    withFields(design, Object.fromEntries(Object.entries(fields).filter(([k]) => DESIGN_FIELDS.has(k)))),
});
