import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppErrorShape } from '../../../shared/result';

/** Every error the admin sees: what happened, and what to do about it. */
export function ErrorBar({ error }: { error: AppErrorShape }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle>
        {error.fix ? <span> {error.fix}</span> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
