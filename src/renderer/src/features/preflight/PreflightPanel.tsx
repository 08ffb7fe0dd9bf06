import { Badge, Button, Card, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, QuestionCircleFilled } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { CapabilityCheckDto, Preflight } from '../../../../shared/domain/preflight';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { useConnectivityStore, useNetworkGate } from '../../app/connectivity-store';
import { NetworkReason } from '../../components/NetworkReason';
import { ErrorBar } from '../../components/ErrorBar';
import { ReachCheckItem } from './ReachCheckItem';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  check: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const icons = {
  yes: <CheckmarkCircleFilled color={tokens.colorPaletteGreenForeground1} aria-label="You can" />,
  no: <DismissCircleFilled color={tokens.colorPaletteRedForeground1} aria-label="You cannot" />,
  depends: <QuestionCircleFilled color={tokens.colorPaletteMarigoldForeground1} aria-label="Depends on a tenant setting" />,
};

function CheckItem({ check }: { check: CapabilityCheckDto }) {
  const styles = useStyles();
  return (
    <li className={styles.check} data-testid="capability" data-allowed={check.allowed}>
      {icons[check.allowed]}
      <div>
        <Text>
          {check.label}
          {check.when ? ` — for ${check.when}` : ''}
        </Text>
        {check.allowed !== 'yes' ? (
          <Text block size={200}>
            {check.note ? `${check.note} ` : ''}Needs: {check.grantedBy.join(', ')}. Ask someone with one of these roles, or
            have them assign it to you.
          </Text>
        ) : null}
      </div>
    </li>
  );
}

/** The partner tenant and what the signed-in admin can do in it, before anything changes. */
export function PreflightPanel({ workspaceId, homeAccountId }: { workspaceId: string; homeAccountId: string }) {
  const styles = useStyles();
  const [preflight, setPreflight] = useState<Preflight | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [busy, setBusy] = useState(true);
  const [attempt, setAttempt] = useState(0);
  // Offline, preflight is not even tried: no silent token requests against a network that is down.
  const status = useConnectivityStore((s) => s.state.status);
  const waiting = status !== 'online';
  const gate = useNetworkGate('Preflight');

  useEffect(() => {
    if (waiting) return;
    // An answer for an account or attempt that is no longer current is dropped.
    let current = true;
    void getApi()
      .call('preflight.run', { workspaceId, homeAccountId })
      .then((result) => {
        if (!current) return;
        setBusy(false);
        setPreflight(result.ok ? result.value : undefined);
        setError(result.ok ? undefined : result.error);
      });
    return () => {
      current = false;
    };
  }, [workspaceId, homeAccountId, attempt, waiting]);

  const checkAgain = () => {
    setBusy(true);
    setAttempt((n) => n + 1);
  };

  if (gate.offline && !preflight) {
    return (
      <Card className={styles.card} aria-label="Tenant overview" data-testid="preflight-offline">
        <Text weight="semibold">Tenant overview</Text>
        <NetworkReason id="preflight-reason" reason={gate.reason} />
      </Card>
    );
  }
  if (status === 'unknown' && !preflight) return <Spinner label="Checking the connection to Microsoft…" />;
  if (busy && !preflight) return <Spinner label="Reading your partner tenant…" />;
  return (
    <Card className={styles.card} aria-label="Tenant overview">
      {error ? <ErrorBar error={error} /> : null}
      {preflight ? (
        <>
          <Text weight="semibold" size={400} as="h2">
            {preflight.overview.displayName}
          </Text>
          <div className={styles.facts}>
            <Text>Tenant ID</Text>
            <Text data-testid="tenant-id">{preflight.overview.tenantId}</Text>
            <Text>Default domain</Text>
            <Text>{preflight.overview.defaultDomain ?? '—'}</Text>
            <Text>Verified domains</Text>
            <Text data-testid="verified-domains">{preflight.overview.verifiedDomains.join(', ')}</Text>
            <Text>Signed in as</Text>
            <Text>{preflight.overview.user.userPrincipalName}</Text>
            <Text>Your roles</Text>
            <div data-testid="roles">
              {preflight.overview.roles.length === 0 ? (
                <Text>No admin roles</Text>
              ) : (
                preflight.overview.roles.map((r) => (
                  <Badge key={r.templateId} appearance="tint" style={{ marginRight: 4 }}>
                    {r.name}
                  </Badge>
                ))
              )}
            </div>
          </div>
          {preflight.tenantMismatch ? (
            <ErrorBar error={{ code: 'tenant_mismatch', message: preflight.tenantMismatch }} />
          ) : null}
          <Text weight="semibold">What you can set up</Text>
          {preflight.guideSays ? <Text size={200}>The platform’s guide asks for: {preflight.guideSays}</Text> : null}
          <ul className={styles.list} aria-label="Required steps">
            {preflight.required.map((c) => (
              <CheckItem key={c.capability} check={c} />
            ))}
          </ul>
          {preflight.optional.length > 0 ? (
            <>
              <Text weight="semibold">Optional steps</Text>
              <ul className={styles.list} aria-label="Optional steps">
                {preflight.optional.map((c) => (
                  <CheckItem key={`${c.capability}-${c.when}`} check={c} />
                ))}
              </ul>
            </>
          ) : null}
          <Text weight="semibold">What Entra Onboard can reach</Text>
          <ul className={styles.list} aria-label="Reachability">
            {preflight.reach.map((c) => (
              <ReachCheckItem key={c.id} check={c} workspaceId={workspaceId} homeAccountId={homeAccountId} onSignedIn={checkAgain} />
            ))}
          </ul>
          <div>
            <Button onClick={checkAgain} disabled={busy || gate.offline} title={gate.reason} aria-describedby={gate.reason ? 'preflight-again-reason' : undefined}>
              {busy ? 'Checking…' : 'Check again'}
            </Button>
            <NetworkReason id="preflight-again-reason" reason={gate.reason} />
          </div>
        </>
      ) : null}
    </Card>
  );
}
