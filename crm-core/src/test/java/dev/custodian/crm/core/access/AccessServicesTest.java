package dev.custodian.crm.core.access;

import static dev.custodian.crm.core.account.AccountFixtures.anAccountWithEmail;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.core.access.port.in.ChangeMemberRoleCommand;
import dev.custodian.crm.core.access.port.in.CreateApiKeyCommand;
import dev.custodian.crm.core.access.port.in.CreatedApiKey;
import dev.custodian.crm.core.access.port.in.InviteMemberCommand;
import dev.custodian.crm.core.access.service.AccessServices;
import dev.custodian.crm.core.access.service.Admission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.InMemorySuppressionList;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.mail.InMemoryMailOutbox;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.RecordingMailer;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.Workspace;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The access use cases (members, invitations, API keys) and SEC-08's matrix as every use case on a
 * workspace meets it, on in-memory ports with a clock moved by hand.
 */
class AccessServicesTest {

  private static final Duration VALIDITY = Duration.ofDays(7);
  private static final TokenGenerator TOKENS = TokenGenerator.secureRandom();

  /** The issue's matrix, written out once more: the lowest role that has each permission. */
  private static final Map<Permission, Role> LOWEST = lowest();

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.123456Z"));
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(ports, clock);
  private final AccessUseCases access = AccessServices.create(ports.transactions(), inWorkspace,
      TestGates.gate(ports, clock), ports.memberships(), ports.invitations(), ports.apiKeys(), ports.accounts(),
      ports.mailOutbox(), ports.mailTokens(), TOKENS, IdGenerator.random(), clock, VALIDITY);
  private final ContactUseCases contacts = ContactServices.create(inWorkspace, ports.contacts(),
      new InMemorySuppressionList(), IdGenerator.random(), clock);

  private WorkspaceId ws;
  private Actor owner;

  private static Map<Permission, Role> lowest() {
    Map<Permission, Role> lowest = new LinkedHashMap<>();
    lowest.put(Permission.WORKSPACE_READ, Role.VIEWER);
    lowest.put(Permission.CONTACT_READ, Role.VIEWER);
    lowest.put(Permission.COMPANY_READ, Role.VIEWER);
    lowest.put(Permission.MEMBER_READ, Role.VIEWER);
    lowest.put(Permission.MEMBERSHIP_LEAVE, Role.VIEWER);
    lowest.put(Permission.PIPELINE_READ, Role.VIEWER);
    lowest.put(Permission.DEAL_READ, Role.VIEWER);
    lowest.put(Permission.CONTACT_WRITE, Role.MEMBER);
    lowest.put(Permission.CONTACT_DELETE, Role.MEMBER);
    lowest.put(Permission.COMPANY_WRITE, Role.MEMBER);
    lowest.put(Permission.COMPANY_DELETE, Role.MEMBER);
    lowest.put(Permission.DEAL_WRITE, Role.MEMBER);
    lowest.put(Permission.DEAL_DELETE, Role.MEMBER);
    lowest.put(Permission.ACTIVITY_READ, Role.VIEWER);
    lowest.put(Permission.TASK_READ, Role.VIEWER);
    lowest.put(Permission.ACTIVITY_WRITE, Role.MEMBER);
    lowest.put(Permission.TASK_WRITE, Role.MEMBER);
    lowest.put(Permission.ERASURE_MANAGE, Role.ADMIN);
    lowest.put(Permission.PIPELINE_MANAGE, Role.ADMIN);
    lowest.put(Permission.CUSTOM_FIELD_READ, Role.VIEWER);
    lowest.put(Permission.CUSTOM_FIELD_MANAGE, Role.ADMIN);
    lowest.put(Permission.AUDIT_READ, Role.ADMIN);
    lowest.put(Permission.DATA_EXPORT, Role.ADMIN);
    lowest.put(Permission.IMPORT_READ, Role.VIEWER);
    lowest.put(Permission.IMPORT_WRITE, Role.MEMBER);
    lowest.put(Permission.MEMBER_MANAGE, Role.ADMIN);
    lowest.put(Permission.INVITATION_MANAGE, Role.ADMIN);
    lowest.put(Permission.API_KEY_MANAGE, Role.ADMIN);
    lowest.put(Permission.OWNER_MANAGE, Role.OWNER);
    lowest.put(Permission.CONSENT_READ, Role.VIEWER);
    lowest.put(Permission.CONSENT_RECORD, Role.MEMBER);
    lowest.put(Permission.CONSENT_MANAGE, Role.ADMIN);
    lowest.put(Permission.CONSENT_REFUSE, Role.MEMBER);
    lowest.put(Permission.RESTRICTION_SET, Role.ADMIN);
    lowest.put(Permission.WORKSPACE_LIFECYCLE, Role.OWNER);
    return lowest;
  }

  @BeforeEach
  void aWorkspaceWithItsOwner() {
    ws = aWorkspaceStored();
    owner = member(ws, Role.OWNER);
  }

  // ---- helpers

