package dev.custodian.crm.core.company.port.out;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Out-port: stores companies. Every method is scoped to the given workspace (a call for workspace B
 * never returns, changes or deletes a company of workspace A), joins the caller's open
 * transaction, and fails with {@link IllegalStateException} when none is open.
 */
public interface CompanyRepository {

  /**
   * Stores a new company.
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its domain is taken by another
   *     company of the workspace
   */
  void insert(Company company);

  Optional<Company> findById(WorkspaceId workspace, CompanyId id);

  /**
   * Reads the company and locks it until the transaction ends: against concurrent changes and
   * deletes, and against new references to it (a contact naming it waits), for a delete that must
   * unlink every reference before the company goes.
   */
  Optional<Company> findByIdForUpdate(WorkspaceId workspace, CompanyId id);

  /**
   * A page of the workspace's companies as {@code query} filters and sorts them (a query of
   * {@link dev.custodian.crm.core.company.CompanyListing#OFFER}), after its cursor: empty values
   * last both ways, text ignoring case in code-point order, ties by id in PostgreSQL's uuid order.
   */
  Page<Company> list(WorkspaceId workspace, ListQuery query);

  /**
   * Hands every company of {@code query}'s whole walk (its page ignored), in {@link #list}'s order,
   * to {@code sink}, as the open transaction sees them (an export); by default page by page, an
   * adapter streams them through one statement.
   * Each carries the values of {@code fields} only (company fields; none: no custom values).
   */
  default void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields,
      Consumer<? super Company> sink) {
    query.forEachRow(next -> list(workspace, next), row -> sink.accept(row.withCustom(row.custom().only(fields))));
  }

  /**
   * Replaces the stored company with {@code changed} if the stored version is still
   * {@code expectedVersion}; a stale write changes nothing.
   *
   * @return false when the company is gone or its version is no longer {@code expectedVersion}
   * @throws ConflictException of kind {@code DUPLICATE} when the new domain is taken
   */
  boolean update(Company changed, long expectedVersion);

  /**
   * Deletes the company, if {@code expectedVersion} (when given) still matches. Rows that refer to
   * it must have been unlinked first ({@link CompanyLinks}).
   *
   * @return false when nothing was deleted
   */
  boolean delete(WorkspaceId workspace, CompanyId id, OptionalLong expectedVersion);
}
