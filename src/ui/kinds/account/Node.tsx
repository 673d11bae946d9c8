// The account on the canvas: a frame whose body pans the view and whose header moves it.
import { memo } from 'react';
import type { NodeProps, Node } from '@xyflow/react';
import type { AccountNodeData } from '../../canvas/derive';
import { useNodeIssues } from '../../canvas/issues';
import { useBackgroundPan, useModifierHeld } from '../../canvas/pan';
import { classes, IssueBadge } from '../../canvas/node-parts';

export const AccountNode = memo(function AccountNode({ data, selected }: NodeProps<Node<AccountNodeData>>) {
  const { account, roles } = data;
  const issues = useNodeIssues(account.id);
  const pan = useBackgroundPan();
  const free = useModifierHeld();
  return (
    <div className={classes('account', selected, issues)} data-testid={`account-${account.id}`}>
      {/* The background pans (React Flow does not drag from a nodrag element) unless a modifier
          is held; the header always moves the account. */}
      <div
        className={`pnd-account-body${free ? ' is-free' : ' nodrag'}`}
        data-testid={`account-body-${account.id}`}
        {...(free ? {} : pan)}
      />
      <div className="pnd-node-header pnd-account-header" title="Drag to move the account">
        <span className="pnd-kind">Account</span>
        <strong className="pnd-name">{account.name || account.id}</strong>
        <span className="pnd-mono">{account.accountId || '(no account id)'}</span>
        {roles.map((r) => (
          <span key={r} className={`pnd-badge pnd-role-${r}`}>
            {r}
          </span>
        ))}
        <IssueBadge issues={issues} />
      </div>
    </div>
  );
});
