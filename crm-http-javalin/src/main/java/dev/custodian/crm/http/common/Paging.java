package dev.custodian.crm.http.common;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.validation.Validator;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * HTTP adapter: the {@code limit} and {@code cursor} query parameters of every list route, and
 * the shape of a page in responses ({@code items} and {@code nextCursor}).
 */
public final class Paging {

  public static final String LIMIT = "limit";
  public static final String CURSOR = "cursor";

  private static final Pattern ASCII_INTEGER = Pattern.compile("[0-9]{1,9}");

  private Paging() {}

  /** One page in a response; {@code nextCursor} is left out on the last page. */
  public record PagedItems<T>(List<T> items, String nextCursor) {

    public static <D, T> PagedItems<T> from(Page<D> page, Function<D, T> toResponse) {
      return new PagedItems<>(page.items().stream().map(toResponse).toList(),
          page.next().map(PageCursor::encode).orElse(null));
    }
  }

  /** The {@code limit} query parameter: {@code null} when absent or after recording an error. */
  public static Integer limit(Context ctx, Validator v) {
    return v.optional(FieldError.Location.PARAMETER, LIMIT, ctx.queryParam(LIMIT), Paging::integer).orElse(null);
  }

  /** The {@code cursor} query parameter as sent; the core's query decodes and checks it. */
  public static String cursor(Context ctx) {
    return ctx.queryParam(CURSOR);
  }

  /** ASCII digits only: Java's parser would also take a sign and any script's digits. */
  private static Integer integer(String raw) {
    if (!ASCII_INTEGER.matcher(raw).matches()) {
      throw new InvalidValueException("must be an integer");
    }
    return Integer.valueOf(raw);
  }
}
