// Routes more specific than the block a flow needs: a VPC router sends each address by its own
// most specific route, so a narrower route taking part of an endpoint's subnet (or of the workers'
// range, on the way back) elsewhere breaks the flow for those addresses, and narrower routes that
// together hold the whole block over the right peering are as good as one route.
import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../src/model/design-index';
import type { Design } from '../../src/model/schema';
import { buildNetwork } from '../../src/network/model';
import { traceFlow } from '../../src/network/reachability';
import { validate } from '../../src/rules/registry';
import { deriveRequirements } from '../../src/veeam/flows';
import { edit, example, serious, table } from '../rules/helpers';

const e1 = example(1);

function workerToS3Trace(d: Design) {
  const net = buildNetwork(indexDesign(d));
  const flow = deriveRequirements(net.index, net).flows.find(
    (f) => f.kind === 'worker-repository' && f.endpoint.id === 'vpce-s3-repo',
  )!;
  const subnet = net.index.subnets.get('sn-repo-a')!.element;
  return traceFlow(net, flow.source, { endpoint: flow.endpoint, vpc: flow.endpointVpc, subnet });
}

describe('routes inside the block a flow needs', () => {
  it('a narrower route sending part of the endpoint subnet to a gateway is reported, without a fix', () => {
    const d = edit(e1, (x) =>
      table(x, 'rt-worker').routes.push({ destination: '11.0.1.0/25', gateway: 'nat' }),
    );
    const found = validate(d).filter((f) => f.rule === 'route/wrong-target');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('11.0.1.0/25');
    expect(found[0]!.message).toContain('takes part of 11.0.1.0/24');
    expect(found[0]!.elements).toContain('rt-worker');
    expect(found[0]!.fix).toBeUndefined();
    const hop = workerToS3Trace(d).hops.find((h) => h.kind === 'route')!;
    expect(hop).toMatchObject({ verdict: 'fail', reason: 'gateway', partial: true });
  });

  it('a narrower route on the way back that takes part of the workers’ subnet is reported', () => {
    const d = edit(e1, (x) =>
      table(x, 'rt-repo').routes.push({ destination: '10.0.1.0/26', gateway: 'internet' }),
    );
    const found = validate(d).filter((f) => f.rule === 'route/wrong-target');
    expect(found.map((f) => f.elements[0])).toEqual(['rt-repo']);
    expect(found[0]!.message).toContain('takes part of 10.0.1.0/24');
  });

  it('narrower routes over the right peering are no problem, alone or beside a wider one', () => {
    const halves = edit(e1, (x) => {
      table(x, 'rt-worker').routes = [
        { destination: '11.0.1.0/25', peering: 'pcx-worker-repo' },
        { destination: '11.0.1.128/25', peering: 'pcx-worker-repo' },
      ];
    });
    expect(serious(halves)).toEqual([]);
    expect(workerToS3Trace(halves).ok).toBe(true);

    const narrowerToo = edit(e1, (x) =>
      table(x, 'rt-worker').routes.push({ destination: '11.0.1.64/26', peering: 'pcx-worker-repo' }),
    );
    expect(serious(narrowerToo)).toEqual([]);
  });

  it('narrower routes that leave a gap, with nothing wider, still miss the rest', () => {
    const d = edit(e1, (x) => {
      table(x, 'rt-worker').routes = [{ destination: '11.0.1.0/25', peering: 'pcx-worker-repo' }];
    });
    expect(validate(d).map((f) => f.rule)).toContain('route/missing');
  });
});
