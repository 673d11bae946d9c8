import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { shareLinkFor } from '../../app/link';
import { useDesignStore } from '../../app/store';
import { LINK_LENGTH_ADVICE } from '../../share';
import { saveDesignFile } from './files';

type CopyState = 'idle' | 'copied' | 'manual';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an embedding frame, an old browser): fall back to the selection.
    input?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function ShareDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // Closed, the dialog does not follow the design (it would re-render on every edit).
  const design = useDesignStore((s) => (opened ? s.design : null));
  const link = useMemo(() => (design ? shareLinkFor(design) : ''), [design]);
  const [copy, setCopy] = useState<CopyState>('idle');
  const input = useRef<HTMLInputElement>(null);
  const long = link.length > LINK_LENGTH_ADVICE;

  const close = () => {
    setCopy('idle');
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Share link" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Anyone who opens this link sees this design, layout included. The design travels in the part after
          “#”, which browsers never send to a server.
        </Text>
        <TextInput
          ref={input}
          label="Link"
          value={link}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-link"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Group justify="space-between">
          <Text size="sm" c={long ? 'yellow.8' : 'dimmed'} data-testid="share-link-length">
            {link.length.toLocaleString('en-US')} characters
          </Text>
          <Button
            onClick={() => void copyText(link, input.current).then((ok) => setCopy(ok ? 'copied' : 'manual'))}
          >
            {copy === 'copied' ? 'Copied' : 'Copy link'}
          </Button>
        </Group>
        {copy === 'manual' && (
          <Text size="sm" c="dimmed">
            The browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).
          </Text>
        )}
        {long && (
          <Alert color="yellow" title="Better sent as a file" data-testid="share-long-link">
            <Stack gap="xs">
              <Text size="sm">
                This link is longer than {LINK_LENGTH_ADVICE.toLocaleString('en-US')} characters. Microsoft
                Teams cuts links at 2,048 characters, and Slack and mail clients often break long ones. Save
                the design as a file and send that instead.
              </Text>
              <Group>
                <Button
                  variant="light"
                  color="yellow"
                  onClick={() => saveDesignFile(useDesignStore.getState().design)}
                >
                  Save as file
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
