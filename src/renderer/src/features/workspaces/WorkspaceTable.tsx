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
import type { Workspace } from '../../../../shared/domain/workspace';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function WorkspaceTable(props: {
  items: Workspace[];
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
