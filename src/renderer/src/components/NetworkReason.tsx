import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ reason: { color: tokens.colorPaletteMarigoldForeground2 } });

/** Why an action next to it is disabled while Microsoft can't be reached; referenced by aria-describedby. */
export function NetworkReason({ id, reason }: { id: string; reason: string | undefined }) {
  const styles = useStyles();
  if (!reason) return null;
  return (
    <Text id={id} size={200} block className={styles.reason} data-testid="network-reason">
      {reason}
    </Text>
  );
}
