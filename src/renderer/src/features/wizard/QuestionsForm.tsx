import { Field, Input, Radio, RadioGroup, Switch, Textarea, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QuestionDto } from '../../../../shared/domain/onboarding';
import { parseRedirectUriBlock, type RedirectPlatform } from '../../../../shared/domain/redirect-uri';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  lineProblem: { color: tokens.colorPaletteRedForeground1, display: 'block' },
});

/** Line-by-line problems of a pasted redirect URI block, shown as the admin types (same rules as main). */
function RedirectBlockFeedback({ text, platform }: { text: string; platform: RedirectPlatform }) {
  const styles = useStyles();
  const parsed = parseRedirectUriBlock(text, platform);
  if (!text.trim()) return null;
  return (
    <div aria-live="polite">
      <Text size={200}>{parsed.uris.length} redirect URI{parsed.uris.length === 1 ? '' : 's'} ready.</Text>
      {parsed.problems.map((p) => (
        <Text key={`${p.line}-${p.text}`} size={200} className={styles.lineProblem}>
          {p.line > 0 ? `Line ${p.line}: ${p.problem}` : p.problem}
        </Text>
      ))}
    </div>
  );
}

/** The platform's questions, rendered from its profile; errors from main appear under each field. */
export function QuestionsForm(props: {
  questions: QuestionDto[];
  answers: Record<string, unknown>;
  issues: Record<string, string>;
  onChange(id: string, value: unknown): void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.form}>
      {props.questions.map((q) => {
        const value = props.answers[q.id];
        const common = { label: q.label, hint: q.help, validationMessage: props.issues[q.id], required: q.required ?? false };
        switch (q.kind) {
          case 'text':
            return (
              <Field key={q.id} {...common}>
                <Input value={typeof value === 'string' ? value : ''} placeholder={q.placeholder} onChange={(_e, d) => props.onChange(q.id, d.value)} />
              </Field>
            );
          case 'choice':
            return (
              <Field key={q.id} {...common}>
                <RadioGroup value={typeof value === 'string' ? value : ''} onChange={(_e, d) => props.onChange(q.id, d.value)}>
                  {(q.options ?? []).map((o) => (
                    <Radio key={o.value} value={o.value} label={o.help ? `${o.label} — ${o.help}` : o.label} />
                  ))}
                </RadioGroup>
              </Field>
            );
          case 'yesNo':
            return (
              <Field key={q.id} hint={q.help} validationMessage={props.issues[q.id]}>
                <Switch checked={value === true} label={q.label} onChange={(_e, d) => props.onChange(q.id, d.checked)} />
              </Field>
            );
          case 'redirectUris':
            return (
              <Field key={q.id} {...common}>
                <Textarea
                  resize="vertical"
                  rows={6}
                  value={typeof value === 'string' ? value : ''}
                  placeholder="Paste the whole list, one per line"
                  onChange={(_e, d) => props.onChange(q.id, d.value)}
                />
                <RedirectBlockFeedback text={typeof value === 'string' ? value : ''} platform="spa" />
              </Field>
            );
          case 'principals':
            // Checked by main as the admin types (issues come back per line); names are resolved at preview.
            return (
              <Field key={q.id} {...common}>
                <Textarea
                  resize="vertical"
                  rows={5}
                  value={typeof value === 'string' ? value : ''}
                  placeholder={'adele@contoso.com\nClment users'}
                  onChange={(_e, d) => props.onChange(q.id, d.value)}
                />
              </Field>
            );
        }
      })}
    </div>
  );
}
