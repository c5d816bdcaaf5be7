package dev.custodian.crm.core.common.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of results in walk order.
 *
 * @param next where the next page starts; empty when this is the last page
 */
public record Page<T>(List<T> items, Optional<PageCursor> next) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  /**
   * The page from up to {@code limit + 1} items fetched in walk order: the extra item, if any,
   * only tells that there is a next page.
   */
  public static <T> Page<T> fromLookahead(List<T> fetched, int limit, Function<T, PageCursor> cursorOf) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, Optional.empty());
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
  }

  /** The same page with each item converted; the cursor stays as it is. */
  public <U> Page<U> map(Function<T, U> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), next);
  }
}
