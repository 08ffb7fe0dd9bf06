import type { SandboxRuntime } from '../SandboxRuntime';
import type { Router } from '../http/Router';
import { partnerCenterServices } from './partnerCenterServices';
import type { PartnerCenterService } from './PartnerCenterService';
import { defaultPartnerCenterSettings, type PartnerCenterSettings } from './PartnerCenterSettings';
import { createConsentRoute } from './routes/createConsentRoute';
import { customersRoute } from './routes/customersRoute';
import { deleteConsentRoute } from './routes/deleteConsentRoute';
import { listConsentsRoute } from './routes/listConsentsRoute';

/**
 * Registers the Partner Center API emulation on the partnerCenter mount's router (`/partnercenter` prefix, so
 * `/partnercenter/v1/customers` is Microsoft's `/v1/customers`). The mount's middleware (latency, 5xx, 429 per
 * tenant+app) stays in front; the applicationconsents routes add their own 50 rps bucket per application.
 */
export function registerPartnerCenterRoutes(
  router: Router,
  rt: SandboxRuntime,
  options: { settings?: Partial<PartnerCenterSettings> } = {},
): PartnerCenterService {
  const settings: PartnerCenterSettings = { ...defaultPartnerCenterSettings(), ...options.settings };
  router.get('/v1/customers', customersRoute(rt, settings));
  router.get('/v1/customers/:customerId/applicationconsents', listConsentsRoute(rt, settings));
  router.post('/v1/customers/:customerId/applicationconsents', createConsentRoute(rt, settings));
  router.add('DELETE', '/v1/customers/:customerId/applicationconsents/:applicationId', deleteConsentRoute(rt, settings));
  const service: PartnerCenterService = { settings };
  partnerCenterServices.set(rt, service);
  return service;
}
