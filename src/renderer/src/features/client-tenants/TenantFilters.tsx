import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TenantFilter } from '../../../../shared/domain/client-tenants';
import { FilterBar, FilterSelect, FindField, optionsOf } from '../../components/FilterBar';
import { sourceLabels, statusLabels } from './tenant-status-text';

const includedOptions = [
  { value: 'true', label: 'Included' },
  { value: 'false', label: 'Excluded' },
] as const;

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
    <FilterBar label="Filter client tenants">
      <FindField id="tenant-filter-text" label="Find" placeholder="Name, domain or tenant ID" value={text} onChange={setText} />
      <FilterSelect
        id="tenant-filter-status"
        label="Status"
        any="Any status"
        value={props.filter.statuses?.[0] ?? ''}
        options={optionsOf(statusLabels)}
        onChange={(v) => set({ statuses: v ? [v] : undefined })}
      />
      <FilterSelect
        id="tenant-filter-source"
        label="Source"
        any="Any source"
        value={props.filter.sources?.[0] ?? ''}
        options={optionsOf(sourceLabels)}
        onChange={(v) => set({ sources: v ? [v] : undefined })}
      />
      <FilterSelect
        id="tenant-filter-included"
        label="Included"
        any="Included or not"
        value={props.filter.included === undefined ? '' : props.filter.included ? 'true' : 'false'}
        options={includedOptions}
        onChange={(v) => set({ included: v === '' ? undefined : v === 'true' })}
      />
      <Button disabled={props.busy || !props.matching} onClick={() => props.onIncludeMatching(true)}>
        Include all {props.matching ?? ''} matching
      </Button>
      <Button disabled={props.busy || !props.matching} onClick={() => props.onIncludeMatching(false)}>
        Exclude all {props.matching ?? ''} matching
      </Button>
    </FilterBar>
  );
}
