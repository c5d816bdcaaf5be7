package dev.custodian.crm.http.common;

import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * HTTP adapter: the query parameters of every list route, read by the core's one list grammar
 * ({@link ListQuery}) for the list's {@link ListOffer} (an unknown parameter is a 400 naming it), and
 * the shape of a page in responses ({@code items} and {@code nextCursor}).
 */
public final class Paging {

  private Paging() {}

  /** One page in a response; {@code nextCursor} is left out on the last page. */
  public record PagedItems<T>(List<T> items, String nextCursor) {

    public static <D, T> PagedItems<T> from(Page<D> page, Function<D, T> toResponse) {
      return new PagedItems<>(page.items().stream().map(toResponse).toList(),
          page.next().map(PageCursor::encode).orElse(null));
    }
  }

  /**
   * Every query parameter of the request, as a query of the list with this offer; {@code null}
   * after recording each bad parameter in {@code v}.
   */
  public static ListQuery query(Context ctx, Validator v, ListOffer offer) {
    return ListQuery.of(v, offer, ctx.queryParamMap());
  }

  /**
   * Every query parameter of the request to a list {@linkplain ListOffer#OLDEST_FIRST oldest first}
   * ({@code limit} and {@code cursor}, nothing else); {@code null} after recording each bad one.
   */
  public static PageRequest page(Context ctx, Validator v) {
    ListQuery query = query(ctx, v, ListOffer.OLDEST_FIRST);
    return query == null ? null : query.page();
  }
}
