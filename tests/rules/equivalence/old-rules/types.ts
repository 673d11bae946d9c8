// A rule is a module with meta beside its check (in the manner of ESLint rules). The catalog in
// docs/rules.md and the Problems panel's "learn more" are generated from the meta.
import type { Command } from '../../../../src/model/command';
import type { DesignIndex } from '../../../../src/model/design-index';
import type { SourceLink } from './sources';

export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  /** What applying it does, in the user's words: "Add route 11.0.0.0/16 → pcx-… to worker routes". */
  title: string;
  commands: Command[];
}

/** The finding shape of ../shared/spec/rules.md; it is the `--json` output and the panel's row. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  elements: string[];
  flow?: string;
  fix?: Fix;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  /** The fact behind the rule, in our own words. */
  explanation: string;
  /** The public pages the fact comes from (Veeam's guide, AWS's user guides). */
  sources: readonly SourceLink[];
  fixable: boolean;
}

export interface RuleContext {
  design: DesignIndex['design'];
  index: DesignIndex;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding[];
}
