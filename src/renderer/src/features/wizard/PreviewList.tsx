import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PreviewItemDto } from '../../../../shared/domain/onboarding';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'grid', gridTemplateColumns: '90px 1fr', columnGap: tokens.spacingHorizontalM },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const badge: Record<PreviewItemDto['action'], { label: string; color: 'brand' | 'warning' | 'success' | 'danger' }> = {
  create: { label: 'Create', color: 'brand' },
  update: { label: 'Update', color: 'warning' },
  keep: { label: 'Keep', color: 'success' },
  blocked: { label: 'Blocked', color: 'danger' },
};

/** The plan in plain words: what will be created, changed or kept, and what cannot be done. */
export function PreviewList({ items, onReuse }: { items: PreviewItemDto[]; onReuse(role: string, appId: string): void }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Planned changes">
      {items.map((item) => (
        <li key={item.stepId} className={styles.item} data-testid="preview-item" data-action={item.action} data-step={item.stepId}>
          <div>
            <Badge appearance="filled" color={badge[item.action].color}>
              {badge[item.action].label}
            </Badge>
          </div>
          <div>
            <Text weight="semibold">{item.title}: </Text>
            <Text>{item.summary}</Text>
            {item.details.length > 0 ? (
              <ul className={styles.details}>
                {item.details.map((d) => (
                  <li key={d}>
                    <Text size={200}>{d}</Text>
                  </li>
                ))}
              </ul>
            ) : null}
            {item.adoptable?.apps.map((a) => (
              <Button key={a.appId} size="small" onClick={() => onReuse(item.adoptable?.role ?? 'main', a.appId)} aria-label={`Reuse ${a.displayName} (${a.appId})`}>
                Reuse “{a.displayName}” ({a.appId.slice(0, 8)}…)
              </Button>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
