package dev.custodian.crm.http.common;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * HTTP adapter: the {@code limit} and {@code cursor} query parameters of every list route, and
 * the shape of a page in responses ({@code items} and {@code nextCursor}).
 */
public final class Paging {

  public static final String LIMIT = "limit";
  public static final String CURSOR = "cursor";

  private Paging() {}

  /** One page in a response; {@code nextCursor} is left out on the last page. */
  public record PagedItems<T>(List<T> items, String nextCursor) {

    public static <D, T> PagedItems<T> from(Page<D> page, Function<D, T> toResponse) {
      return new PagedItems<>(page.items().stream().map(toResponse).toList(),
          page.next().map(PageCursor::encode).orElse(null));
    }
  }

  /**
   * Builds a list query from the paging parameters. A {@code limit} that is not an integer is
   * reported together with whatever the query's own validation finds (a bad cursor, say).
   */
  public static <Q> Q query(Context ctx, BiFunction<Integer, String, Q> build) {
    List<FieldError> errors = new ArrayList<>();
    Integer limit = null;
    String rawLimit = ctx.queryParam(LIMIT);
    if (rawLimit != null) {
      try {
        limit = Integer.valueOf(rawLimit.strip());
      } catch (NumberFormatException e) {
        errors.add(FieldError.parameter(LIMIT, "must be an integer"));
      }
    }
    try {
      Q query = build.apply(limit, ctx.queryParam(CURSOR));
      if (errors.isEmpty()) {
        return query;
      }
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    throw new ValidationException(errors);
  }
}
