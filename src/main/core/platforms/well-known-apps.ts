/** First-party Microsoft APIs the profiles ask permissions on (shared/data/README.md). */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const PARTNER_CENTER_APP_ID = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';

/** OpenID Connect sign-in scopes plus the signed-in user's profile: what "Sign in with Microsoft" needs. */
export const SIGN_IN_SCOPES = ['openid', 'profile', 'email', 'User.Read'];
