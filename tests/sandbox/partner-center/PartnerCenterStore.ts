import type { SandboxState } from '../model/SandboxState';

/** One applicationconsents entry as Partner Center made it (facts §8.1 body, plus what it created). */
export interface ApplicationConsentEntry {
  customerId: string;
  applicationId: string;
  displayName: string | null;
  /** Resource appIds the consent covered; the scopes themselves are read live from the grants. */
  enterpriseApplicationIds: string[];
  /** The directory's consent record for this consent (state.consentRecords), removed again on DELETE. */
  consentRecordId: string;
  createdDateTime: string;
}

/** Partner Center-side data the shared model has no field for; one per SandboxState, so a reset clears it. */
export class PartnerCenterStore {
  /** customer tenant id -> applicationId -> entry. */
  private readonly consents = new Map<string, Map<string, ApplicationConsentEntry>>();

  consentsOf(customerId: string): ApplicationConsentEntry[] {
    return [...(this.consents.get(customerId.toLowerCase())?.values() ?? [])];
  }

  findConsent(customerId: string, applicationId: string): ApplicationConsentEntry | undefined {
    return this.consents.get(customerId.toLowerCase())?.get(applicationId.toLowerCase());
  }

  putConsent(entry: ApplicationConsentEntry): void {
    const customerId = entry.customerId.toLowerCase();
    const perCustomer = this.consents.get(customerId) ?? new Map<string, ApplicationConsentEntry>();
    perCustomer.set(entry.applicationId.toLowerCase(), entry);
    this.consents.set(customerId, perCustomer);
  }

  removeConsent(customerId: string, applicationId: string): void {
    this.consents.get(customerId.toLowerCase())?.delete(applicationId.toLowerCase());
  }
}

const stores = new WeakMap<SandboxState, PartnerCenterStore>();

export function partnerCenterStoreFor(state: SandboxState): PartnerCenterStore {
  let store = stores.get(state);
  if (!store) {
    store = new PartnerCenterStore();
    stores.set(state, store);
  }
  return store;
}
