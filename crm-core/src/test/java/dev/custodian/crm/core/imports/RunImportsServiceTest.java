package dev.custodian.crm.core.imports;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.imports.port.in.RunImportsUseCase;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.imports.service.ImportServices;
import dev.custodian.crm.core.imports.service.ImportSettings;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.workspace.Workspace;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The workers' runner on the in-memory fakes: batches that fail, and duplicates made meanwhile. */
class RunImportsServiceTest {

  private final InMemoryPersistence persistence = new InMemoryPersistence();
  private final ImportStores stores = persistence.imports().orElseThrow();
  private final WorkspaceId workspace = stored(aWorkspace());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T11:00:00Z"));

  private WorkspaceId stored(Workspace w) {
    persistence.transactions().inPlatform(() -> {
      persistence.workspaces().insert(w);
      return null;
    });
    return w.id();
  }

  /** A job of {@code rows} contacts, staged and queued. */
  private ImportJobId queued(int rows) {
    ImportJobId id = ImportJobId.of(UUID.randomUUID());
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    persistence.transactions().inWorkspace(workspace, () -> {
      stores.jobs().insert(ImportJob.queued(workspace, id, ImportObject.CONTACTS, DuplicateMode.SKIP,
          List.of("email", "firstName", "lastName"), rows, now));
      List<StagedRow> staged = new ArrayList<>();
      for (int i = 1; i <= rows; i++) {
        String email = "row" + i + "@example.org";
        staged.add(new StagedRow(i + 1, List.of(email, "Row", "N" + i), Optional.of(email), Optional.empty()));
      }
      stores.jobs().stage(workspace, id, staged);
      stores.queue().enqueue(workspace, id, now);
      return null;
    });
    return id;
  }

  /** The contact store, whose {@code insertAll} first throws each of {@code failures} in turn. */
  private ContactRepository failing(List<RuntimeException> failures) {
    AtomicInteger calls = new AtomicInteger();
    ContactRepository real = persistence.contacts();
    return (ContactRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContactRepository.class}, (proxy, method, args) -> {
          if (method.getName().equals("insertAll") && calls.get() < failures.size()) {
            throw failures.get(calls.getAndIncrement());
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private RunImportsUseCase runner(ContactRepository contacts) {
    return ImportServices.runner(persistence.transactions(), persistence.workspaces(), stores, contacts, persistence.companies(),
        persistence.customFields(), persistence.customValues(),
        SuppressionList.none(), IdGenerator.random(), clock, new ImportSettings(10, Duration.ofMinutes(1)));
  }

  private ImportJob job(ImportJobId id) {
    return persistence.transactions().inWorkspace(workspace, () -> stores.jobs().findById(workspace, id).orElseThrow());
  }

  private int contacts() {
    return persistence.transactions().inWorkspace(workspace, () -> persistence.contacts()
        .list(workspace, ListQuery.first(ContactListing.OFFER, 200)).items().size());
  }

  @Test
  void givenABatchFailingThrice_whenRun_thenTheJobEndsFailedItsRowsDroppedAndWhatCommittedStays() {
    ImportJobId id = queued(25);
    runner(failing(List.of())).runNext("first", 1); // one batch commits, then the worker stops
    clock.advance(Duration.ofMinutes(2)); // its lease ends
    RuntimeException down = new IllegalStateException("the database went away");
    runner(failing(List.of(down, down, down))).runNext("second", Integer.MAX_VALUE);

    ImportJob failed = job(id);
    assertThat(failed.state()).isEqualTo(ImportState.FAILED);
    assertThat(failed.counts().created()).isEqualTo(10);
    assertThat(contacts()).isEqualTo(10);
    assertThat(persistence.transactions().inWorkspace(workspace, () -> stores.jobs().nextRows(workspace, id, 0, 100)))
        .isEmpty();
    assertThat(runner(failing(List.of())).runNext("third", Integer.MAX_VALUE)).as("off the queue").isZero();
  }

  @Test
  void givenABatchFailingTwice_whenRun_thenTheThirdAttemptCompletesIt() {
    ImportJobId id = queued(15);
    RuntimeException down = new IllegalStateException("a blip");
    runner(failing(List.of(down, down))).runNext("worker", Integer.MAX_VALUE);
    assertThat(job(id).state()).isEqualTo(ImportState.COMPLETED);
    assertThat(job(id).counts().created()).isEqualTo(15);
  }

  @Test
  void givenARecordMadeByTheApiMidBatch_whenItsInsertMeetsTheDuplicate_thenTheBatchIsRetriedNotFailed() {
    ImportJobId id = queued(12);
    // as if the API stored row 5's contact between the batch's lookup and its insert: retried at once
    ConflictException taken = new ConflictException(ConflictException.Kind.DUPLICATE, "email is already taken");
    List<RuntimeException> failures = List.of(taken, taken, taken, taken);
    persistence.transactions().inWorkspace(workspace, () -> {
      persistence.contacts().insert(Contact.create(workspace,
          dev.custodian.crm.core.contact.ContactId.of(UUID.randomUUID()),
          new dev.custodian.crm.core.contact.PersonName("Made"), new dev.custodian.crm.core.contact.PersonName("Meanwhile"),
          new dev.custodian.crm.core.common.EmailAddress("row5@example.org"), Optional.empty(), Optional.empty(),
          Optional.empty(), Instant.now()));
      return null;
    });
    runner(failing(failures)).runNext("worker", Integer.MAX_VALUE);
    ImportJob done = job(id);
    assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
    assertThat(done.counts()).isEqualTo(new ImportCounts(12, 11, 0, 1, 0));
    assertThat(contacts()).isEqualTo(12);
  }

  @Test
  void givenAWorkspaceCancelledAfterItsJobWasQueued_whenRun_thenTheJobIsCancelledItsRowsGoneAndNothingWritten() {
    ImportJobId id = queued(25);
    runner(failing(List.of())).runNext("first", 1); // one batch, before the workspace is cancelled
    persistence.transactions().inPlatform(() -> persistence.workspaces().changeStatus(workspace,
        new dev.custodian.crm.core.workspace.WorkspaceStatus.Cancelled(clock.instant(),
            clock.instant().plus(Duration.ofDays(30)))));
    clock.advance(Duration.ofMinutes(2)); // the first worker's lease ends

    assertThat(runner(failing(List.of())).runNext("second", Integer.MAX_VALUE)).isEqualTo(1);
    ImportJob cancelled = job(id);
    assertThat(cancelled.state()).isEqualTo(ImportState.CANCELLED);
    assertThat(cancelled.counts().created()).isEqualTo(10);
    assertThat(contacts()).as("only the batch before the cancellation").isEqualTo(10);
    assertThat(persistence.transactions().inWorkspace(workspace, () -> stores.jobs().nextRows(workspace, id, 0, 100)))
        .isEmpty();
    assertThat(runner(failing(List.of())).runNext("third", Integer.MAX_VALUE)).as("off the queue").isZero();
  }
}
