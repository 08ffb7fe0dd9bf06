import { makeStyles, tokens } from '@fluentui/react-components';

/** The look the windowed tables share (client tenants, dashboard): a scrolling frame with a sticky header. */
export const useWindowedTableStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    textAlign: 'left',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalS}`,
    height: '36px',
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  td: { padding: `0 ${tokens.spacingHorizontalS}`, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  reason: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  nameButton: { maxWidth: '100%', justifyContent: 'flex-start', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});
