import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/result';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface FormDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  busyLabel: string;
  destructive?: boolean;
  /** An error not tied to one field (field errors are shown by the fields themselves). */
  error: AppErrorShape | undefined;
  onSubmit(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal form: Enter submits, Escape cancels, the submit button says what is happening, and the
 * dialog stays open with everything typed kept when the submit fails.
 */
export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await props.onSubmit();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={(_e, data) => (!data.open && !busy ? props.onClose() : undefined)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              {props.children}
              {props.error ? <ErrorBar error={props.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                appearance="primary"
                type="submit"
                disabled={busy}
                style={props.destructive ? { backgroundColor: tokens.colorPaletteRedBackground3 } : undefined}
              >
                {busy ? props.busyLabel : props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
