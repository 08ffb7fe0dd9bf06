import { Button, Field, Input, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { ErrorBar } from '../../components/ErrorBar';
import { useAuthStore } from './auth-store';

const MICROSOFT_DEFAULT = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Which app the console signs in as: Microsoft's Graph Command Line Tools, or the admin's own. */
export function SignInAppSetting() {
  const styles = useStyles();
  const { state, load } = useAuthStore();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<AppErrorShape | undefined>();
  if (!state) return null;
  const isDefault = state.clientId === MICROSOFT_DEFAULT;

  const save = async (clientId: string | null) => {
    setError(undefined);
    const result = await getApi().call('auth.useClientId', { clientId });
    if (!result.ok) return setError(result.error);
    setEditing(false);
    await load();
  };

  return (
    <div>
      <Text size={200}>
        Signs in as {isDefault ? 'Microsoft Graph Command Line Tools, a Microsoft app present in every tenant' : `your app ${state.clientId}`}.{' '}
        {!editing ? (
          <Link onClick={() => setEditing(true)}>{isDefault ? 'Use your own app registration' : 'Change'}</Link>
        ) : null}
        {!isDefault && !editing ? (
          <>
            {' · '}
            <Link onClick={() => void save(null)}>Use Microsoft’s default</Link>
          </>
        ) : null}
      </Text>
      {editing ? (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            void save(value);
          }}
        >
          <Field label="Application (client) ID of your public client app" hint="It needs http://localhost as a mobile and desktop redirect URI.">
            <Input value={value} onChange={(_e, d) => setValue(d.value)} autoFocus />
          </Field>
          <Button type="submit" appearance="primary">
            Use this app
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
        </form>
      ) : null}
      {error ? <ErrorBar error={error} /> : null}
    </div>
  );
}
