/** The parts of a Graph failure the engine branches on (GraphError from the client library). */
export interface GraphErrorInfo {
  status: number | undefined;
  code: string | undefined;
  message: string;
}

export function graphErrorInfo(error: unknown): GraphErrorInfo {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    status: typeof e['statusCode'] === 'number' ? e['statusCode'] : undefined,
    code: typeof e['code'] === 'string' ? e['code'] : undefined,
    message: typeof e['message'] === 'string' ? e['message'] : String(error),
  };
}

export function isNotFound(error: unknown): boolean {
  return graphErrorInfo(error).status === 404;
}

/**
 * Microsoft's eventual consistency right after a create (facts §4.2): the new object is not yet
 * visible where the next call looks for it. Worth waiting out, never worth failing on, and never a
 * missing role: every form below is one that Terraform's azuread provider and Azure CLI retry.
 * - 404 / Directory_ObjectNotFound / "does not exist or one of its queried reference-property
 *   objects are not present": reading or referencing a new object (facts §4.2).
 * - 400 NoBackingApplicationObject: POST /servicePrincipals for a new app (facts §4.2).
 * - 403 Authorization_RequestDenied "…the backing application of the service principal being
 *   created must in the local tenant": the same, as delegated callers see it (Azure/azure-cli#28009,
 *   hashicorp/terraform-provider-azuread#992; a real missing role says "Insufficient privileges").
 * - 400 "Not a valid reference update": appRoleAssignedTo naming a new service principal
 *   (microsoftgraph/microsoft-graph-docs#20133; the azuread provider retries exactly this).
 */
export function isReplicationDelay(error: unknown): boolean {
  const info = graphErrorInfo(error);
  if (info.status === 404) return true;
  const text = `${info.code ?? ''} ${info.message}`;
  if (info.status === 403) return /backing application of the service principal being created must in the local tenant/i.test(text);
  return /NoBackingApplicationObject|does not reference a valid application object|not present|does not exist or one of its queried reference-property|Not a valid reference update/i.test(
    text,
  );
}

/** "Permission entry already exists" and 409s: the thing we wanted is there (facts §5). */
export function isAlreadyExists(error: unknown): boolean {
  const info = graphErrorInfo(error);
  return info.status === 409 || /already exists/i.test(info.message);
}
