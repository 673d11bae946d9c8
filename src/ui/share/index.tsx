// Mount points for sharing, files and persistence (issue: share links, autosave, files and undo).
// The header renders <FileShareControls/>, the app renders <ShareNotices/> and calls useBoot().
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Box, Button, Code, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { dropEarlyDecode } from '../../app/early-link';
import { removePreview } from '../../app/preview';
import { emptyDesign } from '../../app/examples';
import {
  decideFirstDesign,
  decodeOffThread,
  restorePreviousDesign,
  startSync,
  type BootOutcome,
} from '../../app/link';
import { history, useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { openDesignFile, saveDesignFile } from './files';
import { showNotice, useShareNotices, type ShareNotice } from './notices';

// Loaded when first opened: the first paint does not need it.
const ShareDialog = lazy(async () => ({ default: (await import('./ShareDialog')).ShareDialog }));

/** Header buttons: Open, Save, Share. */
export function FileShareControls() {
  const [sharing, setSharing] = useState(false);
  return (
    <Group gap={6} wrap="nowrap">
      <FileButton
        onChange={(file) => file && void openDesignFile(file)}
        accept=".json,application/json"
        inputProps={{ 'aria-label': 'Design file to open', 'data-testid': 'open-file-input' } as object}
      >
        {(props) => (
          <Button {...props} size="xs" variant="default" title="Open a design file (.json)">
            Open
          </Button>
        )}
      </FileButton>
      <Button
        size="xs"
        variant="default"
        title="Save the design as a file (.json)"
        onClick={() => saveDesignFile(useDesignStore.getState().design)}
      >
        Save
      </Button>
      <Button size="xs" title="Share the design as a link" onClick={() => setSharing(true)}>
        Share
      </Button>
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog opened onClose={() => setSharing(false)} />
        </Suspense>
      )}
    </Group>
  );
}

const MAX_LISTED_ERRORS = 20;

function NoticeBody({ notice }: { notice: ShareNotice }) {
  const dismiss = () => useShareNotices.getState().dismiss(notice.kind);
  switch (notice.kind) {
    case 'link-error':
      return (
        <Alert color="red" title="This link could not be opened" withCloseButton onClose={dismiss}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="link-error">
            {notice.message}
          </Text>
          <Text size="sm" mt="xs" fw={500}>
            {notice.fallback === 'example'
              ? 'Example 1 is open instead.'
              : 'Your own design is open, unchanged.'}
          </Text>
        </Alert>
      );
    case 'link-opened':
      return (
        <Alert color="teal" title="Opened the design from the link" withCloseButton onClose={dismiss}>
          {notice.previousKept ? (
            <Group gap="sm">
              <Text size="sm">The design you had before is kept.</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  if (restorePreviousDesign()) showNotice({ kind: 'previous-restored' });
                  else dismiss();
                }}
              >
                Restore previous design
              </Button>
            </Group>
          ) : (
            <Text size="sm">Edits stay in this browser; share again to send them.</Text>
          )}
        </Alert>
      );
    case 'previous-restored':
      return (
        <Alert color="teal" withCloseButton onClose={dismiss}>
          <Text size="sm">
            Your previous design is back. The design from the link is one undo (Ctrl+Z) away.
          </Text>
        </Alert>
      );
    case 'file-opened':
      return (
        <Alert color="teal" withCloseButton onClose={dismiss}>
          <Text size="sm">Opened {notice.fileName}. Undo (Ctrl+Z) brings back the design you had.</Text>
        </Alert>
      );
    case 'import-error':
      return (
        <Alert color="red" title={`Could not open ${notice.fileName}`} withCloseButton onClose={dismiss}>
          <Stack gap={4} data-testid="import-error">
            <Text size="sm">{notice.problem}</Text>
            {notice.errors.length > 0 && (
              <List size="sm" spacing={2}>
                {notice.errors.slice(0, MAX_LISTED_ERRORS).map((e, i) => (
                  <List.Item key={i}>
                    <Code>{e.path}</Code> {e.message}
                  </List.Item>
                ))}
                {notice.errors.length > MAX_LISTED_ERRORS && (
                  <List.Item>…and {notice.errors.length - MAX_LISTED_ERRORS} more</List.Item>
                )}
              </List>
            )}
            <Text size="sm" fw={500}>
              Your current design is unchanged.
            </Text>
          </Stack>
        </Alert>
      );
    case 'autosave-failed':
      return (
        <Alert color="yellow" title="Changes are not saved in this browser" withCloseButton onClose={dismiss}>
          <Text size="sm">
            The browser refused to store the design (storage full or disabled). Use Save to keep your work in
            a file.
          </Text>
        </Alert>
      );
    case 'autosave-unreadable':
      return (
        <Alert
          color="yellow"
          title="The autosaved design could not be read"
          withCloseButton
          onClose={dismiss}
        >
          <Text size="sm">
            It was set aside in this browser’s storage (pnd:unreadable-design). First problem:{' '}
            <Code>{notice.errors[0]?.path}</Code> {notice.errors[0]?.message}
          </Text>
        </Alert>
      );
  }
}

