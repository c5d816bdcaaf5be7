package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: a purpose a workspace declares it processes contacts' data for (CON-08), with its
 * lawful basis. The key and the basis never change (the ledger's entries name both); a basis other
 * than CONSENT carries its justification. A retired purpose stays, so its history keeps its name,
 * but the guard refuses any processing for it. Every change is a new {@link #version()}.
 */
public final class Purpose {

  private final WorkspaceId workspace;
  private final PurposeKey key;
  private final PurposeText name;
  private final PurposeText description;
  private final LegalBasis basis;
  private final PurposeText basisJustification;
  private final boolean directMarketing;
  private final boolean doubleOptIn;
  private final Instant retiredAt;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Purpose(WorkspaceId workspace, PurposeKey key, PurposeText name, PurposeText description,
      LegalBasis basis, PurposeText basisJustification, boolean directMarketing, boolean doubleOptIn,
      Instant retiredAt, Instant createdAt, Instant updatedAt, long version) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.key = Objects.requireNonNull(key, "key");
    this.name = Objects.requireNonNull(name, "name");
    this.description = description;
    this.basis = Objects.requireNonNull(basis, "basis");
    this.basisJustification = basisJustification;
    if (basis != LegalBasis.CONSENT && basisJustification == null) {
      throw new IllegalArgumentException("a basis other than CONSENT needs its justification");
    }
    if (doubleOptIn && basis != LegalBasis.CONSENT) {
      throw new IllegalArgumentException("double opt-in is for CONSENT purposes");
    }
    this.directMarketing = directMarketing;
    this.doubleOptIn = doubleOptIn;
    this.retiredAt = retiredAt == null ? null : Timestamps.micros(retiredAt);
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
  }

  /** A new, current purpose at version 1. */
  public static Purpose create(WorkspaceId workspace, PurposeKey key, PurposeText name,
      Optional<PurposeText> description, LegalBasis basis, Optional<PurposeText> basisJustification,
      boolean directMarketing, boolean doubleOptIn, Instant now) {
    return new Purpose(workspace, key, name, description.orElse(null), basis, basisJustification.orElse(null),
        directMarketing, doubleOptIn, null, now, now, 1);
  }

  /** Rebuilds a stored purpose; for persistence adapters only. */
  public static Purpose reconstitute(WorkspaceId workspace, PurposeKey key, PurposeText name,
      Optional<PurposeText> description, LegalBasis basis, Optional<PurposeText> basisJustification,
      boolean directMarketing, boolean doubleOptIn, Optional<Instant> retiredAt, Instant createdAt,
      Instant updatedAt, long version) {
    return new Purpose(workspace, key, name, description.orElse(null), basis, basisJustification.orElse(null),
        directMarketing, doubleOptIn, retiredAt.orElse(null), createdAt, updatedAt, version);
  }

  /** This purpose with the given changeable values, at the next version; key and basis stay. */
  public Purpose changed(PurposeText name, Optional<PurposeText> description, Optional<PurposeText> basisJustification,
      boolean directMarketing, boolean doubleOptIn, Instant now) {
    return new Purpose(workspace, key, name, description.orElse(null), basis, basisJustification.orElse(null),
        directMarketing, doubleOptIn, retiredAt, createdAt, now, version + 1);
  }

  /** This purpose retired at {@code now}, at the next version. */
  public Purpose retired(Instant now) {
    return new Purpose(workspace, key, name, description, basis, basisJustification, directMarketing, doubleOptIn,
        now, createdAt, now, version + 1);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public PurposeKey key() {
    return key;
  }

  public PurposeText name() {
    return name;
  }

  public Optional<PurposeText> description() {
    return Optional.ofNullable(description);
  }

  public LegalBasis basis() {
    return basis;
  }

  public Optional<PurposeText> basisJustification() {
    return Optional.ofNullable(basisJustification);
  }

  /** Whether processing for it is direct marketing, to which a person may always object (Art. 21(2)). */
  public boolean directMarketing() {
    return directMarketing;
  }

  /** Whether consent to it is granted only by a confirmed mailed link (or an import of one). */
  public boolean doubleOptIn() {
    return doubleOptIn;
  }

  public Optional<Instant> retiredAt() {
    return Optional.ofNullable(retiredAt);
  }

  public boolean isRetired() {
    return retiredAt != null;
  }

  /** Whether a person may object to processing for it: an objectable basis, or direct marketing. */
  public boolean objectable() {
    return directMarketing || basis.objectable();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Purpose other
        && workspace.equals(other.workspace)
        && key.equals(other.key)
        && name.equals(other.name)
        && Objects.equals(description, other.description)
        && basis == other.basis
        && Objects.equals(basisJustification, other.basisJustification)
        && directMarketing == other.directMarketing
        && doubleOptIn == other.doubleOptIn
        && Objects.equals(retiredAt, other.retiredAt)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, key);
  }

  @Override
  public String toString() {
    return "Purpose[" + workspace + "/" + key + " v" + version + "]";
  }
}
