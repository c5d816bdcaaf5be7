package dev.custodian.crm.core.access.port.in;

import java.util.Objects;

/** The access feature's in-ports (members, invitations, API keys), handed out together. */
public record AccessUseCases(ListMembersUseCase listMembers, ChangeMemberRoleUseCase changeMemberRole,
    RemoveMemberUseCase removeMember, InviteMemberUseCase invite, ListInvitationsUseCase listInvitations,
    RevokeInvitationUseCase revokeInvitation, AcceptInvitationUseCase acceptInvitation,
    CreateApiKeyUseCase createApiKey, ListApiKeysUseCase listApiKeys, RevokeApiKeyUseCase revokeApiKey,
    AuthenticateApiKeyUseCase authenticateApiKey) {

  public AccessUseCases {
    Objects.requireNonNull(listMembers, "listMembers");
    Objects.requireNonNull(changeMemberRole, "changeMemberRole");
    Objects.requireNonNull(removeMember, "removeMember");
    Objects.requireNonNull(invite, "invite");
    Objects.requireNonNull(listInvitations, "listInvitations");
    Objects.requireNonNull(revokeInvitation, "revokeInvitation");
    Objects.requireNonNull(acceptInvitation, "acceptInvitation");
    Objects.requireNonNull(createApiKey, "createApiKey");
    Objects.requireNonNull(listApiKeys, "listApiKeys");
    Objects.requireNonNull(revokeApiKey, "revokeApiKey");
    Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
  }
}
