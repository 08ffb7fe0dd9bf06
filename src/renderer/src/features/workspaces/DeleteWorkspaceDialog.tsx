import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Workspace } from '../../../../shared/domain/workspace';
import type { AppErrorShape } from '../../../../shared/result';
import { FormDialog } from '../../components/FormDialog';
import { useWorkspaceStore } from './workspace-store';

export function DeleteWorkspaceDialog({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const remove = useWorkspaceStore((s) => s.remove);
  const [error, setError] = useState<AppErrorShape | undefined>();

  return (
    <FormDialog
      open
      destructive
      title={`Delete "${workspace.name}"?`}
      submitLabel="Delete workspace"
      busyLabel="Deleting…"
      error={error}
      onClose={onClose}
      onSubmit={async () => {
        const result = await remove(workspace.id);
        if (result.ok) onClose();
        else setError(result.error);
      }}
    >
      <Text>
        This removes the workspace and its local records from this computer. Nothing in Microsoft Entra or on the
        platform is changed: app registrations and consents stay as they are.
      </Text>
    </FormDialog>
  );
}
