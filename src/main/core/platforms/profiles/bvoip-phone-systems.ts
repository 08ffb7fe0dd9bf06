import { z } from 'zod';
import type { ChecklistItem, PlatformProfile } from '../platform-profile';
import { redirectUriBlockAnswer } from '../answer-schemas';
import { bvoipSsoApp, bvoipSsoOutputs } from './bvoip-sso-app';

/** The guide's dead end (seed 004, "Flat/Direct"), in its own words, with the way out it offers. */
export const FLAT_PER_CUSTOMER_MESSAGE =
  'With a flat structure, bvoip says “your customers would need to be moved to the nested structure to support individual custom domains per client”. ' +
  'Create a support ticket with bvoip: their team moves the phone system under a nested customer after a brief outage. Then choose Nested here.';

const answers = z
  .object({
    purpose: z.enum(['internal', 'resale'], { error: 'Choose internal use or resale.' }).default('internal'),
    // Only read for resale, and structure only for a domain per customer: the form shows every
    // question, so an answer to a question that does not apply is kept but ignored (see pathOf).
    domainModel: z.enum(['whiteLabel', 'perCustomer'], { error: 'Choose one white-label domain or a domain per customer.' }).default('whiteLabel'),
    structure: z.enum(['nested', 'flat'], { error: 'Choose nested or flat.' }).default('nested'),
    phoneSystemName: z
      .string({ error: 'Name the phone system this workspace is for.' })
      .trim()
      .min(1, 'Name the phone system this workspace is for.')
      .max(100, 'Keep the phone system name to 100 characters or fewer.'),
    portalRedirectUris: redirectUriBlockAnswer('spa'),
  })
  .superRefine((a, ctx) => {
    if (a.purpose === 'resale' && a.domainModel === 'perCustomer' && a.structure === 'flat') {
      ctx.addIssue({ code: 'custom', path: ['structure'], message: FLAT_PER_CUSTOMER_MESSAGE });
    }
  });
type Answers = z.infer<typeof answers>;

/** The guide's three working paths through its decision tree. */
export type BvoipPhoneSystemPath = 'internal' | 'whiteLabel' | 'nested';

/** Which path valid answers take; flat with a domain per customer never gets here (the schema refuses it). */
export function pathOf(a: Answers): BvoipPhoneSystemPath {
  if (a.purpose === 'internal') return 'internal';
  return a.domainModel === 'whiteLabel' ? 'whiteLabel' : 'nested';
}

/** The MTP portal's "Configure MTP portal account" (seed 001, steps 10, 11 and 29): the Entra side is ours. */
const mtpAccountText = 'enter the values above in System › Single sign-on › Configure MTP portal account: type Microsoft, the Application (client) ID and Directory (tenant) ID, then the client secret, and Save changes';

function checklistOf(a: Answers): ChecklistItem[] {
  const path = pathOf(a);
  const name = a.phoneSystemName;
  // The partner-level steps happen where the phone system lives: the partner's own portal, or the
  // customer's impersonation view when customers are nested (seed 004, sync step 1.1).
  const before: ChecklistItem[] =
    path === 'nested'
      ? [
          {
            key: 'openCustomer',
            text: 'Open the customer’s system under System › Customers (impersonation) first (Accessing Customers as a Pax8 Reseller)',
            help: 'Every step below is done in the customer’s impersonation view.',
          },
          {
            key: 'customerSubdomain',
            text: 'Change the Control Portal subdomain to the customer’s preference, or set up a full custom domain (Changing the Control Portal Subdomain)',
          },
          {
            key: 'customerMtpAccount',
            text: `In the customer’s view, ${mtpAccountText}`,
            help: 'The partner-level SSO must be set up at the same level as the phone system: for a nested customer, under their impersonation view.',
          },
        ]
      : [
          {
            key: 'partnerSubdomain',
            text:
              path === 'whiteLabel'
                ? 'Change the Control Portal subdomain to your white-label domain, or set up a full custom domain (Changing the Control Portal Subdomain)'
                : 'Change the Control Portal subdomain to your preference (Changing the Control Portal Subdomain)',
            help: 'Done once for your partner portal: if you already did it for another phone system, tick it.',
          },
          {
            key: 'partnerMtpAccount',
            text: `In your MTP portal, ${mtpAccountText}`,
            help: 'Done once for your partner portal: if these values are already there, tick it.',
          },
        ];
  return [
    ...before,
    {
      key: 'activateIntegration',
      text: `Activate the Microsoft 365 integration for ${name} AND ADD A USER (Activating the Microsoft 365 Integration)`,
      help: 'SSO works for every user added to the integration. If you set it up before 8 August 2024, redo its Reprovision Account step so the new permissions are added.',
    },
    {
      key: 'sync',
      text: 'In System › Single sign-on, click Sync',
      help: `If ${name} does not appear, no user was added to its Microsoft 365 integration.`,
    },
    {
      key: 'checkSynced',
      text: `Check that ${name} shows “Microsoft XXX.bvoip.net” next to the Microsoft Multi-Tenant Portal record`,
      help: 'XXX is the phone system’s own bvoip.net name. The eye icon shows which users are set up for SSO; they can now use the SSO button on the customized login page.',
    },
  ];
}

