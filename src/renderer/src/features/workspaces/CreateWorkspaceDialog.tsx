import { Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { platformSummaries, type PlatformId } from '../../../../shared/domain/platforms';
import { WORKSPACE_NAME_MAX } from '../../../../shared/domain/workspace';
import type { AppErrorShape } from '../../../../shared/result';
import { FormDialog } from '../../components/FormDialog';
import { splitFieldErrors } from '../../components/field-errors';
import { useWorkspaceStore } from './workspace-store';

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const create = useWorkspaceStore((s) => s.create);
  const [name, setName] = useState('');
  const [platformId, setPlatformId] = useState<PlatformId>('clientone');
  const [partnerTenant, setPartnerTenant] = useState('');
  const [error, setError] = useState<AppErrorShape | undefined>();
  const { byField, general } = splitFieldErrors(error, ['name', 'platformId', 'partnerTenant']);
  const platform = platformSummaries.find((p) => p.id === platformId);

  const close = () => {
    setName('');
    setPartnerTenant('');
    setError(undefined);
    onClose();
  };

  return (
    <FormDialog
      open={open}
      title="New workspace"
      submitLabel="Create workspace"
      busyLabel="Creating…"
      error={general}
      onClose={close}
      onSubmit={async () => {
        const result = await create({ name, platformId, partnerTenant });
        if (result.ok) close();
        else setError(result.error);
      }}
    >
      <Field
        label="Workspace name"
        required
        validationMessage={byField['name']}
        hint={`For example "Contoso MSP – PanelOne". Up to ${WORKSPACE_NAME_MAX} characters.`}
      >
        <Input value={name} onChange={(_e, d) => setName(d.value)} autoFocus />
      </Field>
      <Field label="Platform" required validationMessage={byField['platformId']} hint={platform?.description}>
        <Select value={platformId} onChange={(_e, d) => setPlatformId(d.value as PlatformId)}>
          {platformSummaries.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Partner tenant (optional)"
        validationMessage={byField['partnerTenant']}
        hint="Your partner tenant's ID or a domain such as contoso.onmicrosoft.com. Signing in confirms it."
      >
        <Input value={partnerTenant} onChange={(_e, d) => setPartnerTenant(d.value)} />
      </Field>
    </FormDialog>
  );
}