  /** The command as an adapter builds it, refusing bad input with one exception. */
  private static CreateApiKeyCommand keyCommand(WorkspaceId workspace, String name, String role) {
    Validator v = new Validator();
    CreateApiKeyCommand command = CreateApiKeyCommand.of(v, workspace, name, role);
    v.throwIfInvalid();
    return command;
  }

  private static InviteMemberCommand inviteCommand(WorkspaceId workspace, String email, String role) {
    Validator v = new Validator();
    InviteMemberCommand command = InviteMemberCommand.of(v, workspace, email, role);
    v.throwIfInvalid();
    return command;
  }

  private <T> T inPlatform(Supplier<T> work) {
    return ports.transactions().inPlatform(work);
  }

  private WorkspaceId aWorkspaceStored() {
    Workspace workspace = aWorkspace();
    inPlatform(() -> { ports.workspaces().insert(workspace); return null; });
    return workspace.id();
  }

  private Account anAccountStored(String email, boolean verified) {
    Account account = anAccountWithEmail(new EmailAddress(email));
    inPlatform(() -> {
      ports.accounts().insert(account);
      if (verified) {
        ports.accounts().markEmailVerified(account.id(), clock.instant());
      }
      return null;
    });
    return account;
  }

  /** A new verified account, made a member of {@code workspace} with {@code role}. */
  private Actor member(WorkspaceId workspace, Role role) {
    Account account = anAccountStored("member-" + UUID.randomUUID() + "@example.org", true);
    Actor actor = Actor.account(account.id());
    join(workspace, actor, role);
    return actor;
  }

  private void join(WorkspaceId workspace, Actor actor, Role role) {
    inPlatform(() -> { ports.memberships().insert(workspace, actor.account(), role, clock.instant()); return null; });
    clock.advance(Duration.ofSeconds(1)); // members join one after the other
  }

  private Optional<Role> roleOf(WorkspaceId workspace, Actor actor) {
    return inPlatform(() -> ports.memberships().roleOf(workspace, actor.account()));
  }

  private CreatedApiKey createKey(Actor creator, WorkspaceId workspace, Role role) {
    return access.createApiKey().create(creator, keyCommand(workspace, "Key " + role, role.name()));
  }

  /** The actor an API key of {@code role}, made by {@code creator} in {@code workspace}, is. */
  private Actor.ApiKey apiKey(Actor creator, WorkspaceId workspace, Role role) {
    return access.authenticateApiKey().authenticate(createKey(creator, workspace, role).token());
  }

  private Invitation invite(Actor actor, String email, Role role) {
    return access.invite().invite(actor, inviteCommand(ws, email, role.name()));
  }

  /** A token for {@code invitation}, issued as the dispatcher issues it when it sends the mail. */
  private String tokenFor(Invitation invitation, Duration ttl) {
    String token = TOKENS.newToken(MailTokenPurpose.INVITATION.tokenPrefix());
    Instant now = clock.instant();
    inPlatform(() -> {
      ports.mailTokens().issue(invitation.id().value(), MailTokenPurpose.INVITATION, TokenHash.of(token),
          now.plus(ttl), now);
      return null;
    });
    return token;
  }

  private String tokenFor(Invitation invitation) {
    return tokenFor(invitation, VALIDITY);
  }

  private Invitation stored(Invitation invitation) {
    return inPlatform(() -> ports.invitations().findById(invitation.id())).orElseThrow();
  }

  private List<Invitation> pending(Actor actor) {
    return access.listInvitations().list(actor, PageQuery.first(ws, 50)).items();
  }

  private boolean tokenUsable(String token) {
    return inPlatform(() -> ports.mailTokens().isUsable(MailTokenPurpose.INVITATION, TokenHash.of(token),
        clock.instant()));
  }

  /** Runs a no-op with {@code permission} for {@code actor}; false when it was refused as forbidden. */
  private boolean allowed(Actor actor, Permission permission) {
    AtomicBoolean ran = new AtomicBoolean();
    try {
      inWorkspace.inWorkspace(ws, actor, permission, () -> { ran.set(true); return null; });
      return true;
    } catch (ForbiddenException e) {
      assertThat(e.kind()).isEqualTo(CrmException.Kind.FORBIDDEN);
      assertThat(ran).as("the work of a refused use case").isFalse();
      return false;
    }
  }

