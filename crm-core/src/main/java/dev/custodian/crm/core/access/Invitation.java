package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation to join a workspace with a role, mailed to an address. Its single-use token is the
 * mail's (minted when it is sent, stored only as its SHA-256); the invitation is pending until it is
 * accepted, revoked, replaced by a newer one to the address, or expired. The email is personal
 * data: {@link #toString()} leaves it out.
 */
public record Invitation(InvitationId id, WorkspaceId workspace, EmailAddress email, Role role, AccountId invitedBy,
    Instant createdAt, Instant expiresAt, Optional<Instant> acceptedAt, Optional<Instant> revokedAt) {

  public Invitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(invitedBy, "invitedBy");
    createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    expiresAt = Timestamps.micros(Objects.requireNonNull(expiresAt, "expiresAt"));
    acceptedAt = Objects.requireNonNull(acceptedAt, "acceptedAt").map(Timestamps::micros);
    revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").map(Timestamps::micros);
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("an invitation expires after it is made");
    }
  }

  /** A new, pending invitation. */
  public static Invitation create(InvitationId id, WorkspaceId workspace, EmailAddress email, Role role,
      AccountId invitedBy, Instant now, Instant expiresAt) {
    return new Invitation(id, workspace, email, role, invitedBy, now, expiresAt, Optional.empty(), Optional.empty());
  }

  /** Neither accepted nor revoked, and not expired at {@code now}. */
  public boolean isPendingAt(Instant now) {
    return acceptedAt.isEmpty() && revokedAt.isEmpty() && now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "Invitation[id=" + id + ", workspace=" + workspace + ", role=" + role + "]";
  }
}
