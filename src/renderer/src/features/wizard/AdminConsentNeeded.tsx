import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PreviewItemDto } from '../../../../shared/domain/onboarding';
import { copyToClipboard } from './clipboard';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorPaletteMarigoldBorder2}`, borderRadius: tokens.borderRadiusMedium },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/**
 * Steps blocked until an administrator consents (AADSTS90094 for this admin): the one admin consent link for
 * all of them, to copy for a Global Administrator, or opened here for them to sign in and accept.
 */
export function AdminConsentNeeded({ items, busy, onGrant }: { items: PreviewItemDto[]; busy: boolean; onGrant(steps: string[]): void }) {
  const styles = useStyles();
  const route = items.find((i) => i.adminConsent)?.adminConsent;
  if (!route) return null;
  return (
    <section className={styles.box} aria-label="Administrator consent needed">
      <Text weight="semibold">An administrator’s consent is needed first</Text>
      <Text size={200}>
        Your roles cannot consent to the permissions these steps use. Ask {route.roles} to open Microsoft’s admin consent page and accept them for your
        organization, then preview again.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => onGrant(route.steps)}>
          Grant admin consent in the browser
        </Button>
        <Button disabled={busy} onClick={() => void copyToClipboard(route.url, false)}>
          Copy admin consent link
        </Button>
        <Link href={route.url} target="_blank" rel="noopener noreferrer">
          Open the admin consent link
        </Link>
      </div>
    </section>
  );
}
