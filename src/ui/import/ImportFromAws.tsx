// "Import from AWS" in the header. The dialog (and the importer, fflate's unzip) load on first use.
import { lazy, Suspense, useState } from 'react';
import { Button } from '@mantine/core';

const ImportDialog = lazy(() => import('./ImportDialog'));

export function ImportFromAwsButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)} data-testid="import-aws">
        Import from AWS
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