/** Notices that need no decision go away on their own. */
const TRANSIENT: readonly ShareNotice['kind'][] = ['file-opened', 'previous-restored'];

function useFileDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    // Only file drags: the palette drags its own data type onto the canvas and must pass untouched.
    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would navigate away to the dropped file.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openDesignFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return dragging;
}

/** Banners and dialogs: damaged link message, "Restore previous design", file drop zone. */
export function ShareNotices() {
  const notices = useShareNotices((s) => s.notices);
  const dragging = useFileDrop();

  useEffect(() => {
    const timers = notices
      .filter((n) => TRANSIENT.includes(n.kind))
      .map((n) => setTimeout(() => useShareNotices.getState().dismiss(n.kind), 8000));
    return () => timers.forEach(clearTimeout);
  }, [notices]);

  return (
    <>
      {notices.length > 0 && (
        <Stack
          gap="xs"
          pos="fixed"
          top={64}
          left="50%"
          w="min(680px, calc(100vw - 32px))"
          // Above the canvas and panels, below Mantine's modals (200) so a dialog is never covered.
          style={{ transform: 'translateX(-50%)', zIndex: 190 }}
          aria-live="polite"
        >
          {notices.map((n) => (
            <NoticeBody key={n.kind} notice={n} />
          ))}
        </Stack>
      )}
      {dragging && (
        <Box
          pos="fixed"
          inset={0}
          style={{
            zIndex: 400,
            pointerEvents: 'none',
            display: 'grid',
            placeItems: 'center',
            background: 'color-mix(in srgb, var(--mantine-color-teal-6) 12%, transparent)',
            outline: '3px dashed var(--mantine-color-teal-6)',
            outlineOffset: -12,
          }}
        >
          <Text fw={600} size="lg">
            Drop a design file (.json) to open it
          </Text>
        </Box>
      )}
    </>
  );
}

let booted: Promise<void> | null = null;

function finishBoot(outcome: BootOutcome): void {
  // A preview shows the received link's design only; the canvas replaces it once it draws that.
  if (outcome.source !== 'link') removePreview();
  useDesignStore.getState().replace(outcome.design);
  // Opening the page is not an edit: undo must not step back to the store's initial design.
  history.clear();
  if (outcome.linkError) {
    const fallback = outcome.source === 'example' ? 'example' : 'own';
    showNotice({ kind: 'link-error', message: outcome.linkError.message, fallback });
  } else if (outcome.source === 'link')
    showNotice({ kind: 'link-opened', previousKept: outcome.previousKept });
  if (outcome.unreadableAutosave)
    showNotice({ kind: 'autosave-unreadable', errors: outcome.unreadableAutosave });
}

/**
 * Decides the first design, once per page (StrictMode renders twice in development, and a second
 * boot would reread the URL). Settles once the design is in the store.
 */
export function boot(): Promise<void> {
  if (booted) return booted;
  const outcome = decideFirstDesign(decodeOffThread);
  // A fragment this tab wrote is reopened from its autosave: the early decoding is not needed.
  if (!(outcome instanceof Promise)) dropEarlyDecode();
  if (outcome instanceof Promise) {
    // A received link is being decoded off the main thread: an empty canvas until it is, never a
    // flash of Example 1 or of the local design the link is about to replace.
    useDesignStore.getState().replace(emptyDesign('Opening the shared design…'));
    history.clear();
    booted = outcome.then((o) => {
      finishBoot(o);
      useUiStore.getState().requestFit();
    });
  } else {
    finishBoot(outcome);
    booted = Promise.resolve();
  }
  return booted;
}

/** Decides the first design (link, autosave, else Example 1) and keeps autosave and the URL in step. */
export function useBoot(): void {
  // During the app's first render, before any part of it reads the design: the canvas is built
  // once, for the real design, never first for Example 1 on its way there.
  useState(boot);
  // Autosave starts only once the first design is in place: the empty stand-in must never be saved.
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    void boot().then(() => {
      if (live)
        stop = startSync({
          onLinkOpened: (previousKept) => showNotice({ kind: 'link-opened', previousKept }),
          onLinkError: (error) => showNotice({ kind: 'link-error', message: error.message, fallback: 'own' }),
          onAutosaveFailed: () => showNotice({ kind: 'autosave-failed' }),
        });
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);
}
