// The Export panel: a tab per registered export target (Terraform, CloudFormation, the design
// JSON), a tab per file, coloured, each
// copyable, and everything as one .zip. It follows the design live: the export is recomputed from a
// deferred copy of the design, so typing stays responsive on large designs. Nothing leaves the page:
// copying uses the clipboard and the zip is a local object URL.
import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { EXPORTERS, exportAll, exporter, exportZip } from '../../export/index';
import type { ExportFile } from '../../export/index';
import type { Design } from '../../model/schema';
import { useValidationStore } from '../../app/validation';
import { validate } from '../../rules/registry';
import { tokenize } from './highlight';
import './export.css';

const CodeView = memo(function CodeView({ file }: { file: ExportFile }) {
  const tokens = useMemo(() => tokenize(file.content, file.language), [file]);
  return (
    // A scrollable region must be reachable by keyboard, hence the tab stop and its label.
    <pre className="pnd-code" tabIndex={0} aria-label={`Contents of ${file.path}`}>
      <code>
        {tokens.map((t, i) =>
          t.kind === 'plain' ? (
            t.text
          ) : (
            <span key={i} className={`pnd-tok-${t.kind}`}>
              {t.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
});

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={() => void copy()}>
        Copy
      </Button>
      <Text size="xs" c={state === 'failed' ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'The browser did not allow copying' : ''}
      </Text>
    </Group>
  );
}

function FileTabs({ files, label }: { files: ExportFile[]; label: string }) {
  const [active, setActive] = useState<string | null>(files[0]?.path ?? null);
  const current = files.find((f) => f.path === active) ?? files[0];
  if (!current) return <Text size="sm">Nothing to export yet: add a VPC.</Text>;
  return (
    <Tabs value={current.path} onChange={setActive} variant="pills" keepMounted={false}>
      <Tabs.List aria-label={`${label} files`} mb="xs">
        {files.map((f) => (
          <Tabs.Tab key={f.path} value={f.path}>
            {f.path}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {files.map((f) => (
        <Tabs.Panel key={f.path} value={f.path}>
          <Stack gap="xs">
            <CopyButton text={f.content} />
            <CodeView file={f} />
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function zipName(design: Design): string {
  const slug = design.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'design'}-export.zip`;
}

export default function ExportPanel({ design }: { design: Design }) {
  const deferred = useDeferredValue(design);
  const [target, setTarget] = useState<string>(EXPORTERS[0]!.id);
  // The validation worker has usually judged this very design already; validate here only when not.
  const judged = useValidationStore((s) => (s.design === deferred && !s.error ? s.findings : null));
  const findings = useMemo(() => judged ?? validate(deferred), [judged, deferred]);
  // Only the tab in view is computed: CloudFormation of a 2,000-VPC design takes seconds (bench/export).
  const files = useMemo(
    () => (exporter(target) ?? EXPORTERS[0]!).files(deferred, findings),
    [deferred, findings, target],
  );
  const errors = findings.filter((f) => f.severity === 'error').length;

  const downloadAll = () => {
    const bytes = exportZip(exportAll(deferred, findings));
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = zipName(deferred);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          Apply these to build the designed network.{' '}
          {deferred !== design && (
            <Badge size="xs" variant="light">
              updating
            </Badge>
          )}
        </Text>
        <Button size="xs" onClick={downloadAll}>
          Download all (.zip)
        </Button>
      </Group>
      {errors > 0 && (
        <Alert color="yellow" title={`${errors} error finding${errors === 1 ? ' is' : 's are'} open`}>
          You can export anyway; every file lists them in its header, and the network will not work as
          designed until they are fixed.
        </Alert>
      )}
      <Tabs value={target} onChange={(v) => v && setTarget(v)} keepMounted={false}>
        <Tabs.List aria-label="Export format">
          {EXPORTERS.map((e) => (
            <Tabs.Tab key={e.id} value={e.id}>
              {e.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {EXPORTERS.map((e) => (
          <Tabs.Panel key={e.id} value={e.id} pt="sm">
            {target === e.id && <FileTabs files={files} label={e.label} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
