import { describe, expect, it } from 'vitest';
import * as schema from '../../src/model/schema';
import { PACKED_SHAPES, unpackDesign } from '../../src/share/pack';

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
  transitGateway: schema.TransitGatewaySchema,
  tgwRouteTable: schema.TgwRouteTableSchema,
  tgwRoute: schema.TgwRouteSchema,
  tgwAttachment: schema.TgwAttachmentSchema,
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

describe('links packed before the Transit Gateway positions were added', () => {
  it('still read their trailing extras object as extra fields, not as transitGateways', () => {
    // Eleven positions (name … layout) then the extras: how tag "1" packed a design with an unknown field.
    const old = ['Old link', null, null, [], [], [], null, [], [], [], null, { 'x-future': { kept: true } }];
    const design = unpackDesign(old, 'vbaws-network-design', 1) as Record<string, unknown>;
    expect(design['x-future']).toEqual({ kept: true });
    expect(design.transitGateways).toBeUndefined();
    expect(design.name).toBe('Old link');
  });

  it('old routes with extras keep them', () => {
    const design = unpackDesign(
      [
        'r',
        null,
        null,
        [],
        [
          [
            'v',
            '',
            'a',
            'us-east-1',
            '10.0.0.0/16',
            [],
            null,
            null,
            [],
            [['rt', 'x', true, [['0.0.0.0/0', null, 'nat', { note: 1 }]]]],
          ],
        ],
      ],
      'vbaws-network-design',
      1,
    ) as { vpcs: { routeTables: { routes: Record<string, unknown>[] }[] }[] };
    const route = design.vpcs[0]!.routeTables[0]!.routes[0]!;
    expect(route).toEqual({ destination: '0.0.0.0/0', gateway: 'nat', note: 1 });
  });
});
