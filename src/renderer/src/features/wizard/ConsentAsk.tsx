import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PlanPermissionDto } from '../../../../shared/domain/onboarding';
import type { AppErrorShape } from '../../../../shared/result';
import { PermissionList } from './PermissionList';

/**
 * Asking the admin for the one consent (or an MFA sign-in) a setup needs. This is the normal course of a first
 * preview, not a failure, so it is an informational request with its action, not the red error bar with
 * Microsoft's AADSTS reference: that bar stays for real errors.
 */
export function ConsentAsk(props: {
  ask: AppErrorShape;
  permissions: PlanPermissionDto[];
  /** Offline, the sign-in is disabled with the reason (title and the id of the text beside the actions). */
  network: { offline: boolean; title: string | undefined; 'aria-describedby': string | undefined };
  onSignIn(): void;
}) {
  const { offline, ...why } = props.network;
  const mfa = props.ask.details?.['reason'] === 'mfa';
  return (
    <div>
      <MessageBar intent="info" role="status" layout="multiline" data-testid="consent-ask" data-intent="info">
        <MessageBarBody>
          <MessageBarTitle>{mfa ? 'Microsoft asks you to sign in again with MFA' : 'Allow the permissions this setup needs'}</MessageBarTitle>
          {props.ask.message}
          {props.ask.fix ? ` ${props.ask.fix}` : ''}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" disabled={offline} {...why} onClick={props.onSignIn}>
            {mfa ? 'Sign in again with MFA' : 'Sign in to allow this'}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {props.permissions.length > 0 ? <PermissionList permissions={props.permissions} consented={false} /> : null}
    </div>
  );
}
