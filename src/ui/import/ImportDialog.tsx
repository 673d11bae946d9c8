// "Import from AWS": drop the folder scripts/collect-aws.sh wrote (or a zip of it), read the
// summary of what came in and what was not judged, then put it on the canvas — as a new design or
// as the network of the open one (keeping its Veeam side). One undo step; on any failure the open
// design stays as it is.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { importAws, type ImportResult } from '../../import/aws/index';
import { importInto } from '../../import/into';
import { collectionFromDrop, collectionFromFiles, type Collection } from './files';
import { ImportSummary } from './ImportSummary';
import './import.css';

type State = { step: 'pick'; reading?: boolean; problem?: string } | { step: 'review'; result: ImportResult };

export default function ImportDialog({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<State>({ step: 'pick' });
  const [hover, setHover] = useState(false);

  const read = async (get: () => Promise<Collection>) => {
    setState({ step: 'pick', reading: true });
    try {
      const files = await get();
      const result = importAws(files);
      if (result.findings.some((f) => f.rule === 'import/empty'))
        setState({
          step: 'pick',
          problem: `No ACCOUNT_ID/REGION folder with describe-*.json files in what was dropped (${files.size} JSON file${files.size === 1 ? '' : 's'} read). Drop the folder scripts/collect-aws.sh wrote, or a zip of it.`,
        });
      else setState({ step: 'review', result });
    } catch (err) {
      setState({
        step: 'pick',
        problem: `Could not read the files: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  };

  const stop = (e: React.DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };

  const open = (mode: 'new' | 'into') => {
    if (state.step !== 'review') return;
    const store = useDesignStore.getState();
    const design =
      mode === 'new'
        ? state.result.design
        : importInto(store.design, state.result.design, state.result.summary.places).design;
    store.replace(design);
    useUiStore.getState().select([]);
    useUiStore.getState().requestFit();
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title="Import from AWS" size="lg" data-testid="import-aws-dialog">
      {state.step === 'pick' ? (
        <Stack gap="sm">
          <Text size="sm">
            Drop the folder <code>scripts/collect-aws.sh</code> wrote (ACCOUNT_ID/REGION/describe-*.json), or
            a zip of it. It is read here in the browser; nothing is sent anywhere.
          </Text>
          <div
            className={`pnd-import-drop${hover ? ' is-hover' : ''}`}
            data-testid="import-aws-drop"
            onDragEnter={(e) => {
              stop(e);
              setHover(true);
            }}
            onDragOver={(e) => {
              stop(e);
              e.dataTransfer.dropEffect = 'copy';
            }}
            onDragLeave={(e) => {
              stop(e);
              setHover(false);
            }}
            onDrop={(e) => {
              stop(e);
              setHover(false);
              const data = e.dataTransfer;
              void read(() => collectionFromDrop(data));
            }}
          >
            {state.reading ? 'Reading…' : 'Drop the collection folder or zip here'}
          </div>
          <Group gap="xs">
            <Button component="label" variant="default" size="xs">
              Choose folder…
              <input
                type="file"
                hidden
                multiple
                {...{ webkitdirectory: '' }}
                data-testid="import-aws-folder-input"
                onChange={(e) => {
                  const files = [...(e.currentTarget.files ?? [])];
                  void read(() => collectionFromFiles(files));
                }}
              />
            </Button>
            <Button component="label" variant="default" size="xs">
              Choose zip…
              <input
                type="file"
                hidden
                accept=".zip,application/zip"
                data-testid="import-aws-zip-input"
                onChange={(e) => {
                  const files = [...(e.currentTarget.files ?? [])];
                  void read(() => collectionFromFiles(files));
                }}
              />
            </Button>
          </Group>
          {state.problem && (
            <Alert color="red" data-testid="import-aws-problem">
              {state.problem}
            </Alert>
          )}
        </Stack>
      ) : (
        <Stack gap="sm">
          <ImportSummary result={state.result} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              Cancel
            </Button>
            <Button
              variant="default"
              size="xs"
              onClick={() => open('into')}
              data-testid="import-aws-into"
              title="Keep the appliance, repositories, worker configurations and operations of the open design"
            >
              Use as the network of this design
            </Button>
            <Button size="xs" onClick={() => open('new')} data-testid="import-aws-open">
              Open as a new design
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
