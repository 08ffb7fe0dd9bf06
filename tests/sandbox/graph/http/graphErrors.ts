import { GraphHttpError } from './GraphHttpError';

/** The directory errors Graph answers with, worded as facts §9.1, §4 and §5 record them. */
export const graphErrors = {
  notFound: (id: string): GraphHttpError =>
    new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  badRequest: (message: string, target?: string): GraphHttpError =>
    new GraphHttpError(400, 'Request_BadRequest', message, target ? { target } : {}),
  invalidProperty: (property: string, resource: string): GraphHttpError =>
    // facts §2: Graph names the complex property, not the bad element.
    new GraphHttpError(400, 'Request_BadRequest', `Invalid value specified for property '${property}' of resource '${resource}'.`),
  missingProperty: (property: string, resource: string): GraphHttpError =>
    new GraphHttpError(400, 'Request_BadRequest', `A value is required for property '${property}' of resource '${resource}'.`),
  unknownProperty: (property: string, type: string): GraphHttpError =>
    new GraphHttpError(
      400,
      'BadRequest',
      `The property '${property}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    ),
  insufficientPrivileges: (): GraphHttpError =>
    new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  invalidToken: (message: string): GraphHttpError => new GraphHttpError(401, 'InvalidAuthenticationToken', message),
  conflict: (message: string): GraphHttpError =>
    new GraphHttpError(409, 'Request_MultipleObjectsWithSameKeyValue', message, {
      details: [{ code: 'ObjectConflict', message, target: 'None' }],
    }),
  unsupportedQuery: (property: string, resource: string): GraphHttpError =>
    new GraphHttpError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`),
  // Graph's answer to a path segment it cannot resolve: 400, code BadRequest, "Resource not found for the segment
  // 'auditLog'." (microsoftgraph/msgraph-beta-sdk-python#764; also microsoftgraph/microsoft-graph-docs#4052).
  segmentNotFound: (segment: string): GraphHttpError =>
    new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
};
