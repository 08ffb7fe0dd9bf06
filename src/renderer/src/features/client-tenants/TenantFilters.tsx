import { Button, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { TenantFilter, TenantSourceKind, TenantStatusKind } from '../../../../shared/domain/client-tenants';
import { sourceLabels, statusLabels } from './tenant-status-text';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/**
 * The list's filter: text (name, domain or tenant ID; applied as the admin pauses typing), status, source and
 * included. "Include/Exclude all matching" apply the choice to every tenant the filter matches, not only the
 * rows on screen.
 */
export function TenantFilters(props: {
  filter: TenantFilter;
  onChange(filter: TenantFilter): void;
  matching: number | undefined;
  onIncludeMatching(included: boolean): void;
  busy: boolean;
}) {
  const styles = useStyles();
  const [text, setText] = useState(props.filter.text ?? '');
  const { onChange, filter } = props;
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.text ?? '') !== text.trim()) onChange({ ...filter, ...(text.trim() ? { text: text.trim() } : { text: undefined }) });
    }, 150);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  const set = (patch: Partial<TenantFilter>) => {
    const next: TenantFilter = { ...props.filter, ...patch };
    for (const k of Object.keys(next) as (keyof TenantFilter)[]) if (next[k] === undefined) delete next[k];
    props.onChange(next);
  };

  return (
    <div className={styles.row} role="search" aria-label="Filter client tenants">
      <div className={styles.field}>
        <label htmlFor="tenant-filter-text">Find</label>
        <Input id="tenant-filter-text" contentBefore={<SearchRegular />} placeholder="Name, domain or tenant ID" value={text} onChange={(_, d) => setText(d.value)} />
      </div>
      <div className={styles.field}>
        <label htmlFor="tenant-filter-status">Status</label>
        <Select id="tenant-filter-status" value={props.filter.statuses?.[0] ?? ''} onChange={(_, d) => set({ statuses: d.value ? [d.value as TenantStatusKind] : undefined })}>
          <option value="">Any status</option>
          {(Object.keys(statusLabels) as TenantStatusKind[]).map((k) => (
            <option key={k} value={k}>
              {statusLabels[k]}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.field}>
        <label htmlFor="tenant-filter-source">Source</label>
        <Select id="tenant-filter-source" value={props.filter.sources?.[0] ?? ''} onChange={(_, d) => set({ sources: d.value ? [d.value as TenantSourceKind] : undefined })}>
          <option value="">Any source</option>
          {(Object.keys(sourceLabels) as TenantSourceKind[]).map((k) => (
            <option key={k} value={k}>
              {sourceLabels[k]}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.field}>
        <label htmlFor="tenant-filter-included">Included</label>
        <Select
          id="tenant-filter-included"
          value={props.filter.included === undefined ? '' : String(props.filter.included)}
          onChange={(_, d) => set({ included: d.value === '' ? undefined : d.value === 'true' })}
        >
          <option value="">Included or not</option>
          <option value="true">Included</option>
          <option value="false">Excluded</option>
        </Select>
      </div>
      <Button disabled={props.busy || !props.matching} onClick={() => props.onIncludeMatching(true)}>
        Include all {props.matching ?? ''} matching
      </Button>
      <Button disabled={props.busy || !props.matching} onClick={() => props.onIncludeMatching(false)}>
        Exclude all {props.matching ?? ''} matching
      </Button>
    </div>
  );
}
