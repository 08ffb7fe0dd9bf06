import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanPermissionDto } from '../../../../shared/domain/onboarding';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  scope: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * What this setup asks Microsoft for, each permission once with why: the whole plan's scopes, so
 * one consent covers every step (and only this plan's steps).
 */
export function PermissionList({ permissions, consented }: { permissions: PlanPermissionDto[]; consented: boolean }) {
  const styles = useStyles();
  return (
    <section aria-label="Permissions this setup uses">
      <Text weight="semibold" block>
        {consented ? 'Permissions this setup uses (you have allowed them)' : 'Permissions this setup asks for, once for all its steps'}
      </Text>
      <ul className={styles.list}>
        {permissions.map((p) => (
          <li key={`${p.resource}:${p.scope}`} data-testid="plan-permission" data-scope={p.scope}>
            <Text className={styles.scope}>{p.resource === 'partnerCenter' ? `Partner Center ${p.scope}` : p.scope}</Text>
            <Text size={200}>: {p.reasons.join(' ')}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
