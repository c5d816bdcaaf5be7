package dev.custodian.crm.core.common.paging;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The list grammar's reader: query parameters (names to values, as an HTTP adapter or an embedder
 * has them) into a {@link ListQuery} of one {@link ListOffer}, every bad parameter reported by its
 * name, in the order given.
 */
final class ListGrammar {

  static final String LIMIT = "limit";
  static final String CURSOR = "cursor";
  static final String SORT = "sort";
  static final String SEARCH = "q";
  private static final Pattern ASCII_INTEGER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  /** A custom field's parameter: {@code custom.<key>}, with an operator's suffix or {@code .currency}. */
  private static final Pattern CUSTOM_PARAMETER =
      Pattern.compile("custom\\.[a-z][a-z0-9_]{0,49}(\\.(gte|lte|empty|currency|currency\\.empty))?");
  private static final Pattern CUSTOM_SORT = Pattern.compile("-?custom\\.[a-z][a-z0-9_]{0,49}");
  /** The companion of a CURRENCY custom field {@code custom.<key>}: {@code custom.<key>.currency}. */
  static final String CURRENCY_SUFFIX = ".currency";
  /** How an unknown parameter whose name does not look like one is named in its error. */
  private static final String UNNAMED = "query";

  private final ListOffer offer;
  /** Only filters: {@code limit}, {@code cursor} and {@code sort} are not parameters then. */
  private final boolean filtersOnly;
  /** The first error of each parameter, by its name (unknown odd names as one), in the order they came. */
  private final Map<String, FieldError> errors = new LinkedHashMap<>();
  private final List<Filter> filters = new ArrayList<>();
  private Sort sort;
  private int limit = PageRequest.DEFAULT_LIMIT;
  private String cursor;
  private String q;
  /** Whether a parameter names a custom field this offer has yet to resolve (see {@link ListQuery#resolve}). */
  private boolean pending;
  private Map<String, List<String>> parameters = Map.of();

  private ListGrammar(ListOffer offer, boolean filtersOnly) {
    this.offer = offer;
    this.filtersOnly = filtersOnly;
    this.sort = offer.defaultSort();
  }

  static ListQuery parse(Validator v, ListOffer offer, Map<String, List<String>> parameters) {
    ListGrammar grammar = read(offer, false, parameters);
    ListQuery query = grammar.query();
    grammar.errors.values().stream().filter(Objects::nonNull).forEach(v::reject);
    return query;
  }

  /** The filters alone (as of an aggregate over a list's rows); {@code null} when any parameter is bad. */
  static List<Filter> parseFilters(Validator v, ListOffer offer, Map<String, List<String>> parameters) {
    ListGrammar grammar = read(offer, true, parameters);
    grammar.companions();
    grammar.errors.values().stream().filter(Objects::nonNull).forEach(v::reject);
    return grammar.errors.values().stream().anyMatch(Objects::nonNull) ? null
        : grammar.filters.stream().sorted(Comparator.comparing(Filter::parameter)).toList(); // canonical, as a query's
  }

