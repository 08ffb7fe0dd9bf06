import { z } from 'zod';

/**
 * facts §8.1 request body: applicationId, applicationGrants[{enterpriseApplicationId, scope}] with a
 * comma-separated scope, and the SDK's optional displayName.
 */
export const applicationConsentBody = z.object({
  applicationId: z.string().min(1),
  displayName: z.string().nullish(),
  applicationGrants: z
    .array(z.object({ enterpriseApplicationId: z.string().min(1), scope: z.string() }))
    .min(1),
});

export type ApplicationConsentBody = z.infer<typeof applicationConsentBody>;
