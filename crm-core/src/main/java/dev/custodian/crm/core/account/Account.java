package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: a person's account on the platform, with the data sign-up asks for and nothing more
 * (ACC-09). Platform-level, not owned by a workspace; its email is unique by
 * {@link EmailAddress#normalised()}. Name, email and organisation are personal data, the hash a
 * secret: {@link #toString()} shows the id only.
 */
public final class Account {

  private final AccountId id;
  private final AccountName name;
  private final EmailAddress email;
  private final OrganisationName organisation;
  private final PasswordHash passwordHash;
  private final Instant emailVerifiedAt;
  private final AgeAttestation ageAttestation;
  private final Instant createdAt;

  private Account(AccountId id, AccountName name, EmailAddress email, OrganisationName organisation,
      PasswordHash passwordHash, Instant emailVerifiedAt, AgeAttestation ageAttestation,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.email = Objects.requireNonNull(email, "email");
    this.organisation = organisation;
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.emailVerifiedAt = emailVerifiedAt == null ? null : Timestamps.micros(emailVerifiedAt);
    this.ageAttestation = Objects.requireNonNull(ageAttestation, "ageAttestation");
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
  }

  /** A new account whose email is not verified yet. */
  public static Account create(AccountId id, AccountName name, EmailAddress email,
      Optional<OrganisationName> organisation, PasswordHash passwordHash,
      AgeAttestation ageAttestation, Instant now) {
    return new Account(id, name, email, organisation.orElse(null), passwordHash, null,
        ageAttestation, now);
  }

  /** Rebuilds a stored account; for persistence adapters only. */
  public static Account reconstitute(AccountId id, AccountName name, EmailAddress email,
      Optional<OrganisationName> organisation, PasswordHash passwordHash,
      Optional<Instant> emailVerifiedAt, AgeAttestation ageAttestation, Instant createdAt) {
    return new Account(id, name, email, organisation.orElse(null), passwordHash,
        emailVerifiedAt.orElse(null), ageAttestation, createdAt);
  }

  public AccountId id() {
    return id;
  }

  public AccountName name() {
    return name;
  }

  public EmailAddress email() {
    return email;
  }

  public Optional<OrganisationName> organisation() {
    return Optional.ofNullable(organisation);
  }

  public PasswordHash passwordHash() {
    return passwordHash;
  }

  /** When the holder proved they receive mail at {@link #email()}; empty until then. */
  public Optional<Instant> emailVerifiedAt() {
    return Optional.ofNullable(emailVerifiedAt);
  }

  public boolean isEmailVerified() {
    return emailVerifiedAt != null;
  }

  public AgeAttestation ageAttestation() {
    return ageAttestation;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Account other
        && id.equals(other.id)
        && name.equals(other.name)
        && email.equals(other.email)
        && Objects.equals(organisation, other.organisation)
        && passwordHash.equals(other.passwordHash)
        && Objects.equals(emailVerifiedAt, other.emailVerifiedAt)
        && ageAttestation.equals(other.ageAttestation)
        && createdAt.equals(other.createdAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** The id only: an account's personal data and hash never reach a log line this way. */
  @Override
  public String toString() {
    return "Account[" + id + "]";
  }
}
