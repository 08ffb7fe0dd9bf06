import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text } from '@fluentui/react-components';
import type { WizardDto } from '../../../../shared/domain/onboarding';

/** The platform guide's troubleshooting table, for when users report a problem after setup. */
export function TroubleshootingList({ entries }: { entries: WizardDto['troubleshooting'] }) {
  if (entries.length === 0) return null;
  return (
    <Accordion collapsible aria-label="If users report a problem">
      <AccordionItem value="troubleshooting">
        <AccordionHeader>If users report a problem</AccordionHeader>
        <AccordionPanel>
          <dl>
            {entries.map((e) => (
              <div key={e.symptom} data-testid="troubleshooting-entry">
                <dt>
                  <Text weight="semibold">{e.symptom}</Text>
                </dt>
                <dd>
                  <Text>
                    {e.cause} {e.fix}
                  </Text>
                </dd>
              </div>
            ))}
          </dl>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
