import { Button, Card, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Workspace } from '../../../../shared/domain/workspace';
import { getApi } from '../../app/api';
import { useNavigation } from '../../app/navigation-store';
import { ErrorBar } from '../../components/ErrorBar';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog';
import { DeleteWorkspaceDialog } from './DeleteWorkspaceDialog';
import { RenameWorkspaceDialog } from './RenameWorkspaceDialog';
import { WorkspaceTable } from './WorkspaceTable';
import { useWorkspaceStore } from './workspace-store';
import { useCacheStore } from '../offline/cache-store';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  intro: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalL },
  empty: { padding: tokens.spacingVerticalXXL, alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

export function WorkspacesScreen() {
  const styles = useStyles();
  const { status, items, loadError, load } = useWorkspaceStore();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Workspace | undefined>();
  const [deleting, setDeleting] = useState<Workspace | undefined>();
  const go = useNavigation((s) => s.go);
  const cached = useCacheStore((s) => s.workspaces);
  const loadCached = useCacheStore((s) => s.load);

  useEffect(() => {
    void load();
    void loadCached();
    return getApi().on('workspaces.changed', () => {
      void load();
      void loadCached();
    });
  }, [load, loadCached]);

  return (
    <section aria-labelledby="workspaces-title">
      <div className={styles.header}>
        <Title2 as="h1" id="workspaces-title">
          Workspaces
        </Title2>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          New workspace
        </Button>
      </div>
      <Text className={styles.intro}>
        A workspace connects one partner tenant to one platform: its app registration, secret, consents and client
        tenants.
      </Text>

      {status === 'loading' ? <Spinner label="Loading workspaces…" /> : null}
      {status === 'error' && loadError ? <ErrorBar error={loadError} /> : null}
      {status === 'ready' && items.length === 0 ? (
        <Card className={styles.empty}>
          <Text weight="semibold">No workspaces yet</Text>
          <Text>Create one for each platform you connect to Microsoft 365, such as PanelOne or SonicSaaS.</Text>
          <Button icon={<AddRegular />} onClick={() => setCreating(true)}>
            Create your first workspace
          </Button>
        </Card>
      ) : null}
      {status === 'ready' && items.length > 0 ? (
        <WorkspaceTable
          items={items}
          cached={cached}
          onOpen={(w) => go({ name: 'workspace', id: w.id })}
          onRename={setRenaming}
          onDelete={setDeleting}
        />
      ) : null}

      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
      {renaming ? <RenameWorkspaceDialog workspace={renaming} onClose={() => setRenaming(undefined)} /> : null}
      {deleting ? <DeleteWorkspaceDialog workspace={deleting} onClose={() => setDeleting(undefined)} /> : null}
    </section>
  );
}
