package dev.custodian.crm.core.task;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link TaskRepository}: workspace scoping, links checked as the foreign keys do,
 * optimistic locking, the unlink seam (a task stays), a member's departure, the erasure's two
 * steps, and the list's sorts walked both ways (no due time last, both ways). Run by the fake,
 * the jOOQ adapter, and the jOOQ adapter as a role that bypasses row-level security.
 */
public abstract class AbstractTaskRepositoryContractTest extends AbstractPortContractTest {

  protected TaskRepository tasks;
  protected ContactRepository contacts;
  protected CompanyRepository companies;

  protected abstract ContactRepository contacts();

  protected abstract CompanyRepository companies();

  protected abstract TaskRepository tasks();

  @Override
  protected void portsReady() {
    companies = companies();
    contacts = contacts();
    tasks = tasks();
  }

  private Contact contact(WorkspaceId workspace) {
    Contact contact = aContact(workspace);
    run(workspace, () -> contacts.insert(contact));
    return contact;
  }

  private static Links linksTo(Contact... contacts) {
    return new Links(java.util.Arrays.stream(contacts).map(Contact::id).collect(java.util.stream.Collectors.toSet()),
        Set.of(), Set.of());
  }

  private static Task aTask(WorkspaceId workspace, Links links, Optional<AccountId> assignee) {
    return Task.create(workspace, TaskId.of(UUID.randomUUID()), new TaskTitle("Send the offer"),
        Optional.of(new Body("Details\nhere")), Optional.of(Instant.parse("2026-02-01T09:00:00.123456Z")), false,
        assignee, links, Instant.parse("2026-01-31T12:00:00.654321Z"));
  }

  private Task stored(Task task) {
    run(task.workspace(), () -> tasks.insert(task));
    return task;
  }

  private Optional<Task> read(WorkspaceId workspace, TaskId id) {
    return in(workspace, () -> tasks.findById(workspace, id));
  }

  @Test
  void givenStoredTask_whenRead_thenEverythingRoundTrips_withOrWithoutLinks() {
    Task linked = stored(aTask(a, linksTo(contact(a)), Optional.of(AccountId.of(UUID.randomUUID()))));
    Task bare = stored(aTask(a, Links.NONE, Optional.empty()));
    assertThat(read(a, linked.id())).hasValue(linked);
    assertThat(read(a, bare.id())).hasValue(bare);
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> tasks.findById(a, TaskId.of(UUID.randomUUID()))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenTaskOfA_whenReadListedOrDeletedAsB_thenNothingIsFoundOrChanged() {
    AccountId member = AccountId.of(UUID.randomUUID());
    Task task = stored(aTask(a, linksTo(contact(a)), Optional.of(member)));
    assertThat(read(b, task.id())).isEmpty();
    assertThat(in(b, () -> tasks.delete(b, task.id(), OptionalLong.empty()))).isFalse();
    assertThat(in(b, () -> tasks.list(b, ListQuery.first(TaskListing.OFFER, 100))).items()).isEmpty();
    assertThat(in(b, () -> tasks.memberLeft(b, member))).isZero();
    assertThat(read(a, task.id())).hasValue(task);
  }

  @Test
  void givenLinkToAnotherWorkspacesContact_whenInserted_thenRefusedOnThatField_andNothingStored() {
    Task foreign = aTask(a, linksTo(contact(b)), Optional.empty());
    assertThatThrownBy(() -> run(a, () -> tasks.insert(foreign)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly(Links.CONTACT_IDS));
    assertThat(read(a, foreign.id())).isEmpty();
  }

  @Test
  void givenStaleVersion_whenUpdated_thenNothingChanges() {
    Task task = stored(aTask(a, Links.NONE, Optional.empty()));
    Task done = task.changed(task.title(), task.body(), task.dueAt(), true, task.assignee(), linksTo(contact(a)),
        Instant.now());
    assertThat(in(a, () -> tasks.update(done, 3))).isFalse();
    assertThat(read(a, task.id())).hasValue(task);
    assertThat(in(a, () -> tasks.update(done, 1))).isTrue();
    assertThat(read(a, task.id())).hasValue(done);
    assertThat(read(a, task.id()).orElseThrow().doneAt()).isPresent();
  }

  @Test
  void givenContactUnlinked_thenTheTaskStays_andAMembersDepartureUnassignsOnlyTheirs() {
    Contact x = contact(a);
    AccountId leaving = AccountId.of(UUID.randomUUID());
    AccountId staying = AccountId.of(UUID.randomUUID());
    Task theirs = stored(aTask(a, linksTo(x), Optional.of(leaving)));
    Task others = stored(aTask(a, Links.NONE, Optional.of(staying)));
    run(a, () -> tasks.unlinkContact(a, x.id()));
    assertThat(read(a, theirs.id()).orElseThrow().links()).isEqualTo(Links.NONE);
    assertThat(in(a, () -> tasks.memberLeft(a, leaving))).isEqualTo(1);
    Task unassigned = read(a, theirs.id()).orElseThrow();
    assertThat(unassigned.assignee()).isEmpty();
    assertThat(unassigned.version()).isEqualTo(2);
    assertThat(read(a, others.id())).hasValue(others);
  }

  @Test
  void givenErasure_thenTheContactsOwnTasksGo_andSharedOnesLoseTheLink() {
    Contact x = contact(a);
    Contact y = contact(a);
    Task alone = stored(aTask(a, linksTo(x), Optional.empty()));
    Task shared = stored(aTask(a, linksTo(x, y), Optional.empty()));
    assertThat(in(a, () -> tasks.deleteOfContactAlone(a, x.id()))).isEqualTo(1);
    assertThat(in(a, () -> tasks.unlinkSharedContact(a, x.id()))).containsExactly(shared.id());
    assertThat(read(a, alone.id())).isEmpty();
    assertThat(read(a, shared.id()).orElseThrow().links()).isEqualTo(linksTo(y));
  }

  @Test
  void walkingEachSortBothWaysOver10000Tasks_whileOthersAreInserted_returnsEachExistingOneOnceInOrder()
      throws Exception {
    WorkspaceId workspace = a;
    Map<String, java.util.function.Function<java.util.Random, Object>> values = new HashMap<>();
    values.put(TaskListing.DUE_AT, random -> random.nextInt(4) == 0 ? null
        : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(50)));
    KeysetWalkCheck.walkEverySortBothWaysWhileOthersAreInserted(TaskListing.OFFER,
        new KeysetWalkCheck.SortedStore<Task>() {
          @Override
          public void insert(List<KeysetWalkCheck.Sample> samples) {
            run(workspace, () -> samples.forEach(sample -> tasks.insert(Task.create(workspace,
                TaskId.of(sample.id()), new TaskTitle("Walk"), Optional.empty(),
                Optional.ofNullable((Instant) sample.value(TaskListing.DUE_AT)), false, Optional.empty(), Links.NONE,
                (Instant) sample.value(TaskListing.CREATED_AT)))));
          }

          @Override
          public Page<Task> list(ListQuery query) {
            return in(workspace, () -> tasks.list(workspace, query));
          }

          @Override
          public KeysetWalkCheck.Sample sampleOf(Task task) {
            Map<String, Object> sample = new HashMap<>();
            sample.put(TaskListing.CREATED_AT, task.createdAt());
            sample.put(TaskListing.DUE_AT, task.dueAt().orElse(null));
            return new KeysetWalkCheck.Sample(task.id().value(), sample);
          }
        }, values);
  }
}
