import { Badge, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { stalenessExplained, stalenessOf, type Staleness } from '../../../shared/domain/staleness';

const useStyles = makeStyles({
  asOf: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const marks: Record<Staleness, { label: string; color: 'success' | 'warning' | 'danger' }> = {
  fresh: { label: 'fresh', color: 'success' },
  stale: { label: 'stale', color: 'warning' },
  old: { label: 'old', color: 'danger' },
};

/**
 * "as of <time>" and a staleness mark (fresh / stale / old, thresholds in shared/domain/staleness.ts,
 * explained on hover and to screen readers). `at` null: never read from Microsoft.
 */
export function AsOf({ at, label = 'as of', now }: { at: string | null | undefined; label?: string; now?: Date }) {
  const styles = useStyles();
  if (!at) {
    return (
      <Text size={200} className={styles.asOf} data-testid="as-of" data-staleness="never">
        never read from Microsoft
      </Text>
    );
  }
  const staleness = stalenessOf(at, now);
  const mark = marks[staleness];
  return (
    <span className={styles.asOf} data-testid="as-of" data-staleness={staleness}>
      <Text size={200}>
        {label} <time dateTime={at}>{dateFormat.format(new Date(at))}</time>
      </Text>
      <Tooltip content={stalenessExplained} relationship="description">
        <Badge size="small" appearance="tint" color={mark.color} tabIndex={0}>
          {mark.label}
        </Badge>
      </Tooltip>
    </span>
  );
}

const shortFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** The same in one short line of text, for table rows where thousands are drawn (no tooltip per row). */
export function AsOfText({ at, now }: { at: string | null | undefined; now?: Date }) {
  if (!at) return null;
  const staleness = stalenessOf(at, now);
  return (
    <Text size={100} block data-testid="as-of" data-staleness={staleness} title={stalenessExplained}>
      as of <time dateTime={at}>{shortFormat.format(new Date(at))}</time> · {marks[staleness].label}
    </Text>
  );
}
