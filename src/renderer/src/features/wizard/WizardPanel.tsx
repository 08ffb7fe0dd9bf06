import { Button, Card, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { HandoverField, PlanPermissionDto, PreviewItemDto, RunProgress, RunView, WizardDto } from '../../../../shared/domain/onboarding';
import type { StepId } from '../../../../shared/domain/steps';
import { ErrorCode } from '../../../../shared/error-codes';
import { fieldIssuesOf, type AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { useNetworkGate } from '../../app/connectivity-store';
import { NetworkReason } from '../../components/NetworkReason';
import { ErrorBar } from '../../components/ErrorBar';
import { useBusyAction } from '../../components/use-busy-action';
import { useAuthStore } from '../auth/auth-store';
import type { DeliveryStatus } from '../../../../shared/domain/delivery';
import { DeliveryPanel } from '../delivery/DeliveryPanel';
import { AdminConsentNeeded } from './AdminConsentNeeded';
import { ChecklistPanel } from './ChecklistPanel';
import { ConsentAsk } from './ConsentAsk';
import { HandoverSheet } from './HandoverSheet';
import { PermissionList } from './PermissionList';
import { PreviewList } from './PreviewList';
import { QuestionsForm } from './QuestionsForm';
import { RunProgressList } from './RunProgressList';
import { TroubleshootingList } from './TroubleshootingList';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Stage = 'answer' | 'preview' | 'apply' | 'done';

/** Nothing to do but verify: the tenant already matches the platform's spec. */
function everythingMatches(items: PreviewItemDto[]): boolean {
  return items.filter((i) => i.stepId !== 'verify').every((i) => i.action === 'keep');
}

/**
 * The guided setup: answer the guide's questions, preview the changes in plain words, apply them
 * with live progress (resumable), then hand the values over. Run again at any time to find drift.
 */
export function WizardPanel({ workspaceId, homeAccountId }: { workspaceId: string; homeAccountId: string }) {
  const styles = useStyles();
  const signIn = useAuthStore((s) => s.signIn);
  // The web host hands Microsoft's page to this window to open (Electron opens the browser itself).
  const consentUrl = useAuthStore((s) => s.openUrl);
  const openedInTab = useAuthStore((s) => s.openedInTab);
  const [wizard, setWizard] = useState<WizardDto | undefined>();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [stage, setStage] = useState<Stage>('answer');
  const [preview, setPreview] = useState<PreviewItemDto[] | undefined>();
  const [permissions, setPermissions] = useState<PlanPermissionDto[]>([]);
  const [run, setRun] = useState<RunView | null>(null);
  const [live, setLive] = useState<Record<number, RunProgress>>({});
  const [handover, setHandover] = useState<HandoverField[] | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [delivery, setDelivery] = useState<DeliveryStatus | undefined>();
  const [deliveryAttempt, setDeliveryAttempt] = useState(0);
  const [wizardAttempt, setWizardAttempt] = useState(0);
  /** Apps the admin chose to reuse (role -> appId), sent with preview and apply. */
  const [adopt, setAdopt] = useState<Record<string, string>>({});

  const loadRun = async () => {
    const result = await getApi().call('onboarding.run', { workspaceId });
    if (!result.ok) return setError(result.error);
    setRun(result.value);
    if (result.value?.status === 'succeeded') {
      const fields = await getApi().call('onboarding.handover', { workspaceId });
      if (fields.ok) setHandover(fields.value.fields);
    }
    return result.value;
  };

  useEffect(() => {
    let current = true;
    void Promise.all([getApi().call('onboarding.wizard', { workspaceId }), getApi().call('onboarding.run', { workspaceId })]).then(async ([w, r]) => {
      if (!current) return;
      if (!w.ok) return setError(w.error);
      setWizard(w.value);
      setAnswers(w.value.answers);
      if (r.ok && r.value) {
        setRun(r.value);
        if (r.value.status === 'running') setStage('apply');
        if (r.value.status === 'succeeded') {
          setStage('done');
          const fields = await getApi().call('onboarding.handover', { workspaceId });
          if (current && fields.ok) setHandover(fields.value.fields);
        }
      }
    });
    const offProgress = getApi().on('run.progress', (p) => {
      if (p.workspaceId === workspaceId) setLive((l) => ({ ...l, [p.seq]: p }));
    });
    const offFinished = getApi().on('run.finished', (f) => {
      if (f.workspaceId !== workspaceId) return;
      void getApi()
        .call('onboarding.run', { workspaceId })
        .then(async (r) => {
          if (!current || !r.ok) return;
          setRun(r.value);
          if (f.status === 'succeeded') {
            const fields = await getApi().call('onboarding.handover', { workspaceId });
            if (current && fields.ok) setHandover(fields.value.fields);
            setStage('done');
          }
        });
    });
    return () => {
      current = false;
      offProgress();
      offFinished();
    };
  }, [workspaceId, wizardAttempt]);

  // How the values reach the platform (API connection, .env, copy-sheet ticks), once setup is done.
  useEffect(() => {
    if (stage !== 'done') return;
    let current = true;
    void getApi()
      .call('delivery.status', { workspaceId })
      .then((r) => {
        if (current && r.ok) setDelivery(r.value);
      });
    return () => {
      current = false;
    };
  }, [workspaceId, stage, deliveryAttempt]);

  // The box changes at once, as a checkbox should; if saving fails, it goes back and says why.
  const tick = (fieldKey: string, ticked: boolean) => {
    const before = delivery;
    setDelivery((d) => (d ? { ...d, ticks: ticked ? [...new Set([...d.ticks, fieldKey])] : d.ticks.filter((k) => k !== fieldKey) } : d));
    void getApi()
      .call('delivery.tick', { workspaceId, fieldKey, ticked })
      .then((r) => {
        if (r.ok) setDelivery((d) => (d ? { ...d, ticks: r.value.ticks } : d));
        else {
          setDelivery(before);
          setError(r.error);
        }
      });
  };

  const { busy, run: guard } = useBusyAction(() => setError(undefined));
  // Preview, apply, resume, consent and drift checks all read or write the tenant: none of them offline.
  const gate = useNetworkGate('Setup');
  const net = { title: gate.reason, 'aria-describedby': gate.reason ? 'setup-network-reason' : undefined };

  const previewNow = (adopting: Record<string, string> = adopt) =>
    guard('Reading your tenant…', async () => {
      const saved = await getApi().call('onboarding.saveAnswers', { workspaceId, answers });
      if (!saved.ok) return setError(saved.error);
      setIssues(Object.fromEntries(saved.value.issues.map((i) => [i.path, i.message])));
      if (!saved.value.valid) {
        setStage('answer');
        return;
      }
      const result = await getApi().call('onboarding.preview', { workspaceId, homeAccountId, adopt: adopting });
      if (!result.ok) return setError(result.error);
      setPreview(result.value.items);
      setPermissions(result.value.permissions);
      setStage('preview');
    });

  const applyNow = () =>
    guard('Starting…', async () => {
      setLive({});
      const result = await getApi().call('onboarding.apply', { workspaceId, homeAccountId, adopt });
      if (!result.ok) return setError(result.error);
      setStage('apply');
      await loadRun();
    });

  const resume = () =>
    guard('Resuming…', async () => {
      setLive({});
      const result = await getApi().call('onboarding.resume', { workspaceId });
      if (!result.ok) return setError(result.error);
      await loadRun();
    });

  /** A Global Administrator accepts admin consent in the browser; then the run goes on. */
  const consentInBrowser = (role: 'main' | 'partnerCenter') =>
    guard('Waiting for admin consent in the browser…', async () => {
      const result = await getApi().call('onboarding.consentInBrowser', { workspaceId, homeAccountId, role });
      if (!result.ok) return setError(result.error);
      await applyNow();
    });

  /** Steps awaiting an administrator's consent (AADSTS90094 for this admin): a Global Administrator accepts, then preview again. */
  const adminConsentForSteps = (steps: string[]) =>
    guard('Waiting for an administrator to consent in the browser…', async () => {
      const result = await getApi().call('onboarding.adminConsentForSteps', { homeAccountId, steps: steps as StepId[] });
      if (!result.ok) return setError(result.error);
      await previewNow();
    });

  /** Consent or MFA for the plan's steps: one sign-in asking for all their scopes, then try again. */
  const signInForSteps = (steps: StepId[], retry: () => Promise<void>) =>
    guard('Waiting for you to sign in…', async () => {
      // Partner Center refused a token without MFA (900421): this sign-in asks Microsoft for MFA itself.
      const mfa = error?.details?.['partnerCenterCode'] === '900421';
      const result = await signIn('browser', workspaceId, { steps, homeAccountId, ...(mfa ? { mfa } : {}) });
      if (!result.ok) return setError(result.error);
      await retry();
    });

  if (!wizard) return error ? <ErrorBar error={error} /> : <Spinner label="Loading the wizard…" />;
  if (wizard.needsConnection) {
    return (
      <Card className={styles.card} aria-label="Guided setup">
        <Text weight="semibold" size={400} as="h2">
          Connect to your platform
        </Text>
        <Text size={200}>
          This platform publishes its requirements through the Platform Onboarding API. Connect once: the guided setup then
          plans the app registration from what the platform asks for, and hands the values back to it.
        </Text>
        <DeliveryPanel
          workspaceId={workspaceId}
          status={{ connection: null, ticks: [], envFile: false }}
          onChanged={() => setWizardAttempt((n) => n + 1)}
        />
      </Card>
    );
  }
  if (!wizard.supported) {
    return (
      <Card className={styles.card}>
        <Text>The guided setup for {wizard.platformName} is not available yet. Preflight above shows what your roles allow.</Text>
      </Card>
    );
  }

  const fieldIssues = error && error.code === ErrorCode.WizardAnswersInvalid ? Object.fromEntries(fieldIssuesOf(error).map((i) => [i.path, i.message])) : {};
  const stepsNeedingSignIn =
    error?.code === ErrorCode.SignInRequired ? ((error.details?.['steps'] as StepId[] | undefined) ?? [error.details?.['step'] as StepId]) : undefined;
  const permissionsAsked = stepsNeedingSignIn ? ((error?.details?.['permissions'] as PlanPermissionDto[] | undefined) ?? []) : [];
  const failed = run?.status === 'failed';
  const consentStep = failed ? run?.steps.find((st) => st.error?.code === ErrorCode.ConsentNeedsAdmin) : undefined;

  return (
    <Card className={styles.card} aria-label="Guided setup">
      <Text weight="semibold" size={400} as="h2">
        Set up {wizard.platformName}
      </Text>
      <Text size={200}>
        Does what “{wizard.guideTitle}” asks of you in {wizard.manualSteps} portal steps. Nothing changes until you apply.
      </Text>

      {stage === 'answer' ? (
        <QuestionsForm
          questions={wizard.questions}
          answers={answers}
          issues={{ ...issues, ...fieldIssues }}
          onChange={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
        />
      ) : null}

      {stage === 'preview' && preview ? (
        <>
          {everythingMatches(preview) ? (
            <Text weight="semibold" data-testid="everything-matches">
              Everything matches: your tenant is set up as {wizard.platformName} needs.
            </Text>
          ) : null}
          <PreviewList
            items={preview}
            onReuse={(role, appId) => {
              const next = { ...adopt, [role]: appId };
              setAdopt(next);
              void previewNow(next);
            }}
          />
          <AdminConsentNeeded items={preview} busy={!!busy} onGrant={(steps) => void adminConsentForSteps(steps)} />
          {permissions.length > 0 ? <PermissionList permissions={permissions} consented /> : null}
        </>
      ) : null}

      {(stage === 'apply' || stage === 'done') && run ? <RunProgressList run={run} live={live} /> : null}
      {stage === 'apply' && run?.interrupted ? (
        <Text>This setup was interrupted (the app was closed or stopped). Resume continues at the first unfinished step.</Text>
      ) : null}
      {stage === 'done' && handover ? (
        <HandoverSheet workspaceId={workspaceId} fields={handover} ticks={delivery?.ticks ?? []} onTick={tick} />
      ) : null}
      {stage === 'done' ? <ChecklistPanel workspaceId={workspaceId} /> : null}
      {stage === 'done' ? <TroubleshootingList entries={wizard.troubleshooting} /> : null}
      {stage === 'done' && delivery ? (
        <DeliveryPanel workspaceId={workspaceId} status={delivery} onChanged={() => setDeliveryAttempt((n) => n + 1)} />
      ) : null}

      {error && !stepsNeedingSignIn ? <ErrorBar error={error} /> : null}
      {stepsNeedingSignIn ? (
        <ConsentAsk
          ask={error as AppErrorShape}
          permissions={permissionsAsked}
          network={{ offline: gate.offline, ...net }}
          onSignIn={() => void signInForSteps(stepsNeedingSignIn, stage === 'preview' ? applyNow : () => previewNow())}
        />
      ) : null}

      <div className={styles.actions}>
        {busy ? <Spinner size="tiny" label={busy} /> : null}
        {stage === 'answer' ? (
          <Button appearance="primary" disabled={!!busy || gate.offline} {...net} onClick={() => void previewNow()}>
            Preview changes
          </Button>
        ) : null}
        {stage === 'preview' && preview ? (
          <>
            {!everythingMatches(preview) || run?.status !== 'succeeded' ? (
              <Button
                appearance="primary"
                disabled={!!busy || gate.offline || preview.some((i) => i.action === 'blocked' && !i.fallback)} {...net}
                onClick={() => void applyNow()}
              >
                {run?.status === 'succeeded' ? 'Repair' : 'Apply changes'}
              </Button>
            ) : null}
            <Button disabled={!!busy} onClick={() => setStage('answer')}>
              Back to answers
            </Button>
          </>
        ) : null}
        {stage === 'apply' && run?.interrupted ? (
          <Button appearance="primary" disabled={!!busy || gate.offline} {...net} onClick={() => void resume()}>
            Resume
          </Button>
        ) : null}
        {stage === 'apply' && consentStep ? (
          <Button appearance="primary" disabled={!!busy || gate.offline} {...net} onClick={() => void consentInBrowser(consentStep.stepId.startsWith('partnerCenter') ? 'partnerCenter' : 'main')}>
            Grant admin consent in the browser
          </Button>
        ) : null}
        {busy && consentUrl && !openedInTab ? (
          <Link href={consentUrl} target="_blank" rel="noopener noreferrer">
            Open Microsoft’s admin consent page
          </Link>
        ) : null}
        {stage === 'apply' && failed && !consentStep ? (
          <Button appearance="primary" disabled={!!busy || gate.offline} {...net} onClick={() => void previewNow()}>
            Try again
          </Button>
        ) : null}
        <NetworkReason id="setup-network-reason" reason={gate.reason} />
        {stage === 'done' ? (
          <Button disabled={!!busy || gate.offline} {...net} onClick={() => void previewNow()}>
            Check for drift
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
