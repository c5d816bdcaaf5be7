package dev.custodian.crm.core.deal.port.out;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactLinks;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.PipelineSummary;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.port.out.StageOccupants;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Out-port: stores deals with their contact links and their stage history. Every method is scoped
 * to the given workspace (a call for workspace B never returns, changes or deletes a deal of
 * workspace A), joins the caller's open transaction, and fails with {@link IllegalStateException}
 * when none is open. A deal's company and contacts must be of its workspace: otherwise the write
 * fails with a {@link dev.custodian.crm.core.common.error.ValidationException} naming
 * {@code companyId} or {@code contactIds}, foreign or missing alike, and stores nothing.
 */
public interface DealRepository extends CompanyLinks, ContactLinks, StageOccupants {

  /**
   * Stores a new deal, its contact links and the history entry of its creation.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException for a company or contact not
   *     of the workspace
   */
  void insert(Deal deal, StageChange created);

  Optional<Deal> findById(WorkspaceId workspace, DealId id);

  /**
   * Which of these references are not records of the workspace (foreign or missing alike), asked
   * in one query before a write so that every bad one is named at once; the write's own check
   * still refuses one deleted meanwhile.
   */
  UnknownReferences unknownReferences(WorkspaceId workspace, Optional<CompanyId> company, Set<ContactId> contacts);

  /** The references a deal may not hold: its company if unknown, and each unknown contact. */
  record UnknownReferences(boolean company, Set<ContactId> contacts) {

    public UnknownReferences {
      contacts = Set.copyOf(contacts);
    }

    /** Each unknown reference as the field error its command's field gets. */
    public List<FieldError> errors() {
      List<FieldError> errors = new ArrayList<>();
      if (company) {
        errors.add(FieldError.field("companyId", "is not a company of this workspace"));
      }
      if (!contacts.isEmpty()) {
        errors.add(FieldError.field("contactIds", "must all be contacts of this workspace; "
            + contacts.size() + " of them are not"));
      }
      return errors;
    }
  }

  /**
   * A page of the workspace's deals as {@code query} filters and sorts them (a query of
   * {@link dev.custodian.crm.core.deal.DealListing#OFFER}), after its cursor.
   */
  Page<Deal> list(WorkspaceId workspace, ListQuery query);

  /**
   * Hands every deal of {@code query}'s whole walk (its page ignored), in {@link #list}'s order,
   * to {@code sink}, as the open transaction sees them (an export); by default page by page, an
   * adapter streams them through one statement.
   * Each carries the values of {@code fields} only (deal fields; none: no custom values).
   */
  default void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields,
      Consumer<? super Deal> sink) {
    query.forEachRow(next -> list(workspace, next), row -> sink.accept(row.withCustom(row.custom().only(fields))));
  }

  /**
   * Replaces the stored deal and its contact links with {@code changed} if the stored version is
   * still {@code expectedVersion}, and records {@code move} when it moved; a stale write changes
   * nothing and records nothing.
   *
   * @return false when the deal is gone or its version is no longer {@code expectedVersion}
   */
  boolean update(Deal changed, long expectedVersion, Optional<StageChange> move);

  /**
   * Deletes the deal with its contact links and its history, if {@code expectedVersion} (when
   * given) still matches.
   *
   * @return false when nothing was deleted
   */
  boolean delete(WorkspaceId workspace, DealId id, OptionalLong expectedVersion);

  /**
   * The aggregate of one pipeline's stages and their deals that pass {@code filters} (of
   * {@link dev.custodian.crm.core.deal.DealListing#SUMMARY_OFFER}, as the list applies them), in one
   * query: a row per stage and currency (see {@link dev.custodian.crm.core.deal.PipelineSummary.Row}),
   * a stage without such deals being one row of count 0; empty for a pipeline of another workspace
   * or none.
   */
  List<PipelineSummary.Row> summary(WorkspaceId workspace, PipelineId pipeline, List<Filter> filters);

  /**
   * A page of the deal's stage history (a query of
   * {@link dev.custodian.crm.core.deal.DealListing#HISTORY_OFFER}), newest first by default; empty
   * for a deal of another workspace or none.
   */
  Page<StageChange> history(WorkspaceId workspace, DealId deal, ListQuery query);
}