/**
 * bvoip phone systems (seed 004): the guide's decision tree as questions, the partner-level SSO app
 * it sends the admin to (seed 001) at the right level, and what is left to do in bvoip's portal,
 * kept per phone system (one workspace each).
 */
export const bvoipPhoneSystemsProfile: PlatformProfile<Answers> = {
  id: 'bvoip-phone-systems',
  name: 'bvoip phone systems',
  // 38 on the longest path (resale, a domain per customer, nested): the decision tree's 3 choices;
  // the nested branch's "access the customer" and "change the subdomain" (2); the 29 numbered steps
  // of the partner-level guide it sends you to (seed 001, counted once though both the branch and
  // sync step 1 name it); sync steps 2 to 5 (activate and add a user, go to Single sign-on, click
  // Sync, check the synced record: 4). Sync step 6 is the outcome, not an action. Internal use is
  // 1 + 1 + 29 + 4 = 35, one white-label domain 2 + 1 + 29 + 4 = 36.
  guide: { title: 'Setup Microsoft 365 Single Sign-On (SSO) for Phone Systems', manualSteps: 38 },
  questions: [
    {
      id: 'purpose',
      kind: 'choice',
      label: 'Are you setting up SSO for internal use, or resale?',
      options: [
        { value: 'internal', label: 'Internal', help: 'your own phone system' },
        { value: 'resale', label: 'Resale', help: 'a customer’s phone system' },
      ],
      default: 'internal',
    },
    {
      id: 'domainModel',
      kind: 'choice',
      label: 'Where do your customers sign in?',
      help: 'Only for resale; ignored for internal use.',
      options: [
        { value: 'whiteLabel', label: 'Single white-label domain', help: 'your customized domain, for every customer' },
        { value: 'perCustomer', label: 'Custom domain per customer', help: 'each customer’s own customized domain' },
      ],
      default: 'whiteLabel',
    },
    {
      id: 'structure',
      kind: 'choice',
      label: 'Are your customers nested in their own portals, or flat?',
      help: 'Only for a custom domain per customer. If you have customers listed under System › Customers, you’re nested.',
      options: [
        { value: 'nested', label: 'Nested', help: 'the default for Pax8' },
        { value: 'flat', label: 'Flat/Direct', help: 'the default for direct partners' },
      ],
      default: 'nested',
    },
    {
      id: 'phoneSystemName',
      kind: 'text',
      label: 'Phone system name',
      help: 'The phone system this workspace is for. Use one workspace per phone system: the checklist at the end is kept for it.',
      placeholder: 'Contoso Dental',
      required: true,
    },
    {
      id: 'portalRedirectUris',
      kind: 'redirectUris',
      platform: 'spa',
      label: 'Redirect URIs from the MTP portal',
      help: 'For the domain this phone system uses (for a nested customer, in their impersonation view): System › Single sign-on › Configure MTP portal account › Redirect URIs. Copy the whole list and paste it here once, one per line. https://mtp.bvoip.net/users is added for you.',
      required: false,
    },
  ],
  answers,
  // A partner-level integration under a nested customer's impersonation view is its own app, so it
  // is named after the phone system; otherwise it is the partner's one "bvoip SSO" app, which the
  // preview offers to reuse when the partner portal workspace has already created it.
  apps: (a) => [bvoipSsoApp(pathOf(a) === 'nested' ? `bvoip SSO – ${a.phoneSystemName}` : 'bvoip SSO', a.portalRedirectUris)],
  outputs: () => [
    ...bvoipSsoOutputs(),
    { key: 'phoneSystemName', label: 'Phone system', source: { from: 'answer', question: 'phoneSystemName' }, secret: false },
  ],
  checklist: checklistOf,
  delivery: 'copySheet',
  troubleshooting: [
    {
      symptom: 'A customer can’t sign in on a customized domain: an error says URLs are not set correctly',
      cause: 'For a Pax8 (nested) customer, the partner-level SSO was not set up under System › Customers; or the integration was not synced.',
      fix: 'Work through the checklist for this phone system: the MTP portal account in the customer’s view, then Sync, then check “Microsoft XXX.bvoip.net” shows next to the Microsoft Multi-Tenant Portal record.',
    },
    {
      symptom: 'The phone system does not appear after clicking Sync',
      cause: 'No user was added to the phone system’s Microsoft 365 integration.',
      fix: 'Add a user to the integration, then click Sync again.',
    },
    {
      symptom: 'A redirect URI error at sign-in',
      cause: 'A redirect URI from the MTP portal is missing on the app registration.',
      fix: 'Run the wizard again with the full list from the MTP portal; it adds what is missing.',
    },
  ],
};
