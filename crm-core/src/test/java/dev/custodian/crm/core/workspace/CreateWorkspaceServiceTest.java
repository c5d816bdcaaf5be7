package dev.custodian.crm.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.service.CreateWorkspaceService;
import dev.custodian.crm.core.workspace.service.GetWorkspaceService;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateWorkspaceServiceTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository repository = new InMemoryWorkspaceRepository(tx, memberships);
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
  private final CreateWorkspaceService create =
      new CreateWorkspaceService(tx, repository, memberships, IdGenerator.random(), clock);
  private final GetWorkspaceService get =
      new GetWorkspaceService(TestGates.workspaceTransactions(tx, memberships), repository);
  private final Actor creator = Actor.account(AccountId.of(UUID.randomUUID()));

  @Test
  void givenNameOnly_whenCreated_thenActiveWithSlugDerivedFromName() {
    Workspace created = create.create(creator, CreateWorkspaceCommand.of("  Ünïcode & Co. Ltd  ", null));

    assertThat(created.name().value()).isEqualTo("Ünïcode & Co. Ltd");
    assertThat(created.slug().value()).isEqualTo("unicode-co-ltd");
    assertThat(created.status()).isEqualTo(WorkspaceStatus.ACTIVE);
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(get.get(creator, created.id())).isEqualTo(created);
  }

  @Test
  void givenDerivedSlugTaken_whenCreated_thenShortSuffixIsAdded() {
    Workspace first = create.create(creator, CreateWorkspaceCommand.of("Acme", null));
    Workspace second = create.create(creator, CreateWorkspaceCommand.of("ACME", null));

    assertThat(first.slug().value()).isEqualTo("acme");
    assertThat(second.slug().value()).matches("acme-[0-9a-f]{6}");
  }

  @Test
  void givenNameTooShortForSlug_whenCreated_thenSuffixMakesItLongEnough() {
    assertThat(create.create(creator, CreateWorkspaceCommand.of("X", null)).slug().value()).matches("x-[0-9a-f]{6}");
    assertThat(create.create(creator, CreateWorkspaceCommand.of("東京", null)).slug().value()).matches("ws-[0-9a-f]{6}");
  }

  @Test
  void givenLongName_whenCreated_thenDerivedSlugFitsWithSuffix() {
    String name = "a".repeat(200);
    create.create(creator, CreateWorkspaceCommand.of(name, null));
    Workspace second = create.create(creator, CreateWorkspaceCommand.of(name, null));
    assertThat(second.slug().value()).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH);
  }

  @Test
  void givenDerivedSlugTakenConcurrently_betweenCheckAndInsert_thenDerivesAgain() {
    create.create(creator, CreateWorkspaceCommand.of("Racer", null));
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
    dev.custodian.crm.core.workspace.port.out.WorkspaceRepository racing = new dev.custodian.crm.core.workspace.port.out.WorkspaceRepository() {
      @Override
      public void insert(Workspace workspace) {
        repository.insert(workspace);
      }

      @Override
      public java.util.Optional<Workspace> findById(WorkspaceId id) {
        return repository.findById(id);
      }

      @Override
      public boolean changeStatus(WorkspaceId id, WorkspaceStatus status) {
        return repository.changeStatus(id, status);
      }

      @Override
      public boolean markPurged(WorkspaceId id, java.time.Instant now) {
        return repository.markPurged(id, now);
      }

      @Override
      public java.util.List<WorkspaceId> claimPurgeReminders(java.time.Instant now, java.time.Instant dueBy, int limit) {
        return repository.claimPurgeReminders(now, dueBy, limit);
      }

      @Override
      public java.util.List<WorkspaceId> duePurges(java.time.Instant now, int limit) {
        return repository.duePurges(now, limit);
      }

      @Override
      public boolean lockDuePurge(WorkspaceId id, java.time.Instant now) {
        return repository.lockDuePurge(id, now);
      }

      @Override
      public boolean existsBySlug(Slug slug) {
        // the first check runs before the concurrent create committed
        return !first.getAndSet(false) && repository.existsBySlug(slug);
      }

      @Override
      public Page<MemberWorkspace> listForMember(AccountId account, PageRequest page) {
        return repository.listForMember(account, page);
      }
    };
    Workspace second = new CreateWorkspaceService(tx, racing, memberships, IdGenerator.random(), clock)
        .create(creator, CreateWorkspaceCommand.of("Racer", null));
    assertThat(second.slug().value()).matches("racer-[0-9a-f]{6}");
  }

  @Test
  void givenExplicitSlugTaken_whenCreated_thenDuplicateConflict() {
    create.create(creator, CreateWorkspaceCommand.of("One", "shared-slug"));
    assertThatThrownBy(() -> create.create(creator, CreateWorkspaceCommand.of("Two", "shared-slug")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
  }

  @Test
  void givenEmptyNameAndBadSlug_whenCommandBuilt_thenOneExceptionListsBothFields() {
    assertThatThrownBy(() -> CreateWorkspaceCommand.of("", "Bad_Slug"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::location, FieldError::name)
            .containsExactly(tuple(FieldError.Location.FIELD, "name"), tuple(FieldError.Location.FIELD, "slug")));
  }

  @Test
  void givenBadInput_thenEveryRuleIsChecked() {
    assertThatThrownBy(() -> CreateWorkspaceCommand.of("n".repeat(201), null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> CreateWorkspaceCommand.of(null, null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::detail).containsExactly("is required"));
    for (String bad : new String[] {"ab", "a".repeat(64), "-abc", "abc-", "a--b", "ABC", "ab c", "äbc"}) {
      assertThatThrownBy(() -> CreateWorkspaceCommand.of("Name", bad)).as(bad).isInstanceOf(ValidationException.class);
    }
    assertThat(CreateWorkspaceCommand.of("n".repeat(200), "a".repeat(63)).slug()).isPresent();
  }

  @Test
  void givenUnknownId_whenRead_thenNotFound() {
    assertThatThrownBy(() -> get.get(creator, WorkspaceId.of(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenACreatedWorkspace_thenItsCreatorIsItsOwner_andTheOnlyOneWhoMayReadIt() {
    Workspace created = create.create(creator, CreateWorkspaceCommand.of("Owned", null));
    Actor stranger = Actor.account(AccountId.of(UUID.randomUUID()));

    assertThat(tx.inPlatform(() -> memberships.roleOf(created.id(), creator.account()))).contains(Role.OWNER);
    assertThatThrownBy(() -> get.get(stranger, created.id()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("workspace"));
  }

  @Test
  void givenTheOwnersMembershipFails_thenNoWorkspaceIsCreated() {
    MembershipRepository failing = new MembershipRepository() {
      @Override
      public void insert(WorkspaceId workspace, AccountId account, Role role, Instant at) {
        throw new IllegalStateException("boom");
      }

      // The rest as the store has it: only the owner's insert fails.
      @Override
      public java.util.Optional<Role> roleOf(WorkspaceId workspace, AccountId account) {
        return memberships.roleOf(workspace, account);
      }

      @Override
      public java.util.Optional<Membership> find(WorkspaceId workspace, AccountId account) {
        return memberships.find(workspace, account);
      }

      @Override
      public Page<Membership> list(WorkspaceId workspace, PageRequest page) {
        return memberships.list(workspace, page);
      }

      @Override
      public Page<dev.custodian.crm.core.access.Member> members(WorkspaceId workspace, PageRequest page) {
        return memberships.members(workspace, page);
      }

      @Override
      public java.util.Map<dev.custodian.crm.core.account.AccountId, dev.custodian.crm.core.access.Role> lockAll(
          WorkspaceId workspace) {
        return memberships.lockAll(workspace);
      }

      @Override
      public int countOwners(WorkspaceId workspace) {
        return memberships.countOwners(workspace);
      }

      @Override
      public java.util.List<AccountId> owners(WorkspaceId workspace) {
        return memberships.owners(workspace);
      }

      @Override
      public boolean changeRole(WorkspaceId workspace, AccountId account, Role role) {
        return memberships.changeRole(workspace, account, role);
      }

      @Override
      public boolean remove(WorkspaceId workspace, AccountId account) {
        return memberships.remove(workspace, account);
      }
    };
    CreateWorkspaceService failingCreate = new CreateWorkspaceService(tx, repository, failing, IdGenerator.random(), clock);

    assertThatThrownBy(() -> failingCreate.create(creator, CreateWorkspaceCommand.of("Orphan", "orphan")))
        .hasMessage("boom");
    assertThat(tx.inPlatform(() -> repository.existsBySlug(new Slug("orphan")))).isFalse();
  }

  @Test
  void givenInitializers_whenCreated_thenEachRunsInOrder_inTheNewWorkspacesOwnTransaction() {
    java.util.List<String> ran = new java.util.ArrayList<>();
    WorkspaceInitializer first = workspace -> ran.add("first " + workspace + " bound to " + tx.boundWorkspace().orElseThrow());
    WorkspaceInitializer second = workspace -> ran.add("second " + workspace
        + (tx.inPlatform(() -> repository.findById(workspace)).isPresent() ? " after its row" : " before its row"));
    Workspace created = new CreateWorkspaceService(tx, repository, memberships, IdGenerator.random(), clock,
        java.util.List.of(first, second)).create(creator, CreateWorkspaceCommand.of("Initialized", null));

    assertThat(ran).containsExactly("first " + created.id() + " bound to " + created.id(),
        "second " + created.id() + " after its row");
  }

  @Test
  void givenAFailingInitializer_thenNoWorkspaceIsCreated_norAnyMembership() {
    WorkspaceInitializer failing = workspace -> {
      throw new IllegalStateException("boom");
    };
    CreateWorkspaceService failingCreate = new CreateWorkspaceService(tx, repository, memberships,
        IdGenerator.random(), clock, java.util.List.of(failing));

    assertThatThrownBy(() -> failingCreate.create(creator, CreateWorkspaceCommand.of("Never", "never")))
        .hasMessage("boom");
    assertThat(tx.inPlatform(() -> repository.existsBySlug(new Slug("never")))).isFalse();
    assertThat(tx.inPlatform(() -> repository.listForMember(creator.account(), PageRequest.first(50)).items())).isEmpty();
  }

  @Test
  void list_showsTheActorsOwnWorkspacesWithTheirRole_inTheOrderTheyJoined() {
    MutableClock time = new MutableClock(Instant.parse("2026-03-04T05:06:07Z"));
    WorkspaceUseCases workspaces = WorkspaceServices.create(tx, TestGates.workspaceTransactions(tx, memberships), repository, memberships,
        IdGenerator.random(), time);
    Workspace first = workspaces.create().create(creator, CreateWorkspaceCommand.of("First", null));
    time.advance(java.time.Duration.ofSeconds(1));
    Workspace second = workspaces.create().create(creator, CreateWorkspaceCommand.of("Second", null));
    workspaces.create().create(Actor.account(AccountId.of(UUID.randomUUID())), CreateWorkspaceCommand.of("Not mine", null));

    Page<MemberWorkspace> page = workspaces.list().list(creator, PageRequest.first(50));
    assertThat(page.items()).extracting(MemberWorkspace::workspace).containsExactly(first, second);
    assertThat(page.items()).extracting(MemberWorkspace::role).containsOnly(Role.OWNER);
    assertThat(page.items()).extracting(MemberWorkspace::joinedAt).containsExactly(first.createdAt(), second.createdAt());
    assertThat(workspaces.list().list(Actor.account(AccountId.of(UUID.randomUUID())), PageRequest.first(50)).items())
        .isEmpty();
  }
}
