// Inspector form for an S3 repository.
import { SegmentedControl, Stack } from '@mantine/core';
import type { Design, Repository } from '../../../model/schema';
import { SelectField, TextField, required } from '../../panels/fields';
import { accountCrumb, REGION_OPTIONS, set } from '../../inspector/helpers';
import { Header, DeleteButton } from '../../inspector/parts';

function s3EndpointOptions(design: Design) {
  return design.vpcs.flatMap((v) =>
    v.endpoints
      .filter((e) => e.service === 's3')
      .map((e) => ({ value: e.id, label: `${e.id} — ${e.type}, ${v.name || v.id} (${v.region})` })),
  );
}

export function RepositoryForm({ repository, design }: { repository: Repository; design: Design }) {
  return (
    <Stack gap="sm">
      <Header
        kind="S3 repository"
        title={repository.name}
        id={repository.id}
        path={accountCrumb(design, repository.account)}
      />
      <TextField
        label="Name"
        value={repository.name}
        onCommit={(name, burst) => set(repository.id, { name }, burst)}
        testId="field-name"
      />
      <SelectField
        label="Account"
        value={repository.account}
        data={design.accounts.map((a) => ({ value: a.id, label: a.name || a.id }))}
        onChange={(account) => account && set(repository.id, { account })}
      />
      <SelectField
        label="Region"
        value={repository.region}
        data={REGION_OPTIONS}
        testId="field-region"
        onChange={(region) => region && set(repository.id, { region })}
      />
      <TextField
        label="Bucket"
        value={repository.bucket}
        check={required('The bucket name')}
        mono
        onCommit={(bucket, burst) => set(repository.id, { bucket }, burst)}
        testId="field-bucket"
      />
      <SegmentedControl
        size="xs"
        aria-label="Storage tier"
        value={repository.tier}
        data={[
          { value: 'standard', label: 'Standard' },
          { value: 'archive', label: 'Archive' },
        ]}
        onChange={(tier) => set(repository.id, { tier })}
      />
      <SelectField
        label="S3 endpoint (repository settings)"
        value={repository.s3Endpoint ?? null}
        data={s3EndpointOptions(design)}
        clearable
        placeholder="None selected"
        testId="field-s3Endpoint"
        onChange={(s3Endpoint) => set(repository.id, { s3Endpoint: s3Endpoint ?? undefined })}
      />
      <DeleteButton id={repository.id} what="repository" />
    </Stack>
  );
}
