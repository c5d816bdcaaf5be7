package dev.custodian.crm.core.imports;

import static dev.custodian.crm.core.company.CompanyFixtures.aCompany;
import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.imports.port.out.ImportTargets;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the import ports: {@link ImportJobRepository} (jobs, staged rows, error rows),
 * {@link ImportQueue} and {@link ImportTargets}. Run by the in-memory fakes and by the jOOQ adapter.
 */
public abstract class AbstractImportJobRepositoryContractTest extends AbstractPortContractTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  protected ImportJobRepository jobs;
  protected ImportQueue queue;
  protected ImportTargets targets;
  protected ContactRepository contacts;
  protected CompanyRepository companies;

  /** The import stores under test, over the same transactions as {@link #contactStore()} and {@link #companyStore()}. */
  protected abstract ImportStores stores();

  protected abstract ContactRepository contactStore();

  protected abstract CompanyRepository companyStore();

  @Override
  protected void portsReady() {
    ImportStores stores = stores();
    jobs = stores.jobs();
    queue = stores.queue();
    targets = stores.targets();
    contacts = contactStore();
    companies = companyStore();
  }

  private ImportJob job(WorkspaceId workspace, Instant at) {
    ImportJob job = ImportJob.queued(workspace, ImportJobId.of(UUID.randomUUID()), ImportObject.CONTACTS,
        DuplicateMode.SKIP, List.of("email", "firstName", "lastName"), 0, at);
    run(workspace, () -> jobs.insert(job));
    return job;
  }

  private static StagedRow row(long line, String email, String... cells) {
    List<String> all = new ArrayList<>();
    all.add(email);
    all.addAll(Arrays.asList(cells));
    return new StagedRow(line, all, Optional.ofNullable(email).map(String::toLowerCase), Optional.empty());
  }

  @Test
  void givenAJob_whenReadListedAndUpdated_thenItsWorkspaceSeesItAndNoOtherDoes() {
    ImportJob job = job(a, T0);
    assertThat(in(a, () -> jobs.findById(a, job.id()))).contains(job);
    assertThat(in(a, () -> jobs.list(a, PageRequest.first(10))).items()).containsExactly(job);
    assertRefusedOr(() -> in(b, () -> jobs.findById(a, job.id())), found -> assertThat(found).isEmpty());
    assertThat(in(b, () -> jobs.findById(b, job.id()))).isEmpty();
    assertThat(in(b, () -> jobs.list(b, PageRequest.first(10))).items()).isEmpty();

    ImportJob ran = ImportJob.queued(a, job.id(), job.object(), job.onDuplicate(), job.fields(), 5, T0)
        .afterBatch(2, 1, 1, 1, T0.plusSeconds(1)).finished(ImportState.COMPLETED, T0.plusSeconds(2));
    assertThat(in(a, () -> jobs.update(ran))).isTrue();
    assertThat(in(a, () -> jobs.findByIdForUpdate(a, job.id()))).contains(ran);
    assertThat(in(b, () -> jobs.update(new ImportJob(b, job.id(), job.object(), job.onDuplicate(), job.fields(),
        ImportState.RUNNING, job.counts(), T0, T0, Optional.empty())))).isFalse();
  }

  @Test
  void givenStagedRows_whenReadInBatches_thenByLineWithEveryCellAsStaged() {
    ImportJob job = job(a, T0);
    String awkward = "Comma, \"quote\"\r\nnew line ~ 3:x é 😀";
    run(a, () -> jobs.stage(a, job.id(), List.of(row(9, "c@example.org", null, "C"), row(2, "a@example.org", awkward, ""),
        row(5, "b@example.org", "B", null))));

    List<StagedRow> first = in(a, () -> jobs.nextRows(a, job.id(), 0, 2));
    assertThat(first).extracting(StagedRow::line).containsExactly(2L, 5L);
    assertThat(first.get(0).cells()).containsExactly("a@example.org", awkward, "");
    assertThat(first.get(0).matchKey()).contains("a@example.org");
    assertThat(first.get(1).cells()).containsExactly("b@example.org", "B", null);
    assertThat(in(b, () -> jobs.nextRows(b, job.id(), 0, 10))).isEmpty();
    assertThat(in(a, () -> jobs.nextRows(a, job.id(), 2, 10))).as("after a line").extracting(StagedRow::line)
        .containsExactly(5L, 9L);
    assertThat(in(a, () -> jobs.nextRows(a, job.id(), 5, 1))).extracting(StagedRow::line).containsExactly(9L);

    run(a, () -> jobs.deleteRowsBetween(a, job.id(), 3, 5));
    assertThat(in(a, () -> jobs.nextRows(a, job.id(), 0, 10))).extracting(StagedRow::line).containsExactly(2L, 9L);
    run(a, () -> jobs.deleteRowsBetween(a, job.id(), 2, 2));
    assertThat(in(a, () -> jobs.nextRows(a, job.id(), 0, 10))).extracting(StagedRow::line).containsExactly(9L);
    run(a, () -> jobs.deleteRows(a, job.id()));
    assertThat(in(a, () -> jobs.nextRows(a, job.id(), 0, 10))).isEmpty();
  }

  @Test
  void givenErrorRows_whenRead_thenByLineAndOnlyForTheJobsWorkspace() {
    ImportJob job = job(a, T0);
    run(a, () -> jobs.addErrors(a, job.id(), List.of(new ImportError(7, "email", "must be a valid email address"),
        new ImportError(3, "firstName", "is required"), new ImportError(3, "lastName", "is required"))));
    List<ImportError> read = new ArrayList<>();
    assertThat(in(a, () -> jobs.errors(a, job.id(), read::add))).isTrue();
    assertThat(read).extracting(ImportError::line, ImportError::field)
        .containsExactly(tuple(3L, "firstName"), tuple(3L, "lastName"), tuple(7L, "email"));

    List<ImportError> none = new ArrayList<>();
    assertThat(in(b, () -> jobs.errors(b, job.id(), none::add))).as("another workspace's job is none").isFalse();
    assertThat(in(a, () -> jobs.errors(a, ImportJobId.of(UUID.randomUUID()), none::add))).isFalse();
    assertThat(none).isEmpty();
    ImportJob clean = job(a, T0.plusSeconds(1));
    assertThat(in(a, () -> jobs.errors(a, clean.id(), none::add))).as("a job without errors is found").isTrue();
  }

  @Test
  @DisplayName("DSR-04: an erasure's deletion of staged rows takes those of the email or phone, in its workspace only")
  void givenStagedRowsOfAPerson_whenErased_thenOnlyTheirRowsGo() {
    ImportJob inA = job(a, T0);
    ImportJob inB = job(b, T0);
    StagedRow byPhone = new StagedRow(4, List.of("x@example.org", "X", "Y"), Optional.of("x@example.org"),
        Optional.of("+442079460958"));
    run(a, () -> jobs.stage(a, inA.id(), List.of(row(2, "ada@example.org", "Ada", "L"), row(3, "bob@example.org", "B", "B"),
        byPhone)));
    run(b, () -> jobs.stage(b, inB.id(), List.of(row(2, "ada@example.org", "Ada", "L"))));
    // DSR-01: the same rows are the person's package section, in its workspace only
    List<StagedRow> streamed = new ArrayList<>();
    run(a, () -> jobs.streamStagedOf(a, Optional.of("ada@example.org"), Optional.of("+442079460958"), streamed::add));
    assertThat(streamed).extracting(StagedRow::line).containsExactly(2L, 4L);
    assertThat(streamed.get(0).cells()).contains("Ada");

    assertThat(in(a, () -> jobs.deleteStagedOf(a, Optional.of("ada@example.org"), Optional.of("+442079460958"))))
        .isEqualTo(2);
    assertThat(in(a, () -> jobs.nextRows(a, inA.id(), 0, 10))).extracting(StagedRow::line).containsExactly(3L);
    assertThat(in(b, () -> jobs.nextRows(b, inB.id(), 0, 10))).hasSize(1);
  }

  @Test
  void givenQueuedJobs_whenClaimed_thenOldestFirstOnePerWorkspaceUntilTheLeaseEnds() {
    ImportJob first = job(a, T0);
    ImportJob second = job(a, T0.plusSeconds(1));
    ImportJob other = job(b, T0.plusSeconds(2));
    tx.inPlatform(() -> {
      queue.enqueue(a, first.id(), T0);
      queue.enqueue(a, second.id(), T0.plusSeconds(1));
      queue.enqueue(b, other.id(), T0.plusSeconds(2));
      return null;
    });
    Instant now = T0.plusSeconds(10);
    Instant until = now.plus(Duration.ofMinutes(1));
    Optional<ImportQueue.Claim> one = tx.inPlatform(() -> queue.claim("w1", now, until));
    Optional<ImportQueue.Claim> two = tx.inPlatform(() -> queue.claim("w2", now, until));
    Optional<ImportQueue.Claim> three = tx.inPlatform(() -> queue.claim("w3", now, until));
    assertThat(one).map(ImportQueue.Claim::job).contains(first.id());
    assertThat(two).as("the other workspace's, not a's second").map(ImportQueue.Claim::job).contains(other.id());
    assertThat(three).as("a runs one job at a time").isEmpty();

    assertThat(tx.inPlatform(() -> queue.renew(new ImportQueue.Claim(a, first.id(), "w3", 0), until))).isFalse();
    assertThat(tx.inPlatform(() -> queue.renew(one.get(), until.plusSeconds(60)))).isTrue();
    Optional<ImportQueue.Claim> afterLease = tx.inPlatform(() -> queue.claim("w4", until.plusSeconds(61), until.plusSeconds(120)));
    assertThat(afterLease).as("once its lease ended, another worker takes it").map(ImportQueue.Claim::job)
        .contains(first.id());
    assertThat(tx.inPlatform(() -> queue.renew(one.get(), until.plusSeconds(200)))).as("w1 lost it").isFalse();

    assertThat(tx.inPlatform(() -> queue.failedAttempt(afterLease.get()))).isEqualTo(1);
    assertThat(tx.inPlatform(() -> queue.failedAttempt(afterLease.get()))).isEqualTo(2);
    run(a, () -> queue.remove(a, first.id()));
    Optional<ImportQueue.Claim> next = tx.inPlatform(() -> queue.claim("w5", until.plusSeconds(62), until.plusSeconds(120)));
    assertThat(next).as("a's next job, once the first left the queue").map(ImportQueue.Claim::job).contains(second.id());
  }

  @Test
  void givenStoredRecords_whenLookedUpByEmailOrDomain_thenTheWorkspacesOnly() {
    Contact ada = aContact(a);
    Company acme = aCompany(a);
    run(a, () -> {
      companies.insert(acme);
      contacts.insert(ada);
    });
    String email = ada.email().normalised();
    String domain = acme.domain().orElseThrow().value();
    assertThat(in(a, () -> targets.contactsByEmail(a, List.of(email, "nobody@example.org"))))
        .containsExactlyEntriesOf(Map.of(email, ada.id()));
    assertThat(in(a, () -> targets.companiesByDomain(a, List.of(domain, "none.example.com"))))
        .containsExactlyEntriesOf(Map.of(domain, acme.id()));
    assertThat(in(b, () -> targets.contactsByEmail(b, List.of(email)))).isEmpty();
    assertThat(in(b, () -> targets.companiesByDomain(b, List.of(domain)))).isEmpty();
  }
}
