import { Text } from '@fluentui/react-components';
import type { Workspace } from '../../../../shared/domain/workspace';

/** Consent runs of the workspace: the one in progress, live, and the past ones. */
export function RunsPage(_props: { workspace: Workspace }) {
  return <Text>No consent runs yet.</Text>;
}
