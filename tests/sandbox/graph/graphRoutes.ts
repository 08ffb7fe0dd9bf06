import type { GraphRoute } from './GraphRoute';
import { applicationRoutes } from './routes/applicationRoutes';
import { appRoleAssignmentRoutes } from './routes/appRoleAssignmentRoutes';
import { conditionalAccessRoutes } from './routes/conditionalAccessRoutes';
import { delegatedAdminRelationshipRoutes } from './routes/delegatedAdminRelationshipRoutes';
import { grantRoutes } from './routes/grantRoutes';
import { groupRoutes } from './routes/groupRoutes';
import { meRoutes } from './routes/meRoutes';
import { servicePrincipalRoutes } from './routes/servicePrincipalRoutes';
import { tenantRelationshipRoutes } from './routes/tenantRelationshipRoutes';
import { userRoutes } from './routes/userRoutes';

/** Every Graph v1.0 operation the sandbox emulates (paths below /v1.0, alternate keys normalised). */
export const graphRoutes: readonly GraphRoute[] = [
  ...meRoutes,
  ...userRoutes,
  ...applicationRoutes,
  ...servicePrincipalRoutes,
  ...appRoleAssignmentRoutes,
  ...grantRoutes,
  ...groupRoutes,
  ...conditionalAccessRoutes,
  ...tenantRelationshipRoutes,
  ...delegatedAdminRelationshipRoutes,
];
