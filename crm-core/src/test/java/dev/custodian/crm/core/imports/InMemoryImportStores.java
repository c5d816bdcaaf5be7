package dev.custodian.crm.core.imports;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTenantRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.imports.port.out.ImportTargets;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * In-memory fakes of the import ports; pass the same contract as the jOOQ adapter. Staged and error
 * rows are visible only in a transaction of their workspace, as row-level security makes them.
 */
public final class InMemoryImportStores {

  private InMemoryImportStores() {}

  /** The three ports over {@code transactions}, duplicates looked up in {@code contacts} and {@code companies}. */
  public static ImportStores create(InMemoryTransactions transactions, InMemoryContactRepository contacts,
      InMemoryCompanyRepository companies) {
    return new ImportStores(new Jobs(transactions), new Queue(transactions), new Targets(contacts, companies));
  }

  private record RowKey(WorkspaceId workspace, ImportJobId job, long line) {}

  private record ErrorRow(WorkspaceId workspace, ImportJobId job, ImportError error) {}

  /** The jobs in a tenant table, their staged and error rows in tables checked against the bound workspace. */
  static final class Jobs extends InMemoryTenantRepository<ImportJobId, ImportJob> implements ImportJobRepository {

    private final InMemoryTransactions transactions;
    private final InMemoryTable<RowKey, StagedRow> rows;
    private final InMemoryTable<Long, ErrorRow> errors;
    private long nextError;

    Jobs(InMemoryTransactions transactions) {
      super(InMemoryTenantTable.builder(transactions, ImportJob::workspace, ImportJob::id)
          .walkOrder(ImportJob::createdAt, j -> j.id().value()).build());
      this.transactions = transactions;
      this.rows = transactions.newTable();
      this.errors = transactions.newTable();
    }

    private boolean bound(WorkspaceId workspace) {
      return transactions.boundWorkspace().equals(Optional.of(workspace));
    }

    private void requireBound(WorkspaceId workspace) {
      if (!bound(workspace)) {
        throw new IllegalStateException("rows are written in a transaction of their workspace");
      }
    }

    @Override
    public Optional<ImportJob> findById(WorkspaceId workspace, ImportJobId id) {
      return table.find(workspace, id);
    }

    @Override
    public Optional<ImportJob> findByIdForUpdate(WorkspaceId workspace, ImportJobId id) {
      return table.find(workspace, id); // transactions run one at a time: a lock in itself
    }

    @Override
    public Page<ImportJob> list(WorkspaceId workspace, PageRequest page) {
      return table.page(workspace, page);
    }

    @Override
    public boolean update(ImportJob job) {
      return table.replace(job);
    }

    @Override
    public void stage(WorkspaceId workspace, ImportJobId job, List<StagedRow> staged) {
      requireBound(workspace);
      if (table.find(workspace, job).isEmpty()) {
        throw new IllegalStateException("no such job");
      }
      staged.forEach(row -> rows.rows().put(new RowKey(workspace, job, row.line()), row));
    }

    @Override
    public List<StagedRow> nextRows(WorkspaceId workspace, ImportJobId job, long afterLine, int limit) {
      if (!bound(workspace)) {
        return List.of();
      }
      return rows.rows().entrySet().stream()
          .filter(e -> e.getKey().workspace().equals(workspace) && e.getKey().job().equals(job))
          .map(Map.Entry::getValue).filter(row -> row.line() > afterLine).sorted(Comparator.comparingLong(StagedRow::line))
          .limit(limit).toList();
    }

    @Override
    public void deleteRowsBetween(WorkspaceId workspace, ImportJobId job, long firstLine, long lastLine) {
      if (bound(workspace)) {
        rows.rows().keySet().removeIf(k -> k.workspace().equals(workspace) && k.job().equals(job)
            && k.line() >= firstLine && k.line() <= lastLine);
      }
    }

