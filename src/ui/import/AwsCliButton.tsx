// "AWS CLI" beside a fix (and beside Fix all): the commands that make the same change in the real
// account, for designs imported with their AWS ids. Shown in a dialog to read before copying.
import { useState } from 'react';
import { Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { mentionsAwsIds } from '../../import/aws-cli/ids';
import { awsCliScript } from '../../import/aws-cli/script';
import type { Command } from '../../model/command';
import { fixAllWithReport } from '../../rules/fix';
import type { Fix } from '../../rules/types';
import './import.css';

const AWS_CLI_HINT =
  'Set PROFILE_<account> to the AWS CLI profile of each account, review, then run. These calls change the real account.';

/** A text to read and copy (a script, a snippet). */
export function TextDialog({
  title,
  script,
  hint = AWS_CLI_HINT,
  onClose,
}: {
  title: string;
  script: string;
  hint?: string;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
        <pre className="pnd-aws-cli pnd-mono" data-testid="aws-cli-script">
          {script}
        </pre>
        <Group justify="flex-end">
          <CopyButton value={script}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} data-testid="aws-cli-copy">
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Modal>
  );
}

function ScriptButton({ label, title, make }: { label: string; title: string; make: () => string }) {
  const [script, setScript] = useState<string | null>(null);
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setScript(make())} data-testid="aws-cli-open">
        {label}
      </Button>
      {script !== null && <TextDialog title={title} script={script} onClose={() => setScript(null)} />}
    </>
  );
}

/** Beside one finding's Fix: only when the fix touches elements with AWS ids. */
export function AwsCliForFix({ fix }: { fix: Fix }) {
  if (!mentionsAwsIds(fix.commands)) return null;
  return (
    <ScriptButton
      label="AWS CLI"
      title={`AWS CLI: ${fix.title}`}
      make={() => awsCliScript(useDesignStore.getState().design, fix.commands, fix.title)}
    />
  );
}

/** Beside Fix all: one script for every fix, in the order Fix all applies them. */
export function AwsCliForFixAll({ commands }: { commands: readonly Command[] }) {
  if (!mentionsAwsIds(commands)) return null;
  return (
    <ScriptButton
      label="Fix all as AWS CLI"
      title="AWS CLI: Fix all"
      make={() => {
        const design = useDesignStore.getState().design;
        return awsCliScript(design, fixAllWithReport(design).commands, `Fix all: ${design.name}`);
      }}
    />
  );
}
