package dev.custodian.crm.http.access;

import dev.custodian.crm.core.access.Invitation;
import dev.custodian.crm.core.access.Member;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.access.port.in.CreatedApiKey;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.common.EmailAddress;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Bodies and answers of the access routes: plain records, roles in lower case. */
final class AccessMessages {

  private AccessMessages() {}

  static String roleName(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  /** {@code PATCH .../members/{accountId}}. */
  record RoleRequest(String role) {}

  /** {@code POST .../invitations}. */
  record InvitationRequest(String email, String role) {}

  /** {@code POST /api/v1/invitations/accept}. */
  record AcceptRequest(String token) {}

  /** {@code POST .../api-keys}. */
  record ApiKeyRequest(String name, String role) {}

  /** A member; {@code name} and {@code email} are left out for an account the platform does not hold. */
  record MemberResponse(UUID accountId, String name, String email, String role, Instant joinedAt) {

    static MemberResponse from(Member member) {
      return new MemberResponse(member.account().value(), member.name().map(AccountName::value).orElse(null),
          member.email().map(EmailAddress::value).orElse(null), roleName(member.role()), member.joinedAt());
    }

    static MemberResponse from(Membership membership) {
      return new MemberResponse(membership.account().value(), null, null, roleName(membership.role()),
          membership.joinedAt());
    }
  }

  /** The workspace an accepted invitation made the caller a member of. */
  record MembershipResponse(UUID workspaceId, String role, Instant joinedAt) {

    static MembershipResponse from(Membership membership) {
      return new MembershipResponse(membership.workspace().value(), roleName(membership.role()), membership.joinedAt());
    }
  }

  /** A pending invitation (never its token). */
  record InvitationResponse(UUID id, String email, String role, UUID invitedBy, Instant createdAt, Instant expiresAt) {

    static InvitationResponse from(Invitation invitation) {
      return new InvitationResponse(invitation.id().value(), invitation.email().value(), roleName(invitation.role()),
          invitation.invitedBy().value(), invitation.createdAt(), invitation.expiresAt());
    }
  }

  /** An API key as listed: never the key. */
  record ApiKeyResponse(UUID id, String name, String role, UUID createdBy, Instant createdAt, Instant lastUsedAt) {

    static ApiKeyResponse from(WorkspaceApiKey key) {
      return new ApiKeyResponse(key.id().value(), key.name().value(), roleName(key.role()), key.createdBy().value(),
          key.createdAt(), key.lastUsedAt().orElse(null));
    }
  }

  /** A key just made, with the key itself: the one time it is shown. */
  record CreatedApiKeyResponse(UUID id, String name, String role, UUID createdBy, Instant createdAt, String key) {

    static CreatedApiKeyResponse from(CreatedApiKey created) {
      WorkspaceApiKey key = created.key();
      return new CreatedApiKeyResponse(key.id().value(), key.name().value(), roleName(key.role()), key.createdBy().value(),
          key.createdAt(), created.token());
    }
  }
}
