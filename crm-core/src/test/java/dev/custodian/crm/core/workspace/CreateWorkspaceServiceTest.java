package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.service.CreateWorkspaceService;
import dev.custodian.crm.core.workspace.service.GetWorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateWorkspaceServiceTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryWorkspaceRepository repository = new InMemoryWorkspaceRepository(tx);
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
  private final CreateWorkspaceService create =
      new CreateWorkspaceService(tx, repository, IdGenerator.random(), clock);
  private final GetWorkspaceService get = new GetWorkspaceService(tx, repository);

  @Test
  void givenNameOnly_whenCreated_thenActiveWithSlugDerivedFromName() {
    Workspace created = create.create(CreateWorkspaceCommand.of("  Ünïcode & Co. Ltd  ", null));

    assertThat(created.name().value()).isEqualTo("Ünïcode & Co. Ltd");
    assertThat(created.slug().value()).isEqualTo("unicode-co-ltd");
    assertThat(created.status()).isEqualTo(WorkspaceStatus.ACTIVE);
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(get.get(created.id())).isEqualTo(created);
  }

  @Test
  void givenDerivedSlugTaken_whenCreated_thenShortSuffixIsAdded() {
    Workspace first = create.create(CreateWorkspaceCommand.of("Acme", null));
    Workspace second = create.create(CreateWorkspaceCommand.of("ACME", null));

    assertThat(first.slug().value()).isEqualTo("acme");
    assertThat(second.slug().value()).matches("acme-[0-9a-f]{6}");
  }

  @Test
  void givenNameTooShortForSlug_whenCreated_thenSuffixMakesItLongEnough() {
    assertThat(create.create(CreateWorkspaceCommand.of("X", null)).slug().value()).matches("x-[0-9a-f]{6}");
    assertThat(create.create(CreateWorkspaceCommand.of("東京", null)).slug().value()).matches("ws-[0-9a-f]{6}");
  }

  @Test
  void givenLongName_whenCreated_thenDerivedSlugFitsWithSuffix() {
    String name = "a".repeat(200);
    create.create(CreateWorkspaceCommand.of(name, null));
    Workspace second = create.create(CreateWorkspaceCommand.of(name, null));
    assertThat(second.slug().value()).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH);
  }

  @Test
  void givenDerivedSlugTakenConcurrently_betweenCheckAndInsert_thenDerivesAgain() {
    create.create(CreateWorkspaceCommand.of("Racer", null));
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
      public boolean existsBySlug(Slug slug) {
        // the first check runs before the concurrent create committed
        return !first.getAndSet(false) && repository.existsBySlug(slug);
      }
    };
    Workspace second = new CreateWorkspaceService(tx, racing, IdGenerator.random(), clock)
        .create(CreateWorkspaceCommand.of("Racer", null));
    assertThat(second.slug().value()).matches("racer-[0-9a-f]{6}");
  }

  @Test
  void givenExplicitSlugTaken_whenCreated_thenDuplicateConflict() {
    create.create(CreateWorkspaceCommand.of("One", "shared-slug"));
    assertThatThrownBy(() -> create.create(CreateWorkspaceCommand.of("Two", "shared-slug")))
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
    assertThatThrownBy(() -> get.get(WorkspaceId.of(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
  }
}
