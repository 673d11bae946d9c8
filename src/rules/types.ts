// A rule is a module with meta beside its check (in the manner of ESLint rules). The catalog in
// docs/rules.md and the Problems panel's "learn more" are generated from the meta, and the runner
// stamps each finding with the rule's id and severity, so a rule never repeats them.
import type { Command } from '../model/command';
import type { DesignIndex } from '../model/design-index';
import type { Hop, HopKind, HopReason } from '../network/trace';
import type { PlannedFlow } from '../veeam/flows';
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

/** What a rule reports: a finding less the id and severity, which the runner takes from its meta. */
export type Report = Omit<Finding, 'rule' | 'severity'>;

/** What a rule says about one failed hop: the flow it sits on is named by the runner. */
export type HopReport = Omit<Report, 'flow'>;

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

/** A failed hop of a required flow's trace toward one of the endpoint's subnets. */
export interface FailedHop {
  planned: PlannedFlow;
  /** The endpoint subnet the trace went to (the endpoint's id when it has none). */
  subnet: string;
  hop: Hop;
}

/**
 * The failed hops a rule judges, and what it says about each. Every failed hop has at most one
 * judge in the registry (tests/rules/catalog.test.ts checks that no two overlap).
 */
export interface HopJudge {
  kinds: readonly HopKind[];
  reasons: readonly HopReason[];
  /** Transit-gateway hops: only those on the way back (true) or out (false). */
  returning?: boolean;
  /** Undefined when this hop, though of the kind, has nothing the rule can say. */
  describe(ctx: RuleContext, at: FailedHop): HopReport | undefined;
}

export interface RuleContext {
  design: DesignIndex['design'];
  index: DesignIndex;
  /** Every hop judge of the registry with its rule's id: flow-level rules quote them all. */
  hopJudges: readonly { rule: string; judge: HopJudge }[];
}

export interface Rule {
  meta: RuleMeta;
  /** The hops of blocked required flows this rule judges; the runner names each finding's flow. */
  hops?: readonly HopJudge[];
  /** Findings from looking at the design itself (after the hop findings, if both). */
  check?(ctx: RuleContext): Report[];
}
