import { describe, expect, it } from 'vitest';
import * as schema from '../../src/model/schema';
import { PACKED_SHAPES } from '../../src/share/pack';

const SCHEMAS = {
  design: schema.DesignSchema,
  account: schema.AccountSchema,
  vpc: schema.VpcSchema,
  subnet: schema.SubnetSchema,
  routeTable: schema.RouteTableSchema,
  route: schema.RouteSchema,
  securityGroup: schema.SecurityGroupSchema,
  sgRule: schema.SgRuleSchema,
  endpoint: schema.EndpointSchema,
  peering: schema.PeeringSchema,
  appliance: schema.ApplianceSchema,
  repository: schema.RepositorySchema,
  workerConfiguration: schema.WorkerConfigurationSchema,
  operation: schema.OperationSchema,
  layoutBox: schema.LayoutBoxSchema,
};

describe('packed shapes of link format "1"', () => {
  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])(
    'give every field of %s a position (a new field would travel, uncompacted, as an extra)',
    (name) => {
      const keys = Object.keys(SCHEMAS[name].shape).filter((k) => k !== 'format' && k !== 'version');
      expect(PACKED_SHAPES[name].map((f) => f.key).sort()).toEqual(keys.sort());
    },
  );

  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])(
    'leave out exactly the defaults of %s',
    (name) => {
      const shape = SCHEMAS[name].shape as Record<
        string,
        { def?: { type?: string; defaultValue?: unknown } }
      >;
      for (const field of PACKED_SHAPES[name]) {
        const def = shape[field.key]?.def;
        const schemaDefault = def?.type === 'default' ? def.defaultValue : undefined;
        expect(field.empty, `${name}.${field.key}`).toEqual(schemaDefault);
      }
    },
  );
});
