// The happy path of loading: the zod definition (schema.ts) as plain generated code
// (design-check.generated.ts, written from check-plan.ts) that checks a freshly parsed JSON value
// and fills its defaults in place. zod itself builds a new object for every element and records
// issues as it goes, which is what a load paid for; here a valid document is walked once and
// allocates only its missing defaults. Anything the check rejects is handed to zod, which explains
// it with JSON paths (parse.ts), so zod stays the judge of every message and the one source of
// truth: the code is written from its definitions (types, shapes, defaults) and runs its own
// regexes, predicates and checks. No `new Function`: it runs under the app's
// Content-Security-Policy as it runs in Node. The walk also drops keys that could reach a
// prototype wherever it meets them, so a design's text is parsed by a plain JSON.parse.
import { planOf, signatureOf } from './check-plan';
import { delegate, hashText, type Checker } from './check-runtime';
import { bindDesignChecker, PLAN_SIGNATURE } from './design-check.generated';
import { DesignSchema } from './schema';

export { dropUnsafeKeys, REJECT, type Checker } from './check-runtime';

let checker: Checker | undefined;

/**
 * The generated checker when `signature` (the one written into design-check.generated.ts) is the
 * definition's own; zod for every design otherwise.
 */
export function checkerFor(signature: string): Checker {
  const plan = planOf(DesignSchema);
  return hashText(signatureOf(plan)) === signature ? bindDesignChecker(plan) : delegate(DesignSchema);
}

/**
 * The design's checker, bound on first use. Should the schema have changed without the code being
 * written again (`npm run schema`; a test guards it), zod checks every design instead: slower,
 * never wrong.
 */
export function designChecker(): Checker {
  return (checker ??= checkerFor(PLAN_SIGNATURE));
}
