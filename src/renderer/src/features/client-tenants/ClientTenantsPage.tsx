import { Text } from '@fluentui/react-components';
import type { Workspace } from '../../../../shared/domain/workspace';

/** Client tenants of the workspace's partner tenant, their consent status, and runs to consent the app in each. */
export function ClientTenantsPage(_props: { workspace: Workspace; homeAccountId: string | undefined }) {
  return <Text>Client tenants are not available in this build yet.</Text>;
}