    @Override
    public void deleteRows(WorkspaceId workspace, ImportJobId job) {
      deleteRowsBetween(workspace, job, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public void addErrors(WorkspaceId workspace, ImportJobId job, List<ImportError> added) {
      requireBound(workspace);
      added.forEach(error -> errors.rows().put(nextError++, new ErrorRow(workspace, job, error)));
    }

    @Override
    public boolean errors(WorkspaceId workspace, ImportJobId job, Consumer<? super ImportError> sink) {
      if (table.find(workspace, job).isEmpty()) {
        return false;
      }
      List<Map.Entry<Long, ErrorRow>> found = new ArrayList<>(errors.rows().entrySet().stream()
          .filter(e -> e.getValue().workspace().equals(workspace) && e.getValue().job().equals(job)).toList());
      found.sort(Comparator.comparingLong((Map.Entry<Long, ErrorRow> e) -> e.getValue().error().line())
          .thenComparing(Map.Entry::getKey));
      found.forEach(e -> sink.accept(e.getValue().error()));
      return true;
    }

    @Override
    public int deleteStagedOf(WorkspaceId workspace, Optional<String> email, Optional<String> phone) {
      if (!bound(workspace)) {
        return 0;
      }
      int before = rows.rows().size();
      rows.rows().entrySet().removeIf(e -> e.getKey().workspace().equals(workspace)
          && (email.isPresent() && e.getValue().matchKey().equals(email)
              || phone.isPresent() && e.getValue().phone().equals(phone)));
      return before - rows.rows().size();
    }

    @Override
    public void streamStagedOf(WorkspaceId workspace, Optional<String> email, Optional<String> phone,
        Consumer<StagedRow> sink) {
      if (!bound(workspace)) {
        return;
      }
      rows.rows().entrySet().stream()
          .filter(e -> e.getKey().workspace().equals(workspace)
              && (email.isPresent() && e.getValue().matchKey().equals(email)
                  || phone.isPresent() && e.getValue().phone().equals(phone)))
          .sorted(Comparator.comparing((Map.Entry<RowKey, StagedRow> e) -> e.getKey().job().value().toString())
              .thenComparingLong(e -> e.getKey().line()))
          .map(Map.Entry::getValue).toList().forEach(sink);
    }
  }

  private record Entry(WorkspaceId workspace, ImportJobId job, Instant queuedAt, String leasedBy,
      Instant leasedUntil, int attempts) {}

  private record QueueKey(WorkspaceId workspace, ImportJobId job) {}

  /** The queue in a platform table. */
  static final class Queue implements ImportQueue {

    private final InMemoryTable<QueueKey, Entry> entries;

    Queue(InMemoryTransactions transactions) {
      this.entries = transactions.newTable();
    }

    @Override
    public void enqueue(WorkspaceId workspace, ImportJobId job, Instant now) {
      entries.rows().put(new QueueKey(workspace, job), new Entry(workspace, job, now, null, null, 0));
    }

    @Override
    public Optional<Claim> claim(String worker, Instant now, Instant leasedUntil) {
      Map<WorkspaceId, Entry> oldest = new HashMap<>();
      entries.rows().values().forEach(e -> oldest.merge(e.workspace(), e,
          (x, y) -> x.queuedAt().isAfter(y.queuedAt()) ? y : x));
      Optional<Entry> due = oldest.values().stream()
          .filter(e -> e.leasedUntil() == null || e.leasedUntil().isBefore(now))
          .min(Comparator.comparing(Entry::queuedAt));
      due.ifPresent(e -> entries.rows().put(new QueueKey(e.workspace(), e.job()),
          new Entry(e.workspace(), e.job(), e.queuedAt(), worker, leasedUntil, e.attempts())));
      return due.map(e -> new Claim(e.workspace(), e.job(), worker, e.attempts()));
    }

    @Override
    public boolean renew(Claim claim, Instant leasedUntil) {
      QueueKey key = new QueueKey(claim.workspace(), claim.job());
      Entry e = entries.rows().get(key);
      if (e == null || !claim.worker().equals(e.leasedBy())) {
        return false;
      }
      entries.rows().put(key, new Entry(e.workspace(), e.job(), e.queuedAt(), e.leasedBy(), leasedUntil, 0));
      return true;
    }

    @Override
    public int failedAttempt(Claim claim) {
      QueueKey key = new QueueKey(claim.workspace(), claim.job());
      Entry e = entries.rows().get(key);
      if (e == null) {
        return Integer.MAX_VALUE;
      }
      entries.rows().put(key, new Entry(e.workspace(), e.job(), e.queuedAt(), e.leasedBy(), e.leasedUntil(),
          e.attempts() + 1));
      return e.attempts() + 1;
    }

    @Override
    public void remove(WorkspaceId workspace, ImportJobId job) {
      entries.rows().remove(new QueueKey(workspace, job));
    }
  }

  /** Lookups over the contact and company fakes. */
  record Targets(InMemoryContactRepository contacts, InMemoryCompanyRepository companies) implements ImportTargets {

    @Override
    public Map<String, ContactId> contactsByEmail(WorkspaceId workspace, Collection<String> emails) {
      Set<String> wanted = Set.copyOf(emails);
      Map<String, ContactId> found = new HashMap<>();
      contacts.visible(workspace).filter(c -> wanted.contains(c.email().normalised()))
          .forEach(c -> found.put(c.email().normalised(), c.id()));
      return found;
    }

    @Override
    public Map<String, CompanyId> companiesByDomain(WorkspaceId workspace, Collection<String> domains) {
      Set<String> wanted = Set.copyOf(domains);
      Map<String, CompanyId> found = new HashMap<>();
      companies.visible(workspace).filter(c -> c.domain().map(CompanyDomain::value).filter(wanted::contains).isPresent())
          .forEach(c -> found.put(c.domain().get().value(), c.id()));
      return found;
    }
  }
}
