import { z } from 'zod';
import type { PlatformProfile } from '../platform-profile';
import { redirectUriBlockAnswer } from '../answer-schemas';
import { bvoipSsoApp, bvoipSsoOutputs } from './bvoip-sso-app';

export { BVOIP_MTP_REDIRECT_URI } from './bvoip-sso-app';

const answers = z.object({
  portalRedirectUris: redirectUriBlockAnswer('spa'),
});
type Answers = z.infer<typeof answers>;

/** bvoip partner portal (seed 001): multi-tenant SPA app with User.Read.All, for the MTP portal. */
export const bvoipPartnerPortalProfile: PlatformProfile<Answers> = {
  id: 'bvoip-partner-portal',
  name: 'bvoip partner portal',
  guide: { title: 'Setup Microsoft 365 Single Sign-On (SSO) for Partners', manualSteps: 29 },
  questions: [
    {
      id: 'portalRedirectUris',
      kind: 'redirectUris',
      platform: 'spa',
      label: 'Redirect URIs from the MTP portal',
      help: 'In the MTP portal: System › Single sign-on › Configure MTP portal account › Redirect URIs. Copy the whole list and paste it here once, one per line. https://mtp.bvoip.net/users is added for you.',
      required: false,
    },
  ],
  answers,
  apps: (a) => [bvoipSsoApp('bvoip SSO', a.portalRedirectUris)],
  outputs: () => bvoipSsoOutputs(),
  delivery: 'copySheet',
  troubleshooting: [
    {
      symptom: 'Users get an error that URLs are not set correctly',
      cause: 'A redirect URI from the MTP portal is missing on the app registration.',
      fix: 'Run the wizard again with the full list from the MTP portal; it adds what is missing.',
    },
  ],
};
