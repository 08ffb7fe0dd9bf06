import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  colour: string;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  svg: { maxWidth: '100%', height: 'auto' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', padding: `2px ${tokens.spacingHorizontalS}` } },
});

/**
 * A horizontal bar chart in inline SVG (no chart library: a few rects are all it needs). Screen readers get it
 * as one image whose description names every value, and the same numbers are one click away as a table.
 */
export function BarChart(props: { title: string; bars: readonly Bar[]; testId: string }) {
  const styles = useStyles();
  const id = useId();
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const rowHeight = 24;
  const labelWidth = 150;
  const barWidth = 260;
  const height = props.bars.length * rowHeight + 4;
  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <figcaption className={styles.caption} id={`${id}-t`}>
        {props.title}
      </figcaption>
      <svg
        className={styles.svg}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`}
        width={labelWidth + barWidth + 50}
        height={height}
      >
        <desc id={`${id}-d`}>{props.bars.map((b) => `${b.label}: ${b.value}`).join('; ')}</desc>
        {props.bars.map((b, i) => {
          const y = 2 + i * rowHeight;
          const w = Math.round((b.value / max) * barWidth);
          return (
            <g key={b.key}>
              <text className={styles.label} x={labelWidth - 6} y={y + 16} textAnchor="end">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 8} fill={b.colour} />
              <text className={styles.label} x={labelWidth + w + 6} y={y + 16}>
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Show as a table</summary>
        <table className={styles.table}>
          <caption>{props.title}</caption>
          <tbody>
            {props.bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
