package dev.custodian.crm.core.imports.port.out;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.imports.ImportError;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.StagedRow;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Out-port: stores import jobs, their staged rows and their error rows. Every method is scoped to
 * the given workspace (a call for workspace B never reads, changes or deletes a row of workspace A),
 * joins the caller's open transaction, and fails with {@link IllegalStateException} when none is
 * open.
 */
public interface ImportJobRepository {

  void insert(ImportJob job);

  Optional<ImportJob> findById(WorkspaceId workspace, ImportJobId id);

  /** Reads the job and locks it until the transaction ends (a batch, a cancel: one at a time). */
  Optional<ImportJob> findByIdForUpdate(WorkspaceId workspace, ImportJobId id);

  /** A page of the workspace's jobs, oldest first. */
  Page<ImportJob> list(WorkspaceId workspace, PageRequest page);

  /** Replaces the stored job's state, counts and times with {@code job}'s; false when it is gone. */
  boolean update(ImportJob job);

  /** Stages rows of the job, in as few statements as the adapter can (a multi-row insert per chunk). */
  void stage(WorkspaceId workspace, ImportJobId job, List<StagedRow> rows);

  /**
   * The job's first {@code limit} staged rows after line {@code afterLine} (0: from the first), by
   * line. A worker passes the last line of its previous batch, so the read starts past the rows
   * that batch deleted instead of stepping over them (not yet vacuumed, they cost a scan from the
   * start more with every batch).
   */
  List<StagedRow> nextRows(WorkspaceId workspace, ImportJobId job, long afterLine, int limit);

  /**
   * Deletes the job's staged rows from line {@code firstLine} through {@code lastLine}, both
   * included: a batch's own rows, found from its first (not by stepping over every row an earlier
   * batch deleted).
   */
  void deleteRowsBetween(WorkspaceId workspace, ImportJobId job, long firstLine, long lastLine);

  /** Deletes all of the job's staged rows. */
  void deleteRows(WorkspaceId workspace, ImportJobId job);

  /** Adds error rows of the job (several for one line keep their order). */
  void addErrors(WorkspaceId workspace, ImportJobId job, List<ImportError> errors);

  /**
   * Hands the job's error rows, by line, to {@code sink}, in one statement with the job's own
   * lookup.
   *
   * @return false when the workspace has no such job (then nothing was handed)
   */
  boolean errors(WorkspaceId workspace, ImportJobId job, Consumer<? super ImportError> sink);

  /**
   * Deletes the staged rows of any job of the workspace whose normalised email equals
   * {@code email} or whose phone equals {@code phone} (an erasure).
   *
   * @return how many were deleted
   */
  int deleteStagedOf(WorkspaceId workspace, Optional<String> email, Optional<String> phone);

  /**
   * Hands every staged, not yet run row of the normalised {@code email} or the {@code phone} (as
   * {@link #deleteStagedOf} matches them) to {@code sink}, one at a time: the person's records in
   * an import, for their package (DSR-01).
   */
  void streamStagedOf(WorkspaceId workspace, Optional<String> email, Optional<String> phone,
      Consumer<StagedRow> sink);
}
