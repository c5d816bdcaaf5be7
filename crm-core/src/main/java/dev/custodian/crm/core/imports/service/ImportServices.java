package dev.custodian.crm.core.imports.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportState;
import dev.custodian.crm.core.imports.port.in.ImportUseCases;
import dev.custodian.crm.core.imports.port.in.RunImportsUseCase;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;

/** Factory: the import use cases, the workers' runner and the erasure participant of staged rows. */
public final class ImportServices {

  /** The receipt's name of the staged rows' erasure participant. */
  public static final String IMPORT_ROWS = ImportRowsParticipant.NAME;

  private ImportServices() {}

  /** The members' use cases: start, get, list, cancel, errors. */
  public static ImportUseCases create(WorkspaceTransactions transactions, ImportStores stores,
      CustomFieldRepository customFields, IdGenerator ids, Clock clock) {
    return new ImportUseCases(
        new StartImportService(transactions, stores.jobs(), stores.queue(), customFields, ids, clock),
        (actor, workspace, id) -> transactions.inWorkspace(workspace, actor, Permission.IMPORT_READ,
            () -> stores.jobs().findById(workspace, id).orElseThrow(() -> new NotFoundException("import"))),
        (actor, query) -> transactions.page(actor, Permission.IMPORT_READ, query, stores.jobs()::list),
        (actor, workspace, id) -> transactions.inWorkspace(workspace, actor, Permission.IMPORT_WRITE, () -> {
          // The queue's row first, as a batch locks it first (then the job): the two meet in one order.
          stores.queue().remove(workspace, id);
          ImportJob job = stores.jobs().findByIdForUpdate(workspace, id)
              .orElseThrow(() -> new NotFoundException("import"));
          if (job.state().isFinal()) {
            throw new ConflictException(CrmException.Kind.INVALID_STATE, "the import has finished already");
          }
          stores.jobs().deleteRows(workspace, id);
          ImportJob cancelled = job.finished(ImportState.CANCELLED, Timestamps.now(clock));
          stores.jobs().update(cancelled);
          return cancelled;
        }),
        (actor, workspace, id, sink) -> transactions.inWorkspace(workspace, actor, Permission.IMPORT_READ, () -> {
          if (!stores.jobs().errors(workspace, id, sink)) {
            throw new NotFoundException("import");
          }
          return null;
        }));
  }

  /**
   * What workers run: claims and batches, each batch's rows through the commands' value objects,
   * the suppression list ({@code suppressedAmong}) and the duplicates' lookup; a job of a workspace
   * cancelled since it was queued is cancelled ({@code workspaces} tells).
   */
  public static RunImportsUseCase runner(Transactions transactions, WorkspaceRepository workspaces,
      ImportStores stores, ContactRepository contacts, CompanyRepository companies, CustomFieldRepository customFields,
      CustomValueRepository customValues, SuppressionList suppression, IdGenerator ids, Clock clock,
      ImportSettings settings) {
    return new RunImportsService(transactions, workspaces, stores.jobs(), stores.queue(),
        new ImportBatch(contacts, companies, customFields, customValues, stores.targets(), suppression, ids),
        settings, clock);
  }

  /** The erasure participant {@value #IMPORT_ROWS}: the staged rows of an erased email or phone. */
  public static ErasureParticipant erasureParticipant(ImportStores stores, ContactRepository contacts) {
    return new ImportRowsParticipant(stores.jobs(), contacts);
  }

  /**
   * The package section of the person's staged import rows (DSR-01), named as their erasure
   * participant: each row of the contact's email or phone not yet run, its line and cells.
   */
  public static SubjectDataParticipant subjectDataParticipant(ImportStores stores) {
    return new ImportRowsSection(stores.jobs());
  }
}
