import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, EyeRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { HandoverField } from '../../../../shared/domain/onboarding';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { ErrorBar } from '../../components/ErrorBar';
import { copyToClipboard } from './clipboard';
import { SECRET_REVEAL_MS, SecretMasker } from './secret-masker';

const useStyles = makeStyles({
  table: { display: 'grid', gridTemplateColumns: 'minmax(180px, max-content) 1fr max-content max-content', gap: tokens.spacingVerticalS, alignItems: 'center' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** What to give the platform: every value with a copy button; secrets masked until asked for. */
export function HandoverSheet({
  workspaceId,
  fields,
  ticks,
  onTick,
}: {
  workspaceId: string;
  fields: HandoverField[];
  /** Fields the admin has marked as pasted into the platform. */
  ticks: string[];
  onTick(fieldKey: string, ticked: boolean): void;
}) {
  const styles = useStyles();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  // A revealed secret is masked again after a minute; the masker's timers end with the sheet.
  const [masker] = useState(() => new SecretMasker(setRevealed));
  useEffect(() => () => masker.dispose(), [masker]);
  const [copied, setCopied] = useState<string | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();

  /** The secret's value from the vault; every read is audited in the core, shown on screen or not. */
  const secretOf = async (field: HandoverField): Promise<string | undefined> => {
    if (!field.secretOf) return undefined;
    const result = await getApi().call('onboarding.revealSecret', { workspaceId, role: field.secretOf.role as 'main' | 'partnerCenter' });
    if (result.ok) return result.value.value;
    setError(result.error);
    return undefined;
  };

  const reveal = async (field: HandoverField) => {
    const value = await secretOf(field);
    if (value !== undefined) masker.reveal(field.key, value);
  };

  /** Copies a value; a secret is copied straight from the vault, so it need not be shown first. */
  const copy = async (field: HandoverField, shown: string | undefined) => {
    const value = shown ?? (await secretOf(field));
    if (value === undefined) return;
    try {
      await copyToClipboard(value, field.secret);
      setCopied(field.key);
    } catch {
      setError({ code: 'clipboard', message: 'Could not copy to the clipboard.', fix: 'Select the value and copy it yourself.' });
    }
  };

  return (
    <div>
      <div className={styles.table} role="table" aria-label="Values for the platform">
        {fields.map((field) => {
          const value = field.secret ? revealed[field.key] : field.value;
          return (
            <div key={field.key} role="row" style={{ display: 'contents' }} data-testid="handover-field" data-key={field.key}>
              <Text role="rowheader" weight="semibold">
                {field.label}
              </Text>
              <Text role="cell" className={styles.value} data-testid="handover-value">
                {field.secret
                  ? value ?? (field.secretOf ? `${field.secretOf.hint}•••••••• (valid until ${field.secretOf.endDateTime.slice(0, 10)})` : 'not created yet')
                  : value ?? '—'}
              </Text>
              <div role="cell">
                {field.secret && !value && field.secretOf ? (
                  <Button size="small" icon={<EyeRegular />} onClick={() => void reveal(field)} aria-label={`Reveal ${field.label}`}>
                    Reveal
                  </Button>
                ) : null}
                {value || (field.secret && field.secretOf) ? (
                  <Button size="small" icon={<CopyRegular />} onClick={() => void copy(field, value ?? undefined)} aria-label={`Copy ${field.label}`}>
                    {copied === field.key ? 'Copied' : 'Copy'}
                  </Button>
                ) : null}
              </div>
              <div role="cell">
                <Checkbox
                  label="Done"
                  checked={ticks.includes(field.key)}
                  onChange={(_e, d) => onTick(field.key, d.checked === true)}
                  aria-label={`${field.label} pasted into the platform`}
                />
              </div>
            </div>
          );
        })}
      </div>
      {fields.some((f) => f.secret && f.secretOf) ? (
        <Text size={200} block>
          A revealed secret is masked again after {SECRET_REVEAL_MS / 1000} seconds, and a copied one is cleared from the clipboard
          after 30 seconds. Keep it only in the platform’s settings.
        </Text>
      ) : null}
      {error ? <ErrorBar error={error} /> : null}
    </div>
  );
}
