// DEPLOY.md: which template is which stack, the order of creation and the rounds of updates that
// fill cross-stack parameters, NAT gateway inputs, templates that must go through an S3 bucket,
// scopes split over several stacks, and the steps CloudFormation cannot express.
import { commentText, markdownCode, markdownText } from '../text';
import type { Builder, Stack } from './builder';
import { QUOTAS } from './quotas';

export interface StackFacts {
  stack: Stack;
  bytes: number;
  /** Quotas it still exceeds after splitting (a single VPC too big for one template). */
  over: string[];
}

const regionArg = (s: Stack) => s.scope.region.replace(/[^A-Za-z0-9-]/g, '');

export function deployGuide(b: Builder, facts: readonly StackFacts[], header: string[]): string {
  const esc = (s: string) => commentText(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const lines: string[] = ['<!--', ...header.map(esc), '-->', ''];
  const design = b.model.design;
  lines.push(`# Deploying ${markdownText(design.name || 'the design')} with CloudFormation`, '');
  lines.push(
    'A stack lives in one account and one region, so the design is split into one template per account and region.',
    "Values that one stack needs from another are parameters, filled from the other stack's outputs.",
    'Peerings make those needs circular, so every such parameter starts empty and the resources that need it',
    'are created when it is filled: create all stacks, then update them round by round as below.',
    '',
    '| Stack | Template | Account | Region |',
    '| --- | --- | --- | --- |',
  );
  for (const s of b.stacks) {
    const account = s.scope.account;
    const who = account
      ? `${markdownText(account.name || s.scope.accountRef)} (${markdownText(account.accountId)})`
      : markdownText(s.scope.accountRef);
    lines.push(`| \`${s.name}\` | \`${s.file}\` | ${who} | ${markdownCode(s.scope.region)} |`);
  }
  lines.push('');
  const split = b.model.scopes.filter((scope) => b.partsOf(scope) > 1);
  if (split.length) {
    lines.push(
      `A template holds at most ${QUOTAS.resources} resources, ${QUOTAS.parameters} parameters and ${QUOTAS.outputs} outputs, so an account and region with more than that is split over several stacks (\`…-partN\`).`,
      "Each VPC goes, with everything inside it, to the part chosen by a hash of its id: adding or deleting other VPCs never moves it. When a part fills up, the account and region is split in twice as many parts and about half of each part's VPCs move to new stacks: CloudFormation replaces what moves, so deploy the new stacks before you update the old ones.",
      '',
    );
  }
  const large = facts.filter((f) => f.bytes > QUOTAS.inlineBytes);
  lines.push('## Round 1: create every stack', '');
  lines.push("In any order, in each stack's own account and region, for example:", '', '```sh');
  for (const s of b.stacks) {
    const capabilities = s.needsIam ? ' --capabilities CAPABILITY_IAM' : '';
    const bucket = large.some((f) => f.stack === s) ? ' --s3-bucket YOUR-BUCKET' : '';
    lines.push(
      `aws cloudformation deploy --region ${regionArg(s)} --stack-name ${s.name} --template-file ${s.file}${bucket}${capabilities}`,
    );
  }
  lines.push('```', '');
  if (large.length) {
    lines.push(
      `CloudFormation takes a template of at most ${QUOTAS.inlineBytes.toLocaleString('en-US')} bytes inline; ${large.map((f) => `\`${f.stack.name}\` (${f.bytes.toLocaleString('en-US')} bytes)`).join(', ')} ${large.length === 1 ? 'is' : 'are'} larger, so ${large.length === 1 ? 'it goes' : 'they go'} through an S3 bucket in the stack's region: \`--s3-bucket\` names it.`,
      '',
    );
  }
  const iam = b.stacks.filter((s) => s.needsIam);
  if (iam.length) {
    lines.push(
      `${iam.map((s) => `\`${s.name}\``).join(', ')} create${iam.length === 1 ? 's' : ''} an IAM role that lets another account accept VPC peering connections here, so ${iam.length === 1 ? 'it needs' : 'they need'} \`CAPABILITY_IAM\`.`,
      '',
    );
  }
  const manual = b.stacks.filter((s) => s.manual.length);
  if (manual.length) {
    lines.push(
      'Routes to a NAT gateway take its id as a parameter, as the design does not draw one. The parameter may stay empty:',
      'the routes to it are created once it is set (update the stack with the id when the NAT gateway exists).',
      '',
    );
    lines.push('| Stack | Parameter |', '| --- | --- |');
    for (const s of manual) for (const p of s.manual) lines.push(`| \`${s.name}\` | \`${p}\` |`);
    lines.push('');
  }
  const rounds = [...new Set(b.stacks.flatMap((s) => s.inputs.map((i) => i.round)))].sort((x, y) => x - y);
  for (const round of rounds) {
    lines.push(`## Round ${round}: update stacks with outputs of earlier rounds`, '');
    lines.push('Keep every parameter set in an earlier round (`ParameterKey=…,UsePreviousValue=true`).', '');
    lines.push('| Stack | Parameter | Output | Of stack |', '| --- | --- | --- | --- |');
    for (const s of b.stacks) {
      for (const input of s.inputs.filter((i) => i.round === round)) {
        lines.push(
          `| \`${s.name}\` | \`${input.parameter}\` | \`${input.from.name}\` | \`${input.from.stack.name}\` |`,
        );
      }
    }
    lines.push('');
  }
  const steps = b.stacks.flatMap((s) => s.steps.map((step) => ({ s, step })));
  if (steps.length) {
    lines.push('## Manual steps: what CloudFormation cannot express', '');
    if (steps.some(({ step }) => !step.tgw))
      lines.push(
        'An egress rule towards a security group of another account cannot be written in a template (AWS::EC2::SecurityGroupEgress has no owner field), so these rules are not in any stack. Once every round is done, add each with the AWS CLI in the account that owns the rule, putting in the two group ids from the named stack outputs:',
        '',
      );
    if (steps.some(({ step }) => step.tgw))
      lines.push(
        'CloudFormation has no resource that accepts an AWS RAM share invitation or a Transit Gateway peering attachment, so those acceptances are steps here too: the share is accepted in the other account before its VPC attachments are created, and a peering attachment is accepted on the peer side before the parameters that carry its id (and the routes and associations that use it) are filled.',
        '',
      );
    for (const { s, step } of steps) {
      lines.push(
        `- \`${s.name}\`: ${markdownText(step.what)}`,
        '',
        '  ```sh',
        `  ${step.command}`,
        '  ```',
        '',
      );
    }
  }
  lines.push('## Notes', '');
  lines.push(
    "- CloudFormation cannot make a route table the main one, so subnets that use the design's main table are associated with it explicitly.",
    "- Security groups list their egress: the design's allow-all rule when it has one, otherwise a rule that matches nothing, so no default allow-all is left behind.",
    '- Security group names and descriptions come from the element ids, so renaming a group in the design changes only its Name tag, never the group.',
    '- Peerings are created active (accepted) whatever their status in the design, as the routes that use them need it.',
  );
  for (const f of facts) {
    if (f.over.length)
      lines.push(
        `- \`${f.stack.name}\` still exceeds CloudFormation's quotas (${f.over.join(', ')}): one of its VPCs is too big for one template; it cannot be deployed as exported.`,
      );
  }
  for (const s of b.stacks) {
    for (const text of s.notes) lines.push(`- \`${s.name}\`: ${markdownText(text)}`);
  }
  return lines.join('\n') + '\n';
}
