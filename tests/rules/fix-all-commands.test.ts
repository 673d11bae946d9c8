// "Fix all" in the Problems tab applies fixAllWithReport's commands as one undo step; the CLI's
// `fix` writes its design. Both must be the same repair.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { applyCommands } from '../../src/model/command';
import { loadDesign } from '../../src/model/parse';
import { fixAllWithReport } from '../../src/rules/fix';
import { validate } from '../../src/rules/registry';

it('the commands of Fix all, applied in one step, give the fixed design', () => {
  const r = loadDesign(
    readFileSync(new URL('../../examples/example-1-ec2-backup.json', import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('example does not load');
  // Plant two faults that take two rounds: no route to the repository, DNS hostnames off.
  const broken = {
    ...r.design,
    vpcs: r.design.vpcs.map((v) =>
      v.id === 'vpc-worker'
        ? { ...v, dnsHostnames: false, routeTables: v.routeTables.map((t) => ({ ...t, routes: [] })) }
        : v,
    ),
  };
  expect(validate(broken).some((f) => f.rule === 'route/missing')).toBe(true);
  const report = fixAllWithReport(broken);
  expect(report.commands).toHaveLength(report.changes.length);
  expect(applyCommands(broken, report.commands)).toEqual(report.design);
  expect(validate(report.design).filter((f) => f.severity === 'error')).toEqual([]);
});