  /** The role {@code actor} acts with in the workspace, as the use cases see it. */
  private Role effectiveRole(Actor actor) {
    return inWorkspace.<Role>inWorkspaceAs(ws, actor, Permission.CONTACT_READ, Admission::role);
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ForbiddenException.class,
        e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.FORBIDDEN));
  }

  private static void assertNotFound(ThrowingCallable call, String resource) {
    assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.resource()).isEqualTo(resource));
  }

  private static void assertLastOwner(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.LAST_OWNER));
  }

  private static void assertDuplicate(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.DUPLICATE));
  }

  private Contact aContact(Actor actor) {
    return contacts.create().create(actor,
        CreateContactCommand.of(ws, "Ada", "Lovelace", "ada-" + UUID.randomUUID() + "@example.org", null, null, null));
  }

  // ---- SEC-08: the matrix

  @Test
  @DisplayName("SEC-08: each permission is granted from its level upwards and denied below it")
  void eachPermissionIsGrantedFromItsLevelUpwards() {
    assertThat(PermissionMatrix.standard().rows().keySet()).as("every permission of the product")
        .containsExactlyInAnyOrderElementsOf(LOWEST.keySet());
    for (Role role : Role.values()) {
      Actor actor = member(ws, role);
      for (Map.Entry<Permission, Role> row : LOWEST.entrySet()) {
        assertThat(allowed(actor, row.getKey())).as("%s with %s", role, row.getKey())
            .isEqualTo(role.isAtLeast(row.getValue()));
      }
    }
  }

  @Test
  @DisplayName("SEC-08: a permission missing from the matrix is denied to every role, OWNER included, and to every key")
  void aPermissionMissingFromTheMatrixIsDeniedToAll() {
    Permission testOnly = new Permission("test.only");
    for (Role role : Role.values()) {
      assertThat(allowed(member(ws, role), testOnly)).as(role.name()).isFalse();
    }
    for (Role role : EnumSet.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)) {
      assertThat(allowed(apiKey(owner, ws, role), testOnly)).as("a key of " + role).isFalse();
    }
  }

  @Test
  @DisplayName("SEC-08: a VIEWER reads contacts but can neither write nor delete them, and nothing changes")
  void aViewerReadsContactsButCannotWriteThem() {
    Contact contact = aContact(owner);
    Actor viewer = member(ws, Role.VIEWER);

    assertThat(contacts.get().get(viewer, ws, contact.id())).isEqualTo(contact);
    assertThat(contacts.list().list(viewer, ws, ListQuery.first(ContactListing.OFFER, 10)).items()).containsExactly(contact);
    assertForbidden(() -> aContact(viewer));
    assertForbidden(() -> contacts.update().update(viewer, UpdateContactCommand.of(ws, contact.id(),
        OptionalLong.of(contact.version()), PatchValue.set("Grace"), PatchValue.absent(), PatchValue.absent(),
        PatchValue.absent(), PatchValue.absent(), PatchValue.absent())));
    assertForbidden(() -> contacts.delete().delete(viewer, new DeleteContactCommand(ws, contact.id(),
        OptionalLong.empty())));

    assertThat(contacts.list().list(owner, ws, ListQuery.first(ContactListing.OFFER, 10)).items()).containsExactly(contact);
  }

  @Test
  @DisplayName("SEC-08: a MEMBER writes and deletes contacts but cannot erase; an ADMIN erases")
  void aMemberWritesButCannotErase_anAdminErases() {
    Actor member = member(ws, Role.MEMBER);
    Contact contact = aContact(member);
    contacts.delete().delete(member, new DeleteContactCommand(ws, contact.id(), OptionalLong.empty()));

    assertThat(allowed(member, Permission.ERASURE_MANAGE)).isFalse();
    assertThat(allowed(member(ws, Role.ADMIN), Permission.ERASURE_MANAGE)).isTrue();
  }

  @Test
  @DisplayName("SEC-08: a non-member gets not found, as for a workspace that does not exist, and the work does not run")
  void aNonMemberGetsNotFound() {
    Actor outsider = member(aWorkspaceStored(), Role.OWNER); // an owner elsewhere is an outsider here
    AtomicBoolean ran = new AtomicBoolean();

    for (Permission permission : LOWEST.keySet()) {
      assertNotFound(() -> inWorkspace.inWorkspace(ws, outsider, permission, () -> { ran.set(true); return null; }),
          "workspace");
    }
    assertNotFound(() -> inWorkspace.inWorkspace(ws, outsider, new Permission("test.only"), () -> null), "workspace");
    assertNotFound(() -> aContact(outsider), "workspace");
    assertNotFound(() -> access.listMembers().list(outsider, PageQuery.first(ws, 10)), "workspace");
    assertThat(ran).isFalse();
  }

  @Test
  @DisplayName("SEC-08: an API key of another workspace gets not found, even when its creator is a member here")
  void anApiKeyOfAnotherWorkspaceGetsNotFound() {
    WorkspaceId other = aWorkspaceStored();
    join(other, owner, Role.OWNER);
    Actor.ApiKey keyOfOther = apiKey(owner, other, Role.ADMIN);

    assertNotFound(() -> inWorkspace.inWorkspace(ws, keyOfOther, Permission.CONTACT_READ, () -> null), "workspace");
    assertNotFound(() -> contacts.list().list(keyOfOther, ws, ListQuery.first(ContactListing.OFFER, 10)), "workspace");
    assertThat(contacts.list().list(keyOfOther, other, ListQuery.first(ContactListing.OFFER, 10)).items()).isEmpty();
  }

  @Test
  @DisplayName("SEC-08: an API key acts with the lower of its role and its creator's current one")
  void anApiKeyActsWithTheLowerOfItsRoleAndItsCreators() {
    Actor admin = member(ws, Role.ADMIN);
    Actor.ApiKey adminKey = apiKey(admin, ws, Role.ADMIN);
    Actor.ApiKey viewerKey = apiKey(owner, ws, Role.VIEWER);
    Contact contact = aContact(owner);

    assertThat(effectiveRole(adminKey)).isEqualTo(Role.ADMIN);
    assertThat(allowed(adminKey, Permission.ERASURE_MANAGE)).isTrue();
    assertThat(effectiveRole(viewerKey)).isEqualTo(Role.VIEWER);
    assertThat(contacts.get().get(viewerKey, ws, contact.id())).isEqualTo(contact);
    assertForbidden(() -> aContact(viewerKey));

    access.changeMemberRole().change(owner, new ChangeMemberRoleCommand(ws, admin.account(), Role.MEMBER));

    assertThat(effectiveRole(adminKey))
        .as("an ADMIN key whose creator is now a MEMBER").isEqualTo(Role.MEMBER);
    assertThat(allowed(adminKey, Permission.ERASURE_MANAGE)).isFalse();
    assertThat(aContact(adminKey).workspace()).isEqualTo(ws);
  }

  @Test
  @DisplayName("SEC-08: an API key never manages members, invitations or keys, nor leaves, whatever its role")
  void anApiKeyIsRefusedWhatOnlyAPersonMayDo() {
    Actor.ApiKey key = apiKey(owner, ws, Role.ADMIN);
    Actor member = member(ws, Role.MEMBER);

    for (Permission permission : List.of(Permission.MEMBER_MANAGE, Permission.INVITATION_MANAGE,
        Permission.API_KEY_MANAGE, Permission.OWNER_MANAGE, Permission.MEMBERSHIP_LEAVE)) {
      assertThat(allowed(key, permission)).as(permission.name()).isFalse();
    }
    assertForbidden(() -> access.changeMemberRole().change(key, new ChangeMemberRoleCommand(ws, member.account(),
        Role.VIEWER)));
    assertForbidden(() -> access.removeMember().remove(key, ws, member.account()));
    assertForbidden(() -> access.removeMember().remove(key, ws, owner.account()));
    assertForbidden(() -> invite(key, "someone@example.org", Role.VIEWER));
    assertForbidden(() -> access.listInvitations().list(key, PageQuery.first(ws, 10)));
    assertForbidden(() -> createKey(key, ws, Role.VIEWER));
    assertForbidden(() -> access.listApiKeys().list(key, PageQuery.first(ws, 10)));
    assertForbidden(() -> access.revokeApiKey().revoke(key, ws, key.key()));

    assertThat(roleOf(ws, member)).contains(Role.MEMBER);
    assertThat(access.listMembers().list(key, PageQuery.first(ws, 10)).items()).hasSize(2);
  }

  // ---- members

  @Test
  void aViewerListsTheMembersInTheOrderTheyJoined_withTheirAccountsNameAndEmail_andNoneForAnAccountlessActor() {
    Actor viewer = member(ws, Role.VIEWER);
    Actor embedded = Actor.account(AccountId.of(UUID.randomUUID())); // an embedder's own user: no account row
    join(ws, embedded, Role.MEMBER);

    Page<Member> page = access.listMembers().list(viewer, PageQuery.first(ws, 2));
    List<Member> all = new java.util.ArrayList<>(page.items());
    all.addAll(access.listMembers().list(viewer, PageQuery.first(ws, 2).next(page).orElseThrow()).items());

    assertThat(all).extracting(Member::account)
        .containsExactly(owner.account(), viewer.account(), embedded.account());
    assertThat(all).extracting(Member::role).containsExactly(Role.OWNER, Role.VIEWER, Role.MEMBER);
    Account ownerAccount = inPlatform(() -> ports.accounts().findById(owner.account())).orElseThrow();
    assertThat(all.get(0).name()).contains(ownerAccount.name());
    assertThat(all.get(0).email()).contains(ownerAccount.email());
    assertThat(all.get(2).name()).isEmpty();
    assertThat(all.get(2).email()).isEmpty();
  }

  @Test
  void theLastOwnerCannotLeaveNorBeDemoted_andStaysOwner() {
    assertLastOwner(() -> access.removeMember().remove(owner, ws, owner.account()));
    assertLastOwner(() -> access.changeMemberRole().change(owner,
        new ChangeMemberRoleCommand(ws, owner.account(), Role.ADMIN)));

    assertThat(roleOf(ws, owner)).contains(Role.OWNER);
  }

  @Test
  void givenTwoOwners_oneRemovesTheOther_thenTheLastOneCannotBeRemovedByLeavingNorDemoted() {
    Actor second = member(ws, Role.OWNER);
    access.removeMember().remove(owner, ws, second.account());

    assertThat(roleOf(ws, second)).isEmpty();
    assertLastOwner(() -> access.removeMember().remove(owner, ws, owner.account()));
    assertLastOwner(() -> access.changeMemberRole().change(owner,
        new ChangeMemberRoleCommand(ws, owner.account(), Role.VIEWER)));
    assertThat(roleOf(ws, owner)).contains(Role.OWNER);
  }

  @Test
  void givenTwoOwners_oneMayLeaveOrBeDemoted_thenTheOtherIsTheLast() {
    Actor second = member(ws, Role.OWNER);
    Membership demoted = access.changeMemberRole().change(second,
        new ChangeMemberRoleCommand(ws, owner.account(), Role.ADMIN));

    assertThat(demoted.role()).isEqualTo(Role.ADMIN);
    assertThat(demoted.account()).isEqualTo(owner.account());
    assertLastOwner(() -> access.removeMember().remove(second, ws, second.account()));
    access.changeMemberRole().change(second, new ChangeMemberRoleCommand(ws, owner.account(), Role.OWNER));
    access.removeMember().remove(second, ws, second.account());
    assertThat(roleOf(ws, second)).isEmpty();
  }

  @Test
  void anAdminCanNeitherGrantOwnerNorDemoteOrRemoveAnOwner() {
    Actor admin = member(ws, Role.ADMIN);
    Actor viewer = member(ws, Role.VIEWER);

    assertForbidden(() -> access.changeMemberRole().change(admin,
        new ChangeMemberRoleCommand(ws, viewer.account(), Role.OWNER)));
    assertForbidden(() -> access.changeMemberRole().change(admin,
        new ChangeMemberRoleCommand(ws, admin.account(), Role.OWNER)));
    assertForbidden(() -> access.changeMemberRole().change(admin,
        new ChangeMemberRoleCommand(ws, owner.account(), Role.ADMIN)));
    assertForbidden(() -> access.removeMember().remove(admin, ws, owner.account()));

    assertThat(roleOf(ws, viewer)).contains(Role.VIEWER);
    assertThat(roleOf(ws, admin)).contains(Role.ADMIN);
    assertThat(roleOf(ws, owner)).contains(Role.OWNER);
  }

  @Test
  void anAdminManagesMembersUpToAdmin_andAMemberManagesNone() {
    Actor admin = member(ws, Role.ADMIN);
    Actor member = member(ws, Role.MEMBER);
    Actor viewer = member(ws, Role.VIEWER);

    assertThat(access.changeMemberRole().change(admin, new ChangeMemberRoleCommand(ws, viewer.account(), Role.ADMIN))
        .role()).isEqualTo(Role.ADMIN);
    assertForbidden(() -> access.changeMemberRole().change(member,
        new ChangeMemberRoleCommand(ws, viewer.account(), Role.VIEWER)));
    assertForbidden(() -> access.removeMember().remove(member, ws, viewer.account()));
    access.removeMember().remove(admin, ws, member.account());

    assertThat(roleOf(ws, member)).isEmpty();
    assertThat(roleOf(ws, viewer)).contains(Role.ADMIN);
    assertNotFound(() -> access.removeMember().remove(admin, ws, member.account()), "member");
    assertNotFound(() -> access.changeMemberRole().change(admin,
        new ChangeMemberRoleCommand(ws, member.account(), Role.VIEWER)), "member");
  }

  @Test
  void anyMemberMayLeave() {
    Actor viewer = member(ws, Role.VIEWER);
    access.removeMember().remove(viewer, ws, viewer.account());

    assertThat(roleOf(ws, viewer)).isEmpty();
    assertNotFound(() -> access.listMembers().list(viewer, PageQuery.first(ws, 10)), "workspace");
  }

  @Test
  void removingOrLosingAMember_revokesTheKeysTheyMade_inThatWorkspaceOnly() {
    WorkspaceId other = aWorkspaceStored();
    Actor admin = member(ws, Role.ADMIN);
    join(other, admin, Role.ADMIN);
    CreatedApiKey removedWith = createKey(admin, ws, Role.MEMBER);
    CreatedApiKey elsewhere = createKey(admin, other, Role.MEMBER);
    CreatedApiKey owners = createKey(owner, ws, Role.MEMBER);

    access.removeMember().remove(owner, ws, admin.account());

    assertThatThrownBy(() -> access.authenticateApiKey().authenticate(removedWith.token()))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(inPlatform(() -> ports.apiKeys().findByTokenHash(TokenHash.of(removedWith.token()))).orElseThrow()
        .revokedAt()).contains(clock.instant().truncatedTo(ChronoUnit.MICROS));
    assertThat(access.authenticateApiKey().authenticate(elsewhere.token()).workspace()).isEqualTo(other);
    assertThat(access.authenticateApiKey().authenticate(owners.token()).workspace()).isEqualTo(ws);

    Actor leaver = member(ws, Role.ADMIN);
    CreatedApiKey leaversKey = createKey(leaver, ws, Role.VIEWER);
    access.removeMember().remove(leaver, ws, leaver.account());
    assertThatThrownBy(() -> access.authenticateApiKey().authenticate(leaversKey.token()))
        .isInstanceOf(UnauthenticatedException.class);
  }

  // ---- invitations

  @Test
  void invite_storesAPendingInvitation_andQueuesItsMailForTheInvitation_withNoTokenYet() {
    Invitation invitation = invite(owner, " Grace@Example.org ", Role.MEMBER);

    assertThat(invitation.workspace()).isEqualTo(ws);
    assertThat(invitation.role()).isEqualTo(Role.MEMBER);
    assertThat(invitation.invitedBy()).isEqualTo(owner.account());
    assertThat(invitation.expiresAt()).isEqualTo(invitation.createdAt().plus(VALIDITY));
    assertThat(stored(invitation)).isEqualTo(invitation);
    assertThat(pending(owner)).containsExactly(invitation);
    List<InMemoryMailOutbox.Row> queued = inPlatform(() -> ports.mailOutbox().rows());
    assertThat(queued).singleElement().satisfies(row -> {
      assertThat(row.mail().template()).isEqualTo(MailTemplate.INVITATION);
      assertThat(row.mail().account()).as("the invitation, not an account").isEqualTo(invitation.id().value());
    });
    assertThat(inPlatform(() -> ports.mailTokens().rows())).as("a token is minted when the mail is sent").isEmpty();
  }

  @Test
  void invitingACurrentMember_isADuplicate_andQueuesNothing() {
    Account account = anAccountStored("Member@Example.org", true);
    join(ws, Actor.account(account.id()), Role.VIEWER);

    assertDuplicate(() -> invite(owner, "member@example.ORG", Role.MEMBER));
    assertThat(pending(owner)).isEmpty();
    assertThat(inPlatform(() -> ports.mailOutbox().rows())).isEmpty();
  }

  @Test
  void inviting_needsAnAdmin_andNeverAboveOnesOwnRole() {
    Actor admin = member(ws, Role.ADMIN);
    assertForbidden(() -> invite(member(ws, Role.MEMBER), "a@example.org", Role.VIEWER));
    assertForbidden(() -> invite(admin, "b@example.org", Role.OWNER));
    assertThat(invite(admin, "c@example.org", Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    assertThat(invite(owner, "d@example.org", Role.OWNER).role()).isEqualTo(Role.OWNER);
  }

  @Test
  void aNewInvitationToTheSameAddress_revokesTheOlder_whoseTokenNoLongerWorks() {
    Account grace = anAccountStored("grace@example.org", true);
    Invitation older = invite(owner, "grace@example.org", Role.VIEWER);
    String olderToken = tokenFor(older);
    clock.advance(Duration.ofMinutes(1));
    Invitation newer = invite(owner, "GRACE@example.org", Role.ADMIN);

    assertThat(stored(older).revokedAt()).contains(clock.instant());
    assertThat(pending(owner)).containsExactly(newer);
    assertNotFound(() -> access.acceptInvitation().accept(grace.id(), olderToken), "invitation");
    assertThat(access.acceptInvitation().accept(grace.id(), tokenFor(newer)).role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void theInvitedVerifiedAccountAccepts_andBecomesAMemberWithTheRole_once() {
    Account grace = anAccountStored("Grace@Example.org", true);
    Invitation invitation = invite(owner, "grace@example.ORG", Role.MEMBER);
    String token = tokenFor(invitation);
    clock.advance(Duration.ofHours(1));

    Membership membership = access.acceptInvitation().accept(grace.id(), token);

    assertThat(membership).isEqualTo(new Membership(ws, grace.id(), Role.MEMBER, clock.instant()));
    assertThat(roleOf(ws, Actor.account(grace.id()))).contains(Role.MEMBER);
    assertThat(stored(invitation).acceptedAt()).contains(clock.instant());
    assertThat(pending(owner)).isEmpty();
    assertThatThrownBy(() -> access.acceptInvitation().accept(grace.id(), token))
        .as("the token is consumed").isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void anotherAccount_getsNotFound_andTheTokenStaysUsableForTheInvitedOne() {
    Account grace = anAccountStored("grace@example.org", true);
    Account mallory = anAccountStored("mallory@example.org", true);
    Account unverified = anAccountStored("ada@example.org", false);
    Invitation invitation = invite(owner, "grace@example.org", Role.ADMIN);
    Invitation toUnverified = invite(owner, "ada@example.org", Role.ADMIN);
    String token = tokenFor(invitation);
    String unverifiedsToken = tokenFor(toUnverified);

    assertNotFound(() -> access.acceptInvitation().accept(mallory.id(), token), "invitation");
    assertNotFound(() -> access.acceptInvitation().accept(AccountId.of(UUID.randomUUID()), token), "invitation");
    assertNotFound(() -> access.acceptInvitation().accept(unverified.id(), unverifiedsToken), "invitation");

    assertThat(tokenUsable(token)).isTrue();
    assertThat(tokenUsable(unverifiedsToken)).isTrue();
    assertThat(roleOf(ws, Actor.account(mallory.id()))).isEmpty();
    assertThat(roleOf(ws, Actor.account(unverified.id()))).isEmpty();
    assertThat(access.acceptInvitation().accept(grace.id(), token).role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void anExpiredInvitationOrToken_cannotBeAccepted() {
    Account grace = anAccountStored("grace@example.org", true);
    Invitation invitation = invite(owner, "grace@example.org", Role.MEMBER);
    String token = tokenFor(invitation, Duration.ofHours(1));
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> access.acceptInvitation().accept(grace.id(), token))
        .as("the token expired").isInstanceOf(InvalidTokenException.class);

    // A token minted when the mail was sent late outlives its invitation; the invitation's expiry
    // decides, and answers as an expired token does.
    String lateToken = tokenFor(invitation);
    clock.set(invitation.expiresAt());
    assertThatThrownBy(() -> access.acceptInvitation().accept(grace.id(), lateToken))
        .as("the invitation expired").isInstanceOf(InvalidTokenException.class);
    assertThat(pending(owner)).isEmpty();
    assertThat(roleOf(ws, Actor.account(grace.id()))).isEmpty();
  }

  @Test
  void aRevokedInvitation_cannotBeAccepted_norRevokedAgain() {
    Account grace = anAccountStored("grace@example.org", true);
    Invitation invitation = invite(owner, "grace@example.org", Role.MEMBER);
    String token = tokenFor(invitation);

    access.revokeInvitation().revoke(owner, ws, invitation.id());

    assertNotFound(() -> access.revokeInvitation().revoke(owner, ws, invitation.id()), "invitation");
    assertNotFound(() -> access.acceptInvitation().accept(grace.id(), token), "invitation");
    assertForbidden(() -> access.revokeInvitation().revoke(member(ws, Role.MEMBER), ws, invitation.id()));
    assertThat(pending(owner)).isEmpty();
  }

  @Test
  void anInvitationAcceptedByAnAccountThatJoinedMeanwhile_isADuplicate_andLeavesItsTokenUsable() {
    Account grace = anAccountStored("grace@example.org", true);
    Invitation invitation = invite(owner, "grace@example.org", Role.ADMIN);
    String token = tokenFor(invitation);
    join(ws, Actor.account(grace.id()), Role.VIEWER);

    assertDuplicate(() -> access.acceptInvitation().accept(grace.id(), token));
    assertThat(roleOf(ws, Actor.account(grace.id()))).contains(Role.VIEWER);
    assertThat(tokenUsable(token)).isTrue();
  }

  @Test
  void aTokenThatCannotBeOne_isRefusedWithoutALookup() {
    Account grace = anAccountStored("grace@example.org", true);
    for (String token : new String[] {null, "", "inv_" + "A".repeat(300)}) {
      assertThatThrownBy(() -> access.acceptInvitation().accept(grace.id(), token))
          .isInstanceOf(InvalidTokenException.class);
    }
  }

  @Test
  void theInvitationMail_sentByTheDispatcher_carriesTheTokenThatMakesTheInvitedAccountAMember() {
    Account grace = anAccountStored("grace@example.org", true);
    Invitation invitation = invite(owner, "Grace@Example.org", Role.VIEWER);
    RecordingMailer mailer = new RecordingMailer();
    // The outbox names the invitation; the recipients port resolves it to the invited address.
    MailDispatcher dispatcher = new MailDispatcher(ports.transactions(), ports.mailOutbox(), ports.mailTokens(),
        id -> ports.invitations().findById(new InvitationId(id)).map(Invitation::email),
        mailer, TOKENS, clock, MailDispatcher.Settings.of(URI.create("https://crm.example.org/"), Duration.ofHours(1)));

    assertThat(dispatcher.dispatchDue().sent()).isOne();

    OutgoingMail mail = mailer.sent().get(0);
    assertThat(mail.to().value()).isEqualTo("Grace@Example.org");
    Matcher link = Pattern.compile("https://crm\\.example\\.org/accept-invitation#token=(inv_[A-Za-z0-9_-]+)")
        .matcher(mail.body());
    assertThat(link.find()).isTrue();
    clock.advance(Duration.ofDays(6)); // the token lives the invitation's 7 days, not an account mail's hour
    assertThat(access.acceptInvitation().accept(grace.id(), link.group(1)).role()).isEqualTo(Role.VIEWER);
  }

  // ---- API keys

  @Test
  @DisplayName("SEC-05: a new API key is shown once as a crmk_ token; only its SHA-256 is stored")
  void aNewKeyIsShownOnce_andOnlyItsHashIsStored() {
    CreatedApiKey created = access.createApiKey().create(owner, keyCommand(ws, " CI export ", "member"));

    assertThat(created.token()).matches("crmk_[A-Za-z0-9_-]{43}");
    assertThat(created.toString()).doesNotContain(created.token());
    assertThat(created.key().name().value()).isEqualTo("CI export");
    assertThat(created.key().role()).isEqualTo(Role.MEMBER);
    assertThat(created.key().createdBy()).isEqualTo(owner.account());
    List<InMemoryApiKeyRepository.Row> rows = inPlatform(() -> ports.apiKeys().rows());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.tokenHash()).isEqualTo(TokenHash.of(created.token()));
      assertThat(row.key()).isEqualTo(created.key());
      for (RecordComponent component : WorkspaceApiKey.class.getRecordComponents()) {
        assertThat(String.valueOf(component.getAccessor().invoke(row.key()))).as(component.getName())
            .doesNotContain(created.token()).doesNotContain(created.token().substring(5));
      }
    });
  }

  @Test
  void aKeysRole_isVerifiedByTheCommand_whichRefusesOwner_andItsNameFromOneTo100Characters() {
    assertThatThrownBy(() -> keyCommand(ws, "Key", "OWNER"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("role"));
    assertThatThrownBy(() -> keyCommand(ws, "", "superuser"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("name", "role"));
    assertThatThrownBy(() -> keyCommand(ws, "x".repeat(101), "viewer"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("name"));
    assertThat(keyCommand(ws, "x".repeat(100), "Admin").role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void makingListingAndRevokingKeys_needsAnAdmin() {
    Actor member = member(ws, Role.MEMBER);
    CreatedApiKey key = createKey(owner, ws, Role.VIEWER);

    assertForbidden(() -> createKey(member, ws, Role.VIEWER));
    assertForbidden(() -> access.listApiKeys().list(member, PageQuery.first(ws, 10)));
    assertForbidden(() -> access.revokeApiKey().revoke(member, ws, key.key().id()));
    assertThat(access.authenticateApiKey().authenticate(key.token()).key()).isEqualTo(key.key().id());
  }

  @Test
  void theListShowsTheWorkspacesKeysThatAreNotRevoked_oldestFirst() {
    Actor admin = member(ws, Role.ADMIN);
    CreatedApiKey first = createKey(owner, ws, Role.VIEWER);
    clock.advance(Duration.ofSeconds(1));
    CreatedApiKey revoked = createKey(admin, ws, Role.ADMIN);
    clock.advance(Duration.ofSeconds(1));
    CreatedApiKey last = createKey(admin, ws, Role.MEMBER);
    access.revokeApiKey().revoke(owner, ws, revoked.key().id());

    assertThat(access.listApiKeys().list(admin, PageQuery.first(ws, 10)).items())
        .containsExactly(first.key(), last.key());
  }

  @Test
  void aKeyAuthenticatesAsItsWorkspacesKey_recordingItsUseAtMostOnceAMinute() {
    CreatedApiKey created = createKey(owner, ws, Role.ADMIN);
    Instant first = clock.instant();

    Actor.ApiKey actor = access.authenticateApiKey().authenticate(created.token());

    assertThat(actor).isEqualTo(new Actor.ApiKey(created.key().id(), ws, owner.account(), Role.ADMIN));
    assertThat(lastUsed(created)).contains(first);
    clock.advance(Duration.ofSeconds(59));
    access.authenticateApiKey().authenticate(created.token());
    assertThat(lastUsed(created)).as("within the minute").contains(first);
    clock.advance(Duration.ofSeconds(2));
    access.authenticateApiKey().authenticate(created.token());
    assertThat(lastUsed(created)).as("after it").contains(clock.instant());
  }

  private Optional<Instant> lastUsed(CreatedApiKey created) {
    return inPlatform(() -> ports.apiKeys().findByTokenHash(TokenHash.of(created.token()))).orElseThrow().lastUsedAt();
  }

  @Test
  void aKeyFails_onceRevoked_andARevokedKeyCannotBeRevokedAgain() {
    CreatedApiKey created = createKey(owner, ws, Role.MEMBER);
    access.revokeApiKey().revoke(owner, ws, created.key().id());

    assertThatThrownBy(() -> access.authenticateApiKey().authenticate(created.token()))
        .isInstanceOf(UnauthenticatedException.class);
    assertNotFound(() -> access.revokeApiKey().revoke(owner, ws, created.key().id()), "API key");
    assertThat(lastUsed(created)).as("a refused key's use is not recorded").isEmpty();
  }

  @Test
  void aKeyFails_onceItsCreatorIsRemoved() {
    Actor admin = member(ws, Role.ADMIN);
    CreatedApiKey created = createKey(admin, ws, Role.ADMIN);
    assertThat(access.authenticateApiKey().authenticate(created.token()).creator()).isEqualTo(admin.account());

    access.removeMember().remove(owner, ws, admin.account());

    assertThatThrownBy(() -> access.authenticateApiKey().authenticate(created.token()))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void anythingThatIsNotAKey_isRefused() {
    CreatedApiKey created = createKey(owner, ws, Role.MEMBER);
    for (String token : new String[] {null, "", "crmk_", created.token() + "x", created.token().substring(1),
        "ses_" + created.token().substring(5), TOKENS.newToken(WorkspaceApiKey.TOKEN_PREFIX)}) {
      assertThatThrownBy(() -> access.authenticateApiKey().authenticate(token)).as(String.valueOf(token))
          .isInstanceOf(UnauthenticatedException.class);
    }
  }
}
