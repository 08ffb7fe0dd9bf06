import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppErrorShape } from '../../../shared/result';

/** The IDs Microsoft support asks for, when Microsoft gave us any. */
function reference(error: AppErrorShape): string | undefined {
  const d = error.details ?? {};
  const parts = [
    typeof d['microsoftCode'] === 'string' ? d['microsoftCode'] : undefined,
    typeof d['correlationId'] === 'string' ? `correlation ID ${d['correlationId']}` : undefined,
    typeof d['requestId'] === 'string' ? `request ID ${d['requestId']}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Every error the admin sees: what happened, and what to do about it. */
export function ErrorBar({ error }: { error: AppErrorShape }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle>
        {error.fix ? <span> {error.fix}</span> : null}
        {reference(error) ? <div>Reference for Microsoft support: {reference(error)}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
