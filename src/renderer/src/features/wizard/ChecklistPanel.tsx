import { Checkbox, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChecklistItemDto } from '../../../../shared/domain/onboarding';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { ErrorBar } from '../../components/ErrorBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  help: { display: 'block', paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
});

/**
 * One step: a real checkbox (Space toggles it), with the guide's note read out as its description.
 * Never disabled while saving, so keyboard focus stays where the admin left it.
 */
function ChecklistRow({ item, onTick }: { item: ChecklistItemDto; onTick(done: boolean): void }) {
  const styles = useStyles();
  const helpId = useId('checklist-help');
  return (
    <li data-testid="checklist-item" data-key={item.key}>
      <Checkbox
        label={item.text}
        checked={item.done}
        onChange={(_e, d) => onTick(d.checked === true)}
        {...(item.help ? { 'aria-describedby': helpId } : {})}
      />
      {item.help ? (
        <Text id={helpId} size={200} className={styles.help}>
          {item.help}
        </Text>
      ) : null}
    </li>
  );
}

/**
 * The steps setup cannot do for the admin because they happen in the platform's own portal
 * (bvoip's, for one phone system), ticked off as they go; the ticks are kept per workspace.
 * Shows nothing for a platform without a checklist.
 */
export function ChecklistPanel({ workspaceId }: { workspaceId: string }) {
  const styles = useStyles();
  const headingId = useId('checklist-heading');
  const [items, setItems] = useState<ChecklistItemDto[] | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();

  useEffect(() => {
    let current = true;
    void getApi()
      .call('onboarding.checklist', { workspaceId })
      .then((r) => {
        if (!current) return;
        if (r.ok) setItems(r.value.items);
        else setError(r.error);
      });
    return () => {
      current = false;
    };
  }, [workspaceId]);

  // The box changes at once, as a checkbox should; if saving fails, it goes back and says why.
  const tick = (itemKey: string, done: boolean) => {
    setError(undefined);
    const before = items;
    setItems((list) => list?.map((i) => (i.key === itemKey ? { ...i, done } : i)));
    void getApi()
      .call('onboarding.tickChecklist', { workspaceId, itemKey, done })
      .then((r) => {
        if (r.ok) setItems(r.value.items);
        else {
          setItems(before);
          setError(r.error);
        }
      });
  };

  if (!items || items.length === 0) return error ? <ErrorBar error={error} /> : null;
  const doneCount = items.filter((i) => i.done).length;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text id={headingId} as="h3" weight="semibold" size={300}>
        Still to do in the platform’s own portal
      </Text>
      <Text size={200}>
        Entra Onboard cannot do these for you. Tick each step as you finish it; the ticks are kept for this workspace.
      </Text>
      <Text size={200} aria-live="polite" data-testid="checklist-progress">
        {doneCount} of {items.length} done
      </Text>
      <ul className={styles.list}>
        {items.map((item) => (
          <ChecklistRow key={item.key} item={item} onTick={(done) => tick(item.key, done)} />
        ))}
      </ul>
      {error ? <ErrorBar error={error} /> : null}
    </section>
  );
}
