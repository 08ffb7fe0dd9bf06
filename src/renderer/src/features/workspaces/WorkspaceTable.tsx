import {
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, RenameRegular } from '@fluentui/react-icons';
import { platformName } from '../../../../shared/domain/platforms';
import type { CachedWorkspace } from '../../../../shared/domain/offline';
import type { Workspace } from '../../../../shared/domain/workspace';
import { AsOf } from '../../components/AsOf';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function WorkspaceTable(props: {
  items: Workspace[];
  /** What each workspace has cached, with its age (offline.cache). */
  cached: CachedWorkspace[];
  onOpen(w: Workspace): void;
  onRename(w: Workspace): void;
  onDelete(w: Workspace): void;
}) {
  return (
    <Table aria-label="Workspaces" size="medium">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Platform</TableHeaderCell>
          <TableHeaderCell>Partner tenant</TableHeaderCell>
          <TableHeaderCell>Created</TableHeaderCell>
          <TableHeaderCell>Cached data</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.items.map((w) => (
          <TableRow key={w.id} data-testid="workspace-row">
            <TableCell>
              <Link onClick={() => props.onOpen(w)} aria-label={`Open ${w.name}`}>
                <Text weight="semibold">{w.name}</Text>
              </Link>
            </TableCell>
            <TableCell>{platformName(w.platformId)}</TableCell>
            <TableCell>
              {w.partnerTenant ?? <Text style={{ color: tokens.colorNeutralForeground3 }}>Not signed in yet</Text>}
            </TableCell>
            <TableCell>{dateFormat.format(new Date(w.createdAt))}</TableCell>
            <TableCell>
              <CachedSummary cached={props.cached.find((c) => c.workspaceId === w.id)} />
            </TableCell>
            <TableCell>
              <Button
                appearance="subtle"
                icon={<RenameRegular />}
                aria-label={`Rename ${w.name}`}
                onClick={() => props.onRename(w)}
              >
                Rename
              </Button>
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Delete ${w.name}`}
                onClick={() => props.onDelete(w)}
              >
                Delete
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const expiryFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** App registration, nearest secret expiry and client tenants' statuses, each with the time it was last read. */
function CachedSummary({ cached }: { cached: CachedWorkspace | undefined }) {
  if (!cached || (cached.apps.length === 0 && cached.tenants.total === 0)) {
    return <Text style={{ color: tokens.colorNeutralForeground3 }}>Nothing cached yet</Text>;
  }
  const appAsOf = cached.apps.map((a) => a.asOf).sort()[0];
  const soonest = cached.secrets[0];
  return (
    <div data-testid="workspace-cached">
      {appAsOf ? (
        <div data-testid="cached-app-line">
          <Text size={200}>App registration </Text>
          <AsOf at={appAsOf} />
        </div>
      ) : null}
      {soonest ? (
        <div data-testid="cached-secret-line">
          <Text size={200}>
            {cached.secrets.length === 1 ? 'Secret' : `${cached.secrets.length} secrets, the first`} expires {expiryFormat.format(new Date(soonest.endDateTime))}{' '}
          </Text>
          <AsOf at={soonest.asOf} />
        </div>
      ) : null}
      {cached.tenants.total > 0 ? (
        <div data-testid="cached-tenants-line">
          <Text size={200}>
            {cached.tenants.total} client tenants, {cached.tenants.read} statuses read{' '}
          </Text>
          {cached.tenants.read > 0 ? <AsOf at={cached.tenants.oldestAsOf} label="oldest as of" /> : null}
        </div>
      ) : null}
    </div>
  );
}
