package dev.custodian.crm.core.company;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: an organisation the workspace keeps in its CRM, which contacts may work for.
 * Tenant-owned; its domain, when it has one, is unique among the workspace's companies. Every
 * change makes a new instance with the next {@link #version()}, which optimistic locking compares.
 */
public final class Company {

  private final WorkspaceId workspace;
  private final CompanyId id;
  private final CompanyName name;
  private final CompanyDomain domain;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;
  private final CustomValues custom;

  private Company(WorkspaceId workspace, CompanyId id, CompanyName name, CompanyDomain domain,
      Instant createdAt, Instant updatedAt, long version) {
    this(workspace, id, name, domain, createdAt, updatedAt, version, CustomValues.NONE);
  }

  private Company(WorkspaceId workspace, CompanyId id, CompanyName name, CompanyDomain domain,
      Instant createdAt, Instant updatedAt, long version, CustomValues custom) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.domain = domain;
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
    this.custom = Objects.requireNonNull(custom, "custom");
  }

  /** A new company at version 1. */
  public static Company create(WorkspaceId workspace, CompanyId id, CompanyName name,
      Optional<CompanyDomain> domain, Instant now) {
    return new Company(workspace, id, name, domain.orElse(null), now, now, 1);
  }

  /** Rebuilds a stored company; for persistence adapters only. */
  public static Company reconstitute(WorkspaceId workspace, CompanyId id, CompanyName name,
      Optional<CompanyDomain> domain, Instant createdAt, Instant updatedAt, long version) {
    return new Company(workspace, id, name, domain.orElse(null), createdAt, updatedAt, version);
  }

  /** This company with the given values, at the next version. */
  public Company changed(CompanyName name, Optional<CompanyDomain> domain, Instant now) {
    return new Company(workspace, id, name, domain.orElse(null), createdAt, now, version + 1, custom);
  }

  /**
   * This company carrying {@code custom}, its custom field values (stored apart from it, read with
   * it), at the same version.
   */
  public Company withCustom(CustomValues custom) {
    return new Company(workspace, id, name, domain, createdAt, updatedAt, version, custom);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public CompanyId id() {
    return id;
  }

  public CompanyName name() {
    return name;
  }

  public Optional<CompanyDomain> domain() {
    return Optional.ofNullable(domain);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** Its custom field values, sensitive ones included; {@link CustomValues#NONE} when it has none. */
  public CustomValues custom() {
    return custom;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Company other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && name.equals(other.name)
        && Objects.equals(domain, other.domain)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version
        && custom.equals(other.custom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  /** Ids and version only, as for contacts. */
  @Override
  public String toString() {
    return "Company[" + workspace + "/" + id + " v" + version + "]";
  }
}
