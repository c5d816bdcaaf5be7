package dev.custodian.crm.core.common.paging;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset walk: at most {@code limit} items after {@code after}. On its own it walks a
 * list {@linkplain ListOffer#OLDEST_FIRST oldest first}; a {@link ListQuery} adds filters and a
 * sort around it.
 *
 * @param after empty for the first page
 */
public record PageRequest(int limit, Optional<PageCursor> after) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("must be between 1 and " + MAX_LIMIT);
    }
    Objects.requireNonNull(after, "after");
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  public PageRequest next(PageCursor cursor) {
    return new PageRequest(limit, Optional.of(cursor));
  }

  /**
   * Validates the {@code limit} and {@code cursor} of an {@linkplain ListOffer#OLDEST_FIRST
   * oldest-first} walk into {@code v}; {@code null} when {@code v} holds any error. Over HTTP, a
   * list reads all of its query parameters with {@link ListQuery#of(Validator, ListOffer, Map)}.
   *
   * @param limit {@code null} for the default
   * @param cursor {@code null} for the first page
   */
  public static PageRequest of(Validator v, Integer limit, String cursor) {
    Integer validLimit = v.optional(FieldError.Location.PARAMETER, ListGrammar.LIMIT, limit, l -> {
      if (l < 1 || l > MAX_LIMIT) {
        throw new InvalidValueException("must be between 1 and " + MAX_LIMIT);
      }
      return l;
    }).orElse(DEFAULT_LIMIT);
    ListQuery oldestFirst = ListQuery.first(ListOffer.OLDEST_FIRST, DEFAULT_LIMIT);
    Optional<PageCursor> after = v.optional(FieldError.Location.PARAMETER, ListGrammar.CURSOR, cursor,
        text -> ListGrammar.cursor(text, oldestFirst));
    return v.hasErrors() ? null : new PageRequest(validLimit, after);
  }
}
