package dev.custodian.crm.http.access;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.ApiKeyId;
import dev.custodian.crm.core.access.InvitationId;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.core.access.port.in.ChangeMemberRoleCommand;
import dev.custodian.crm.core.access.port.in.CreateApiKeyCommand;
import dev.custodian.crm.core.access.port.in.InviteMemberCommand;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** HTTP adapter: a workspace's members, invitations and API keys, and accepting an invitation. */
final class AccessRoutes implements RouteGroup {

  static final String WORKSPACE = "/api/v1/workspaces/{workspaceId}";
  static final String MEMBERS = WORKSPACE + "/members";
  static final String MEMBER = MEMBERS + "/{accountId}";
  static final String INVITATIONS = WORKSPACE + "/invitations";
  static final String INVITATION = INVITATIONS + "/{invitationId}";
  static final String API_KEYS = WORKSPACE + "/api-keys";
  static final String API_KEY = API_KEYS + "/{apiKeyId}";
  static final String ACCEPT = "/api/v1/invitations/accept";

  private final AccessUseCases useCases;

  AccessRoutes(AccessUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.get(MEMBERS).access(Access.permission(Permission.MEMBER_READ))
        .describe("listMembers", "Walk the workspace's members, in the order they joined")
        .respondsPage(AccessMessages.MemberResponse.class, ListOffer.OLDEST_FIRST).handle(this::listMembers);
    table.patch(MEMBER).access(Access.permission(Permission.MEMBER_MANAGE))
        .describe("changeMemberRole", "Give a member another role (OWNER only by an OWNER; never above one's own)")
        .request(AccessMessages.RoleRequest.class).responds(200, AccessMessages.MemberResponse.class)
        .handle(this::changeRole);
    table.delete(MEMBER).access(Access.permission(Permission.MEMBER_MANAGE))
        .describe("removeMember", "Remove a member, or leave the workspace yourself (any member)")
        .responds(204, null).handle(this::remove);
    table.post(INVITATIONS).access(Access.permission(Permission.INVITATION_MANAGE))
        .describe("inviteMember", "Mail an invitation to join with a role")
        .request(AccessMessages.InvitationRequest.class).responds(201, AccessMessages.InvitationResponse.class)
        .handle(this::invite);
    table.get(INVITATIONS).access(Access.permission(Permission.INVITATION_MANAGE))
        .describe("listInvitations", "Walk the workspace's pending invitations, oldest first")
        .respondsPage(AccessMessages.InvitationResponse.class, ListOffer.OLDEST_FIRST).handle(this::listInvitations);
    table.delete(INVITATION).access(Access.permission(Permission.INVITATION_MANAGE))
        .describe("revokeInvitation", "Revoke a pending invitation").responds(204, null).handle(this::revokeInvitation);
    table.post(ACCEPT).access(Access.ACCOUNT)
        .describe("acceptInvitation", "Join a workspace with the mailed invitation token")
        .request(AccessMessages.AcceptRequest.class).responds(200, AccessMessages.MembershipResponse.class)
        .handle(this::accept);
    table.post(API_KEYS).access(Access.permission(Permission.API_KEY_MANAGE))
        .describe("createApiKey", "Make an API key; the key is shown in this answer only")
        .request(AccessMessages.ApiKeyRequest.class).responds(201, AccessMessages.CreatedApiKeyResponse.class)
        .handle(this::createKey);
    table.get(API_KEYS).access(Access.permission(Permission.API_KEY_MANAGE))
        .describe("listApiKeys", "Walk the workspace's API keys (never the keys themselves)")
        .respondsPage(AccessMessages.ApiKeyResponse.class, ListOffer.OLDEST_FIRST).handle(this::listKeys);
    table.delete(API_KEY).access(Access.permission(Permission.API_KEY_MANAGE))
        .describe("revokeApiKey", "Revoke an API key at once").responds(204, null).handle(this::revokeKey);
  }

  void listMembers(Context ctx) {
    page(ctx, useCases.listMembers()::list, AccessMessages.MemberResponse::from);
  }

  void changeRole(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    AccountId member = Requests.idPathParam(ctx, v, "accountId", AccountId::new);
    var body = Requests.jsonBody(ctx, AccessMessages.RoleRequest.class);
    ChangeMemberRoleCommand command = ChangeMemberRoleCommand.of(v, workspace, member, body.role());
    v.throwIfInvalid();
    ctx.json(AccessMessages.MemberResponse.from(useCases.changeMemberRole().change(CurrentActor.of(ctx), command)));
  }

  void remove(Context ctx) {
    deleteOne(ctx, "accountId", AccountId::new, useCases.removeMember()::remove);
  }

  void invite(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    var body = Requests.jsonBody(ctx, AccessMessages.InvitationRequest.class);
    InviteMemberCommand command = InviteMemberCommand.of(v, workspace, body.email(), body.role());
    v.throwIfInvalid();
    ctx.status(HttpStatus.CREATED)
        .json(AccessMessages.InvitationResponse.from(useCases.invite().invite(CurrentActor.of(ctx), command)));
  }

  void listInvitations(Context ctx) {
    page(ctx, useCases.listInvitations()::list, AccessMessages.InvitationResponse::from);
  }

  void revokeInvitation(Context ctx) {
    deleteOne(ctx, "invitationId", InvitationId::new, useCases.revokeInvitation()::revoke);
  }

  void accept(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, AccessMessages.AcceptRequest.class);
    Validator v = new Validator();
    String token = v.required("token", body.token(), t -> t);
    v.throwIfInvalid();
    ctx.json(AccessMessages.MembershipResponse.from(
        useCases.acceptInvitation().accept(CurrentActor.of(ctx).account(), token)));
  }

  void createKey(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    var body = Requests.jsonBody(ctx, AccessMessages.ApiKeyRequest.class);
    CreateApiKeyCommand command = CreateApiKeyCommand.of(v, workspace, body.name(), body.role());
    v.throwIfInvalid();
    ctx.status(HttpStatus.CREATED)
        .json(AccessMessages.CreatedApiKeyResponse.from(useCases.createApiKey().create(CurrentActor.of(ctx), command)));
  }

  void listKeys(Context ctx) {
    page(ctx, useCases.listApiKeys()::list, AccessMessages.ApiKeyResponse::from);
  }

  void revokeKey(Context ctx) {
    deleteOne(ctx, "apiKeyId", ApiKeyId::new, useCases.revokeApiKey()::revoke);
  }

  /** A list route: one page of the path's workspace, each item as its response. */
  private static <T, R> void page(Context ctx, BiFunction<Actor, PageQuery, Page<T>> list, Function<T, R> toResponse) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PageRequest page = Paging.page(ctx, v);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(list.apply(CurrentActor.of(ctx), new PageQuery(workspace, page)), toResponse));
  }

  /** One removal of a workspace's item, as its use case performs it. */
  @FunctionalInterface
  private interface Removal<I> {
    void remove(Actor actor, WorkspaceId workspace, I item);
  }

  /** A removal route: 204 once the item the path names is gone. */
  private static <I> void deleteOne(Context ctx, String parameter, Function<UUID, I> wrap, Removal<I> removal) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    I item = Requests.idPathParam(ctx, v, parameter, wrap);
    v.throwIfInvalid();
    removal.remove(CurrentActor.of(ctx), workspace, item);
    ctx.status(HttpStatus.NO_CONTENT);
  }
}
