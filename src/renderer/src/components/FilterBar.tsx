import { Input, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/**
 * The row of search and filter fields above a long list (client tenants, dashboard, activity): a search landmark
 * a screen reader can jump to, each field with a visible label above it, the page's buttons at the end of the row.
 */
export function FilterBar(props: { label: string; className?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.bar, props.className)} role="search" aria-label={props.label}>
      {props.children}
    </div>
  );
}

/** The free-text field of a FilterBar. */
export function FindField(props: { id: string; label: string; placeholder: string; value: string; onChange(value: string): void }) {
  const styles = useStyles();
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <Input id={props.id} contentBefore={<SearchRegular />} placeholder={props.placeholder} value={props.value} onChange={(_, d) => props.onChange(d.value)} />
    </div>
  );
}

/**
 * A choice in a FilterBar. `any` is the first option, the one that filters nothing (value ''); a field with
 * no such option (a sort order) leaves it out.
 */
export function FilterSelect<V extends string>(props: {
  id: string;
  label: string;
  value: V | '';
  any?: string;
  options: readonly { value: V; label: string }[];
  onChange(value: V | ''): void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <Select id={props.id} value={props.value} onChange={(_, d) => props.onChange(d.value as V | '')}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** A label table as FilterSelect options, in the table's order. */
export function optionsOf<V extends string>(labels: Record<V, string>): { value: V; label: string }[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}
