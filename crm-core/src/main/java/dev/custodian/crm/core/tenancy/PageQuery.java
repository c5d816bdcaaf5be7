package dev.custodian.crm.core.tenancy;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of a list use case on workspace-owned data in a fixed order: which workspace, and which
 * page of its walk (oldest first, {@link dev.custodian.crm.core.common.paging.ListOffer#OLDEST_FIRST}).
 * A list that filters and sorts takes a {@link dev.custodian.crm.core.common.paging.ListQuery}.
 */
public record PageQuery(WorkspaceId workspace, PageRequest page) {

  public PageQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(page, "page");
  }

  /**
   * Validates the paging parameters together, reporting both.
   *
   * @param limit {@code null} for the default of {@value PageRequest#DEFAULT_LIMIT}
   * @param cursor {@code null} for the first page
   * @throws dev.custodian.crm.core.common.error.ValidationException naming each bad parameter
   */
  public static PageQuery of(WorkspaceId workspace, Integer limit, String cursor) {
    Validator v = new Validator();
    PageQuery query = of(v, workspace, limit, cursor);
    v.throwIfInvalid();
    return query;
  }

  /** Validates the paging parameters into {@code v}; {@code null} when {@code v} holds any error. */
  public static PageQuery of(Validator v, WorkspaceId workspace, Integer limit, String cursor) {
    PageRequest page = PageRequest.of(v, limit, cursor);
    return v.hasErrors() ? null : new PageQuery(workspace, page);
  }

  /** The first page of {@code workspace}'s walk, at most {@code limit} items. */
  public static PageQuery first(WorkspaceId workspace, int limit) {
    return new PageQuery(workspace, PageRequest.first(limit));
  }

  /**
   * The query for the page after {@code page} (which this query returned), with the same limit;
   * empty when {@code page} was the last. No cursor needs encoding to walk on.
   */
  public Optional<PageQuery> next(Page<?> page) {
    return page.next().map(cursor -> new PageQuery(workspace, this.page.next(cursor)));
  }
}
