// versions.tf, providers.tf and variables.tf: the pinned provider, one provider configuration per
// account and region, and the inputs — a role per account (known before the first apply) and, per
// VPC with `nat` routes, the NAT gateway id, which is optional because the design does not draw it.
import { terraformLabel } from '../labels';
import { commentQuote, commentText } from '../text';
import type { Context } from './context';
import { attr, block, hclList, hclString, object, type BodyItem, type TopBlock } from './hcl';

/** Terraform 1.7 brought `mock_provider` for `terraform test`; the module is tested with it. */
export const REQUIRED_TERRAFORM = '>= 1.7.0';
/** The provider major version the module is written and tested for (5.100); 6.x may change resources. */
export const REQUIRED_AWS = '~> 5.100';

export function versionBlocks(): TopBlock[] {
  return [
    {
      type: 'terraform',
      labels: [],
      body: [
        attr('required_version', hclString(REQUIRED_TERRAFORM)),
        block(
          'required_providers',
          [],
          [
            object('aws', [
              ['source', hclString('hashicorp/aws')],
              ['version', hclString(REQUIRED_AWS)],
            ]),
          ],
        ),
      ],
    },
  ];
}

export function providerBlocks(ctx: Context): TopBlock[] {
  const { labels, model, accountIds } = ctx;
  const blocks: TopBlock[] = [];
  if (accountIds.size) {
    blocks.push({
      comments: ['AWS account numbers of the design, by account element.'],
      type: 'locals',
      labels: [],
      body: [
        object(
          'account_ids',
          [...accountIds].map(([k, v]) => [k, hclString(v)] as const),
        ),
      ],
    });
  }
  for (const scope of model.allScopes) {
    const accountLabel = terraformLabel(scope.accountRef);
    const body: BodyItem[] = [
      attr('alias', hclString(labels.provider(scope))),
      attr('region', hclString(scope.region)),
    ];
    // allowed_account_ids stops a wrong role or profile from building this part in another account.
    if (accountIds.has(accountLabel))
      body.push(attr('allowed_account_ids', hclList([`local.account_ids.${accountLabel}`])));
    body.push(block('assume_role', [], [attr('role_arn', `var.${labels.roleVariable(scope.accountRef)}`)]));
    blocks.push({
      comments: [
        `Account ${commentQuote(scope.account?.name || scope.accountRef)} (${commentText(scope.accountRef)}), region ${commentText(scope.region)}`,
      ],
      type: 'provider',
      labels: ['aws'],
      body,
    });
  }
  return blocks;
}

export function variableBlocks(ctx: Context, accountRefs: readonly string[]): TopBlock[] {
  const { labels, model } = ctx;
  const blocks: TopBlock[] = accountRefs.map((ref) => {
    const account = model.index.accounts.get(ref)?.element;
    const name = labels.roleVariable(ref);
    return {
      type: 'variable',
      labels: [name],
      body: [
        attr('type', 'string'),
        attr(
          'description',
          hclString(
            `ARN of the IAM role Terraform assumes in account "${account?.name || ref}" (${account?.accountId ?? 'not in the design'})`,
          ),
        ),
        block(
          'validation',
          [],
          [
            attr('condition', `can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", var.${name}))`),
            attr(
              'error_message',
              hclString('Expected an IAM role ARN such as arn:aws:iam::123456789012:role/name.'),
            ),
          ],
        ),
      ],
    };
  });
  for (const vpc of model.design.vpcs) {
    if (!model.usesGateway(vpc, 'nat')) continue;
    const name = labels.natVariable(vpc);
    blocks.push({
      comments: [
        'Optional: while null, the routes to the NAT gateway are left out (a first apply cannot know it).',
      ],
      type: 'variable',
      labels: [name],
      body: [
        attr('type', 'string'),
        attr('default', 'null'),
        attr(
          'description',
          hclString(
            `NAT gateway (nat-…) that the "nat" routes of VPC "${vpc.name || vpc.id}" use; the design does not draw it. Leave unset until it exists.`,
          ),
        ),
        block(
          'validation',
          [],
          [
            attr('condition', `var.${name} == null || can(regex("^nat-[0-9a-f]+$", var.${name}))`),
            attr('error_message', hclString('Expected a NAT gateway id such as nat-0123456789abcdef0.')),
          ],
        ),
      ],
    });
  }
  return blocks;
}
