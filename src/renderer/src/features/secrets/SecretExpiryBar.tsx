import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SecretEntry } from '../../../../shared/domain/secrets';
import { getApi } from '../../app/api';
import { useNavigation } from '../../app/navigation-store';
import { appWords, bandWords, expiresText, urgent } from './secret-words';

/** On a workspace's pages: its secrets that expire within 30 days or have expired, with the way to rotate them. */
export function SecretExpiryBar({ workspaceId }: { workspaceId: string }) {
  const [due, setDue] = useState<SecretEntry[]>([]);
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    let live = true;
    void getApi()
      .call('secrets.list', {})
      .then((r) => {
        if (live && r.ok) setDue(urgent(r.value.filter((e) => e.workspaceId === workspaceId)));
      });
    return () => {
      live = false;
    };
  }, [workspaceId]);
  if (due.length === 0) return null;
  const worst = due[0]!;
  return (
    <MessageBar intent={worst.band === 'd30' ? 'warning' : 'error'} data-testid="workspace-secret-warning">
      <MessageBarBody>
        <MessageBarTitle>{worst.band === 'expired' ? 'A client secret has expired' : 'A client secret expires soon'}</MessageBarTitle>
        {due.map((e) => `${appWords(e.role)} secret ${e.hint}…: ${bandWords[e.band].label.toLowerCase()}, ${expiresText(e)}`).join('; ')}.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => go({ name: 'home', page: 'secrets' })}>Rotate on the Secrets page</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
