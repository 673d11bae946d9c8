// No required flow is left unjudged: each one reaches or not, and each that does not carries an
// error naming it. These are the silent passes issue 10 found, each as the user met it.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { analyze } from '../../src/rules/registry';
import { edit, endpoint, example, vpc } from './helpers';

/** The failing flows to `target`, and the error findings that name each of them. */
function failing(d: Design, target: (id: string) => boolean) {
  const { flows, findings } = analyze(d);
  const bad = flows.filter((f) => target(f.flow.target) && !f.ok);
  return bad.map((f) => ({
    flow: f,
    errors: findings.filter((x) => x.severity === 'error' && x.flow?.includes(f.flow.description)),
  }));
}

describe('every required flow is judged', () => {
  it('an S3 interface endpoint with no subnets: nothing reaches it, endpoint/no-subnets says so', () => {
    const d = edit(example(1), (x) => (endpoint(x, 'vpce-s3-repo').subnets = []));
    const bad = failing(d, (t) => t === 'vpce-s3-repo');
    expect(bad.map((b) => b.flow.flow.kind).sort()).toEqual(['appliance-repository', 'worker-repository']);
    for (const b of bad) expect(b.errors.map((e) => e.rule)).toContain('endpoint/no-subnets');
  });

  it('a required service endpoint with no subnets is an error, not only a warning', () => {
    const d = edit(example(1), (x) => (endpoint(x, 'vpce-ssm').subnets = []));
    const [b] = failing(d, (t) => t === 'vpce-ssm');
    expect(b!.errors.map((e) => e.rule)).toEqual(['endpoint/no-subnets']);
    expect(analyze(d).findings.filter((f) => f.rule === 'endpoint/az-not-covered')).toEqual([]);
  });

  it('a repository VPC re-addressed inside the workers’ block: the local route keeps the traffic', () => {
    const d = edit(example(1), (x) => {
      const repo = vpc(x, 'vpc-repo');
      repo.cidr = '10.0.128.0/20';
      repo.subnets[0]!.cidr = '10.0.129.0/24';
    });
    const bad = failing(d, (t) => t === 'vpce-s3-repo');
    const worker = bad.find((b) => b.flow.flow.kind === 'worker-repository')!;
    expect(worker.errors.map((e) => e.rule)).toContain('route/local-shadow');
    const trace = worker.flow.traces[0]!.trace;
    expect(trace.hops.find((h) => h.reason === 'local-shadow')).toMatchObject({
      kind: 'route',
      verdict: 'fail',
    });
  });

  it('a deleted required endpoint leaves a failing flow that endpoint/missing names', () => {
    const d = edit(example(1), (x) => {
      const v = vpc(x, 'vpc-worker');
      v.endpoints = v.endpoints.filter((e) => e.id !== 'vpce-ssm');
    });
    const [b] = failing(d, (t) => t === 'vpc-worker');
    expect(b!.flow.flow.description).toContain('ssm endpoint (none in VPC');
    expect(b!.errors.map((e) => e.rule)).toEqual(['endpoint/missing']);
    expect(b!.flow.traces[0]!.trace.hops.at(-1)).toMatchObject({ verdict: 'fail', reason: 'no-endpoint' });
  });

  it('a repository without an S3 endpoint leaves failing flows that repository/no-endpoint names', () => {
    const d = edit(example(1), (x) => delete x.repositories[0]!.s3Endpoint);
    const bad = failing(d, (t) => t === d.repositories[0]!.id);
    expect(bad).toHaveLength(2);
    for (const b of bad) expect(b.errors.map((e) => e.rule)).toEqual(['repository/no-endpoint']);
  });
});
