// Confirmations and pickers: what a delete takes with it, which services a dropped interface
// endpoint provides, and the short notice a refused drop or peering leaves.
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, CloseButton, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { deleteElements, deletion } from '../../model/commands/element';
import { endpointCommands } from '../canvas/drop';
import { ENDPOINT_SERVICES } from '../../veeam/endpoints';

export function DeleteDialog() {
  const ids = useUiStore((s) => s.pendingDelete);
  // Closed, the dialog ignores edits (it would otherwise re-render on every one).
  const design = useDesignStore((s) => (ids ? s.design : null));
  const plan = useMemo(() => (ids && design ? deletion(design, ids) : null), [design, ids]);
  const close = () => useUiStore.getState().askDelete(null);
  const confirm = () => {
    if (!ids) return;
    useDesignStore.getState().apply([deleteElements({ ids })]);
    useUiStore.getState().select([]);
    close();
  };
  return (
    <Modal opened={ids !== null} onClose={close} title="Delete" data-testid="delete-dialog">
      {plan && (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            This removes:
          </Text>
          <List size="sm" data-testid="delete-removed">
            {plan.removed.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          {plan.cleared.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                and updates what referenced it:
              </Text>
              <List size="sm" data-testid="delete-cleared">
                {plan.cleared.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="xs" c="dimmed">
            Undo (Ctrl+Z) brings it all back.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} data-autofocus data-testid="confirm-delete">
              Delete
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function EndpointPicker({ vpc, subnet, onDone }: { vpc: string; subnet: string; onDone(): void }) {
  const design = useDesignStore((s) => s.design);
  const [services, setServices] = useState<string[]>([]);
  const present = new Set(
    design.vpcs
      .find((v) => v.id === vpc)
      ?.endpoints.filter((e) => e.subnets.includes(subnet))
      .map((e) => e.service),
  );
  return (
    <Stack gap="sm">
      <Text size="sm">Which AWS services should this subnet reach through interface endpoints?</Text>
      <Checkbox.Group value={services} onChange={setServices} label="Services">
        <Stack gap={4} mt={4}>
          {ENDPOINT_SERVICES.map((s) => (
            <Checkbox
              key={s}
              value={s}
              label={present.has(s) ? `${s} (already here)` : s}
              disabled={present.has(s)}
              data-testid={`service-${s}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          disabled={!services.length}
          data-testid="add-endpoints"
          onClick={() => {
            const d = useDesignStore.getState().design;
            useDesignStore.getState().apply(endpointCommands(d, vpc, subnet, services));
            useUiStore.getState().select([subnet]);
            onDone();
          }}
        >
          Add {services.length || ''} endpoint{services.length === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}

export function EndpointDialog() {
  const target = useUiStore((s) => s.endpointDrop);
  const close = () => useUiStore.getState().setEndpointDrop(null);
  return (
    <Modal opened={target !== null} onClose={close} title="Interface endpoints">
      {target && (
        <EndpointPicker
          key={`${target.vpc}/${target.subnet}`}
          vpc={target.vpc}
          subnet={target.subnet}
          onDone={close}
        />
      )}
    </Modal>
  );
}

export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="pnd-notice">
      <Alert
        key={notice.id}
        color={notice.tone === 'refused' ? 'orange' : 'blue'}
        variant="filled"
        role="alert"
        data-testid="notice"
        withCloseButton={false}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm">{notice.message}</Text>
          {notice.action && (
            <Button
              size="compact-xs"
              variant="white"
              data-testid="notice-action"
              onClick={() => {
                notice.action!.run();
                useUiStore.getState().dismissNotice();
              }}
            >
              {notice.action.label}
            </Button>
          )}
          <CloseButton
            aria-label="Dismiss"
            size="sm"
            variant="transparent"
            c="white"
            onClick={() => useUiStore.getState().dismissNotice()}
          />
        </Group>
      </Alert>
    </div>
  );
}