  private static ListGrammar read(ListOffer offer, boolean filtersOnly, Map<String, List<String>> parameters) {
    ListGrammar grammar = new ListGrammar(offer, filtersOnly);
    Map<String, List<String>> given = new LinkedHashMap<>();
    grammar.parameters = given;
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      List<String> values = parameter.getValue() == null || parameter.getValue().isEmpty()
          ? List.of("") : List.copyOf(parameter.getValue());
      given.put(parameter.getKey(), values);
      grammar.errors.put(parameter.getKey(), null); // keeps its place in the order
      grammar.read(parameter.getKey(), values);
    }
    return grammar;
  }

  /**
   * The cursor {@code text} for {@code query}.
   *
   * @throws InvalidValueException when it is malformed, or belongs to another sort or filter
   */
  static PageCursor cursor(String text, ListQuery query) {
    PageCursor cursor = PageCursor.decode(text, query.offer());
    if (!cursor.sort().equals(query.sort()) || !cursor.scope().equals(query.scope())) {
      throw new InvalidValueException("belongs to another sort or filter");
    }
    return cursor;
  }

  /** Whether custom field parameters are only checked for their syntax now, and read once resolved. */
  private boolean deferringCustom() {
    return offer.acceptsCustomFields() && !offer.resolved();
  }

  private void read(String name, List<String> values) {
    if (deferringCustom() && CustomColumn.isCustom(name)) {
      if (!CUSTOM_PARAMETER.matcher(name).matches()) {
        error(echoable(name), "is not a custom field parameter: custom.<key>, with .gte, .lte, .empty or .currency");
      } else {
        pending = true;
      }
      return;
    }
    if (deferringCustom() && name.equals(SORT) && values.size() == 1 && CUSTOM_SORT.matcher(values.get(0)).matches()) {
      pending = true;
      return;
    }
    if (filtersOnly) {
      filter(name, values);
      return;
    }
    switch (name) {
      case LIMIT -> once(name, values).ifPresent(raw -> check(name, () -> limit = limit(raw)));
      case CURSOR -> once(name, values).ifPresent(raw -> cursor = raw);
      case SORT -> once(name, values).ifPresent(raw -> check(name, () -> sort = sort(raw)));
      case SEARCH -> once(name, values).ifPresent(raw -> check(name, () -> q = search(raw)));
      default -> filter(name, values);
    }
  }

  /** ASCII digits only: Java's parser would also take a sign and any script's digits. */
  private static int limit(String raw) {
    if (!ASCII_INTEGER.matcher(raw).matches()) {
      throw new InvalidValueException("must be an integer");
    }
    int limit = Integer.parseInt(raw);
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw new InvalidValueException("must be between 1 and " + PageRequest.MAX_LIMIT);
    }
    return limit;
  }

  private String search(String raw) {
    if (!offer.searchable()) {
      throw new InvalidValueException("is not offered: this list takes no search");
    }
    ListQuery.checkSearch(raw);
    return raw;
  }

  private Sort sort(String raw) {
    if (offer.sorts().isEmpty()) {
      throw new InvalidValueException("is not offered: this list has a fixed order");
    }
    boolean descending = raw.startsWith("-");
    String field = descending ? raw.substring(1) : raw;
    ValueType type = offer.sorts().get(field);
    if (type == null) {
      throw new InvalidValueException("must be one of: " + offer.sorts().keySet().stream()
          .map(f -> f + ", -" + f).collect(Collectors.joining(", ")));
    }
    return new Sort(field, type, descending ? SortDirection.DESCENDING : SortDirection.ASCENDING);
  }

  private void filter(String name, List<String> values) {
    // a field's own name, else the name up to its last dot (a custom field's name has dots)
    int dot = offer.filters().containsKey(name) ? -1 : name.lastIndexOf('.');
    String field = dot < 0 ? name : name.substring(0, dot);
    String suffix = dot < 0 ? "" : name.substring(dot);
    ListOffer.FilterOffer offered = offer.filters().get(field);
    if (offered == null) {
      error(echoable(name), CustomColumn.isCustom(name) && offer.acceptsCustomFields()
          ? "names no custom field of this record type (or one this filter does not fit)"
          : "is not a parameter of this list");
      return;
    }
    Optional<Filter.Operator> operator = Arrays.stream(Filter.Operator.values())
        .filter(o -> o.suffix().equals(suffix) && offered.operators().contains(o)).findFirst();
    if (operator.isEmpty()) {
      error(echoable(name), "is not a filter of this list, which offers " + offered.operators().stream()
          .map(o -> field + o.suffix()).collect(Collectors.joining(", ")));
      return;
    }
    ValueType type = offered.type();
    switch (operator.get()) {
      case ANY_OF -> {
        if (values.size() > ListQuery.MAX_ANY_OF) {
          error(name, "must be given at most " + ListQuery.MAX_ANY_OF + " times");
          return;
        }
        List<Object> parsed = new ArrayList<>();
        for (String raw : values) {
          if (!check(name, () -> parsed.add(type.parse(raw)))) {
            return;
          }
        }
        filters.add(Filter.anyOf(field, type, parsed));
      }
      case AT_LEAST -> once(name, values)
          .ifPresent(raw -> check(name, () -> filters.add(Filter.atLeast(field, type, type.parse(raw)))));
      case AT_MOST -> once(name, values)
          .ifPresent(raw -> check(name, () -> filters.add(Filter.atMost(field, type, type.parse(raw)))));
      case EMPTY -> once(name, values).ifPresent(raw -> check(name, () -> {
        if (!raw.equals("true") && !raw.equals("false")) {
          throw new InvalidValueException("must be true or false");
        }
        filters.add(Filter.empty(field, type, raw.equals("true")));
      }));
    }
  }

  /**
   * Each filter and the sort on a field whose companion is not filtered to one value, refused; not
   * when the companion's own parameter is bad (that error says it).
   */
  private void companions() {
    for (Filter filter : filters) {
      if (!offer.companionGiven(filter.field(), filters) && !companionRefused(filter.field())) {
        error(filter.parameter(), needsCompanion(filter.field()));
      }
    }
    if (!offer.companionGiven(sort.field(), filters) && !companionRefused(sort.field())) {
      error(SORT, needsCompanion(sort.field()));
    }
  }

  private boolean companionRefused(String field) {
    String companion = offer.companionOf(field).orElseThrow();
    return errors.entrySet().stream().anyMatch(e -> e.getValue() != null
        && (e.getKey().equals(companion) || e.getKey().startsWith(companion + ".")));
  }

  private String needsCompanion(String field) {
    String companion = offer.companionOf(field).orElseThrow();
    return "compares " + field + " within one " + companion + ": give " + companion + "= exactly once";
  }

  /** The query, once every parameter is read; {@code null} when any is bad. */
  private ListQuery query() {
    if (pending) {
      // read again once the custom fields are resolved: the sort, filters and cursor with them
      return errors.values().stream().anyMatch(Objects::nonNull) ? null
          : new ListQuery(offer, List.of(), offer.defaultSort(), PageRequest.first(limit), null, parameters);
    }
    companions();
    PageCursor after = null;
    if (cursor != null) {
      boolean othersValid = errors.values().stream().allMatch(Objects::isNull);
      try {
        if (othersValid) {
          after = cursor(cursor, new ListQuery(offer, filters, sort, PageRequest.first(limit), q));
        } else {
          PageCursor.decode(cursor, offer); // its own errors at least; its scope needs the others
        }
      } catch (InvalidValueException e) {
        error(CURSOR, e.getMessage());
      }
    }
    if (errors.values().stream().anyMatch(Objects::nonNull)) {
      return null;
    }
    return new ListQuery(offer, filters, sort, new PageRequest(limit, Optional.ofNullable(after)), q);
  }

  private Optional<String> once(String name, List<String> values) {
    if (values.size() != 1) {
      error(name, "must be given once");
      return Optional.empty();
    }
    return Optional.of(values.get(0));
  }

  /** Runs {@code read}; an {@link InvalidValueException} becomes the parameter's error. */
  private boolean check(String name, Runnable read) {
    try {
      read.run();
      return true;
    } catch (InvalidValueException e) {
      error(name, e.getMessage());
      return false;
    }
  }

  /** A name is echoed only when it looks like one: a client's stray text is never repeated back. */
  private static String echoable(String name) {
    return SAFE_NAME.matcher(name).matches() ? name : UNNAMED;
  }

  private void error(String name, String detail) {
    if (errors.get(name) == null) {
      errors.put(name, FieldError.parameter(name, detail));
    }
  }
}
