import { DirectoryError } from './DirectoryError';
import type { SandboxClock } from '../clock/SandboxClock';
import type { SeededRandom } from '../util/createSeededRandom';
import { isGuid } from '../util/isGuid';
import type { Application, ConsentRecord, DelegatedAdminRelationship, TenantSeed } from './directoryTypes';
import type { TenantDirectory } from './TenantDirectory';

/** Builds a tenant's directory the first time anything touches it (scenario content included). */
export type TenantMaterializer = (seed: TenantSeed, state: SandboxState) => TenantDirectory;

export interface SandboxStateInit {
  seeds: readonly TenantSeed[];
  gdapRelationships: readonly DelegatedAdminRelationship[];
  clock: SandboxClock;
  /** Seeded stream for objects created at run time (consent, control API), so a replayed run gets the same ids. */
  random: SeededRandom;
  materialize: TenantMaterializer;
}

/**
 * All tenants of the sandbox cloud. Client tenants are only seeds until first use, which keeps `--tenants 5000`
 * fast; lookups by id or domain work without materialising anything.
 */
export class SandboxState {
  readonly clock: SandboxClock;
  readonly random: SeededRandom;
  readonly gdapRelationships = new Map<string, DelegatedAdminRelationship>();
  readonly consentRecords: ConsentRecord[] = [];
  private readonly seeds = new Map<string, TenantSeed>();
  private readonly domainIndex = new Map<string, string>();
  private readonly directories = new Map<string, TenantDirectory>();
  /** appId -> home tenant id; applications are global objects addressed by appId at the token endpoint. */
  private readonly applicationHome = new Map<string, string>();
  private readonly materialize: TenantMaterializer;

  constructor(init: SandboxStateInit) {
    this.clock = init.clock;
    this.random = init.random;
    this.materialize = init.materialize;
    for (const seed of init.seeds) {
      this.seeds.set(seed.id, seed);
      if (seed.domainResolvable) this.domainIndex.set(seed.initialDomain.toLowerCase(), seed.id);
    }
    for (const rel of init.gdapRelationships) this.gdapRelationships.set(rel.id, rel);
  }

  tenantSeeds(): IterableIterator<TenantSeed> {
    return this.seeds.values();
  }

  tenantSeed(tenantId: string): TenantSeed | undefined {
    return this.seeds.get(tenantId.toLowerCase());
  }

  /**
   * Resolves the `{tenant}` path segment: a tenant GUID or a verified domain (facts §7.5). A deleted tenant no
   * longer resolves, by id or by domain: Entra answers AADSTS90002 "Tenant ... not found" for it.
   */
  resolveTenant(segment: string): TenantSeed | undefined {
    const seed = this.resolveTenantIncludingDeleted(segment);
    return seed?.deletedDateTime ? undefined : seed;
  }

  /** Like resolveTenant, deleted tenants included (the control API still addresses them). */
  resolveTenantIncludingDeleted(segment: string): TenantSeed | undefined {
    const value = segment.toLowerCase();
    if (isGuid(value)) return this.seeds.get(value);
    const id = this.domainIndex.get(value);
    return id ? this.seeds.get(id) : undefined;
  }

  /** Deletes a client tenant mid-run; its directory is kept so tests can still inspect it. */
  deleteTenant(tenantId: string): TenantSeed {
    const seed = this.clientSeed(tenantId);
    seed.deletedDateTime ??= this.clock.nowIso();
    return seed;
  }

  restoreTenant(tenantId: string): TenantSeed {
    const seed = this.clientSeed(tenantId);
    delete seed.deletedDateTime;
    return seed;
  }

  private clientSeed(tenantId: string): TenantSeed {
    const seed = this.seeds.get(tenantId.toLowerCase());
    if (!seed) throw new DirectoryError(`Unknown tenant ${tenantId}`);
    if (seed.kind === 'partner' || seed.kind === 'microsoft') throw new DirectoryError(`Tenant ${tenantId} is not a client tenant`);
    return seed;
  }

  /** Makes a verified domain resolvable (used when a domain is added to a tenant). */
  indexDomain(domain: string, tenantId: string): void {
    this.domainIndex.set(domain.toLowerCase(), tenantId);
  }

  directory(tenantId: string): TenantDirectory {
    const id = tenantId.toLowerCase();
    const existing = this.directories.get(id);
    if (existing) return existing;
    const seed = this.seeds.get(id);
    if (!seed) throw new DirectoryError(`Unknown tenant ${tenantId}`);
    const directory = this.materialize(seed, this);
    this.directories.set(id, directory);
    return directory;
  }

  isMaterialized(tenantId: string): boolean {
    return this.directories.has(tenantId.toLowerCase());
  }

  materializedDirectories(): IterableIterator<TenantDirectory> {
    return this.directories.values();
  }

  registerApplication(app: Application): void {
    this.applicationHome.set(app.appId, app.sandbox.homeTenantId);
  }

  findApplication(appId: string): Application | undefined {
    const home = this.applicationHome.get(appId.toLowerCase());
    if (!home) return undefined;
    for (const app of this.directory(home).applications.values()) {
      if (app.appId === appId.toLowerCase()) return app;
    }
    return undefined;
  }
}
