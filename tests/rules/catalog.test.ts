import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/rules/catalog-doc';
import { RULES, ruleMeta } from '../../src/rules/registry';
import type { HopJudge } from '../../src/rules/types';

// The ids of rules.md section 3, in catalog order: tests and users match on them.
const CATALOG = [
  'design/invalid-reference',
  'design/duplicate-id',
  'account/invalid-id',
  'region/unknown',
  'subnet/az-mismatch',
  'cidr/invalid',
  'cidr/vpc-size',
  'cidr/subnet-outside-vpc',
  'cidr/subnet-overlap',
  'cidr/non-rfc1918',
  'peering/self',
  'peering/duplicate',
  'peering/cidr-overlap',
  'peering/not-active',
  'route/missing',
  'route/wrong-target',
  'route/foreign-peering',
  'endpoint/missing',
  'endpoint/private-dns-off',
  'endpoint/dns-attributes',
  'endpoint/duplicate-private-dns',
  'endpoint/az-not-covered',
  'endpoint/gateway-unsupported',
  'endpoint/s3-region-mismatch',
  'repository/no-endpoint',
  'sg/ingress-443',
  'sg/egress-443',
  'sg/cross-region-reference',
  'worker/no-configuration',
  'worker/public-ip',
  'worker/production-only',
  'reach/partial',
  'appliance/missing',
  'archive/repository-peering',
  's3/public-endpoint-needed',
];
// The catalog's severities where they are not error.
const SEVERITY: Record<string, string> = {
  'cidr/non-rfc1918': 'info',
  's3/public-endpoint-needed': 'info',
  'endpoint/az-not-covered': 'warning',
  'worker/no-configuration': 'warning',
  'worker/public-ip': 'warning',
  'reach/partial': 'warning',
  'appliance/missing': 'warning',
  'archive/repository-peering': 'warning',
};

describe('rule catalog', () => {
  it('holds every catalog id, in catalog order, with the catalog severity', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids.filter((id) => CATALOG.includes(id))).toEqual(CATALOG);
    for (const r of RULES.filter((x) => CATALOG.includes(x.meta.id)))
      expect([r.meta.id, r.meta.severity]).toEqual([r.meta.id, SEVERITY[r.meta.id] ?? 'error']);
  });
  it('adds its own rules with unique family/name ids (their severities are asserted by their family tests)', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+\/[a-z0-9-]+$/);
  });
  it('every rule explains itself and cites a source', () => {
    for (const r of RULES) {
      expect(r.meta.title.length, r.meta.id).toBeGreaterThan(8);
      expect(r.meta.explanation.length, r.meta.id).toBeGreaterThan(60);
      expect(r.meta.sources.length, r.meta.id).toBeGreaterThan(0);
      for (const l of r.meta.sources)
        expect(l.url, r.meta.id).toMatch(
          /^(https:\/\/(helpcenter\.veeam\.com\/docs\/vbaws\/guide\/|docs\.aws\.amazon\.com\/|www\.rfc-editor\.org\/)|design-format\.md$)/,
        );
    }
  });
  it('ruleMeta answers "learn more" and knows no invented ids', () => {
    expect(ruleMeta('route/missing')?.fixable).toBe(true);
    expect(ruleMeta('route/nope')).toBeUndefined();
  });
  it('docs/rules.md is fresh (run `npm run docs:rules` after changing a rule)', () => {
    const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesDoc(RULES));
  });
  it('no failed hop has two judges: each hop kind, reason and direction belongs to one rule', () => {
    const judges = RULES.flatMap((r) => (r.hops ?? []).map((j) => ({ rule: r.meta.id, j })));
    expect(judges.length).toBeGreaterThan(10);
    const overlap = (a: HopJudge, b: HopJudge) =>
      a.kinds.some((k) => b.kinds.includes(k)) &&
      a.reasons.some((r) => b.reasons.includes(r)) &&
      (a.returning === undefined || b.returning === undefined || a.returning === b.returning);
    for (const [i, a] of judges.entries())
      for (const b of judges.slice(i + 1))
        expect(overlap(a.j, b.j), `${a.rule} and ${b.rule} judge the same hops`).toBe(false);
  });
  it('every rule has a ruleTester case where it fires and one where it stays silent', () => {
    const dir = new URL('./', import.meta.url);
    const cases = new Map<string, { fires: number; silent: number }>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
      // Each `ruleTester('id')` chain runs up to the next one in its file.
      const parts = readFileSync(new URL(file, dir), 'utf8')
        .split(/ruleTester\('/)
        .slice(1);
      for (const part of parts) {
        const id = part.slice(0, part.indexOf("'"));
        const seen = cases.get(id) ?? { fires: 0, silent: 0 };
        seen.fires += part.split('.fires(').length - 1;
        seen.silent += part.split('.silent(').length - 1;
        cases.set(id, seen);
      }
    }
    const missing = RULES.map((r) => r.meta.id).filter(
      (id) => !cases.get(id)?.fires || !cases.get(id)?.silent,
    );
    expect(missing).toEqual([]);
  });
});
