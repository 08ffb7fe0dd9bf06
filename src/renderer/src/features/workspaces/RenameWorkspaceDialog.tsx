import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Workspace } from '../../../../shared/domain/workspace';
import type { AppErrorShape } from '../../../../shared/result';
import { FormDialog } from '../../components/FormDialog';
import { splitFieldErrors } from '../../components/field-errors';
import { useWorkspaceStore } from './workspace-store';

export function RenameWorkspaceDialog({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const rename = useWorkspaceStore((s) => s.rename);
  const [name, setName] = useState(workspace.name);
  const [error, setError] = useState<AppErrorShape | undefined>();
  const { byField, general } = splitFieldErrors(error, ['name']);

  return (
    <FormDialog
      open
      title={`Rename "${workspace.name}"`}
      submitLabel="Rename"
      busyLabel="Renaming…"
      error={general}
      onClose={onClose}
      onSubmit={async () => {
        const result = await rename(workspace.id, name);
        if (result.ok) onClose();
        else setError(result.error);
      }}
    >
      <Field label="New name" required validationMessage={byField['name']}>
        <Input value={name} onChange={(_e, d) => setName(d.value)} autoFocus />
      </Field>
    </FormDialog>
  );
}
