// The Inspector: a shell that shows the form for whatever is selected (or the design itself when
// nothing is). The forms live one per kind under src/ui/kinds/, registered in INSPECTOR_FORMS.
import { memo, useDeferredValue, useMemo } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { indexDesign } from '../../model/design-index';
import type { Design } from '../../model/schema';
import { ElementSnippets } from '../import/ElementSnippets';
import { INSPECTOR_FORMS } from '../inspector/forms';
import { DesignForm } from '../kinds/design/Form';
import { LinkList } from '../inspector/parts';
import { elementLabel } from './names';

export function Inspector() {
  // Deferred: a big form (a VPC's route tables and groups) renders in the background, in slices,
  // so selecting a node to drag it or committing a field never waits for the panel. Its first render
  // is deferred too (nothing, then the form): the design form's selects position their dropdowns as
  // they mount, and in the app's first render that made opening a large design one long task.
  const design = useDeferredValue(
    useDesignStore((s) => s.design),
    null,
  );
  const selection = useDeferredValue(useUiStore((s) => s.selection));
  if (!design) return null;
  return (
    <>
      <InspectorBody design={design} selection={selection} />
      <ElementSnippets design={design} selection={selection} />
    </>
  );
}

// Memoized so that the urgent pass (still holding the old deferred values) skips the form entirely.
const InspectorBody = memo(function InspectorBody({
  design,
  selection,
}: {
  design: Design;
  selection: readonly string[];
}) {
  const index = useMemo(() => indexDesign(design), [design]);
  const id = selection.length === 1 ? selection[0]! : undefined;
  if (selection.length > 1)
    return (
      <Stack gap="sm">
        <Text size="sm">{selection.length} elements selected.</Text>
        <LinkList items={selection.map((x) => ({ id: x, label: elementLabel(index, x) }))} />
        <Button
          variant="light"
          color="red"
          size="xs"
          onClick={() => useUiStore.getState().askDelete(selection)}
        >
          Delete selected
        </Button>
      </Stack>
    );
  const kind = id ? index.kindOf(id) : undefined;
  if (!id || !kind) return <DesignForm design={design} />;
  return INSPECTOR_FORMS[kind]({ id, design, index });
});
