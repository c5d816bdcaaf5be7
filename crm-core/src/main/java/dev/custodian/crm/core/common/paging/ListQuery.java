package dev.custodian.crm.core.common.paging;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A query of one list, as its {@link ListOffer} allows: filters (all must hold), a sort, and the
 * page ({@code limit}, and the cursor to continue after). Read from query parameters by
 * {@link #of(Validator, ListOffer, Map)}, the one grammar of every list:
 *
 * <pre>
 * f=v          (repeated: any of the values)    f.gte=v   f.lte=v   f.empty=true|false
 * sort=f       sort=-f (descending)             limit=1..200        cursor=...
 * q=text       (a searchable list only: 3 to 100 characters, a case-insensitive substring)
 * </pre>
 *
 * A cursor belongs to its query's sort and filters (its {@linkplain #scope() scope}): with others
 * it is refused.
 *
 * @param filters in canonical order (by parameter); one per parameter
 * @param q the search text ({@code null} for none): only on a {@linkplain ListOffer#searchable()
 *     searchable} list, {@value #MIN_SEARCH} to {@value #MAX_SEARCH} characters without control
 *     characters
 * @param pending empty, or for a query naming custom fields ({@code custom.<key>...}) not yet
 *     {@linkplain #resolve resolved}: all its parameters, read again once the workspace's
 *     definitions are known (its filters, sort and page are then the declared fields' only, and no
 *     adapter takes it)
 */
public record ListQuery(ListOffer offer, List<Filter> filters, Sort sort, PageRequest page, String q,
    Map<String, List<String>> pending) {

  /** {@code f=v} may be repeated up to this many times. */
  public static final int MAX_ANY_OF = 100;
  /** The fewest characters (code points) a search text has. */
  public static final int MIN_SEARCH = 3;
  /** The most characters (code points) a search text has. */
  public static final int MAX_SEARCH = 100;

  public ListQuery {
    pending = pending == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pending));
    if (!pending.isEmpty() && (!offer.acceptsCustomFields() || offer.resolved())) {
      throw new IllegalArgumentException("only a list with custom fields keeps parameters to resolve");
    }
    if (q != null) {
      if (!offer.searchable()) {
        throw new IllegalArgumentException("the list takes no search");
      }
      checkSearch(q);
    }
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
    filters = filters.stream().sorted(Comparator.comparing(Filter::parameter)).toList();
    Set<String> parameters = new HashSet<>();
    for (Filter filter : filters) {
      ListOffer.FilterOffer offered = offer.filters().get(filter.field());
      if (offered == null || !offered.type().equals(filter.type()) || !offered.operators().contains(filter.operator())
          || !parameters.add(filter.parameter())) {
        throw new IllegalArgumentException("the filter " + filter.parameter() + " is not offered, or given twice");
      }
    }
    boolean offered = sort.equals(offer.defaultSort())
        || sort.type().equals(offer.sorts().get(sort.field()));
    if (!offered) {
      throw new IllegalArgumentException("the sort " + sort.parameter() + " is not offered");
    }
    List<Filter> given = filters;
    if (!offer.companionGiven(sort.field(), given) || given.stream().anyMatch(f -> !offer.companionGiven(f.field(), given))) {
      throw new IllegalArgumentException("a filter or sort is compared within one value of another field, not given once");
    }
    String scope = scope(filters, sort, q);
    page.after().ifPresent(cursor -> {
      if (!cursor.sort().equals(sort) || !cursor.scope().equals(scope)) {
        throw new IllegalArgumentException("the cursor belongs to another sort or filter");
      }
    });
  }

  /** A query without parameters to resolve. */
  public ListQuery(ListOffer offer, List<Filter> filters, Sort sort, PageRequest page, String q) {
    this(offer, filters, sort, page, q, Map.of());
  }

  /**
   * Whether this query names custom fields not yet resolved against the workspace's definitions
   * ({@link #resolve}): the use case does that inside its transaction, before an adapter runs it.
   */
  public boolean unresolved() {
    return !pending.isEmpty();
  }

  /**
   * This query with its custom fields read against {@code withCustom} (the declared offer
   * {@linkplain ListOffer#withCustom with the workspace's custom fields}): its parameters read
   * again, every bad one reported at once (an unknown key, an operator its type lacks, a bad value,
   * a cursor of another sort or filter). A query without custom fields is returned as it is.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming each bad parameter
   */
  public ListQuery resolve(ListOffer withCustom) {
    if (pending.isEmpty()) {
      return this;
    }
    if (withCustom.declared() != offer) {
      throw new IllegalArgumentException("resolve against this query's own offer with custom fields");
    }
    return of(withCustom, pending);
  }

  /** A query without a search. */
  public ListQuery(ListOffer offer, List<Filter> filters, Sort sort, PageRequest page) {
    this(offer, filters, sort, page, null);
  }

  /** The first page of the list in its default order, unfiltered. */
  public static ListQuery first(ListOffer offer, int limit) {
    return new ListQuery(offer, List.of(), offer.defaultSort(), PageRequest.first(limit));
  }

  /** The search text, if the query has one. */
  public Optional<String> search() {
    return Optional.ofNullable(q);
  }

  /** This query with the search text {@code q} ({@code null}: none), from its first page. */
  public ListQuery searching(String q) {
    return new ListQuery(offer, filters, sort, PageRequest.first(page.limit()), q);
  }

  /**
   * Whether {@code text} (a field's value, {@code null} for none) holds this query's search text,
   * ignoring case as {@link TextOrder#key} folds it. The in-memory stores
   * match with it; a database matches alike ({@code ILIKE}).
   */
  public static boolean matches(String text, String q) {
    String key = TextOrder.key(text);
    return key != null && key.contains(TextOrder.key(q));
  }

  /**
   * Checks a search text: {@value #MIN_SEARCH} to {@value #MAX_SEARCH} characters, none a control
   * character (a store may join a row's searched fields with one, so none may match across two).
   *
   * @throws InvalidValueException when it is not one
   */
  static void checkSearch(String q) {
    int length = q.codePointCount(0, q.length());
    if (length < MIN_SEARCH || length > MAX_SEARCH) {
      throw new InvalidValueException(
          "must be " + MIN_SEARCH + " to " + MAX_SEARCH + " characters long");
    }
    if (q.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException("must not hold control characters");
    }
  }

  /**
   * The query of a list with this offer in the given parameters (name to values, in the order
   * given), each bad one reported.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming each bad parameter
   */
  public static ListQuery of(ListOffer offer, Map<String, List<String>> parameters) {
    Validator v = new Validator();
    ListQuery query = of(v, offer, parameters);
    v.throwIfInvalid();
    return query;
  }

  /**
   * Reads the parameters into {@code v}, as {@link #of(ListOffer, Map)}: {@code null} when any of
   * them is bad. Refused, each by its parameter's name: a parameter that is not in the grammar or
   * not offered by this list, a value that is not of its field's type, {@code limit},
   * {@code cursor}, {@code sort} or a bound given twice, and a cursor that is malformed or belongs
   * to another sort or other filters.
   */
  public static ListQuery of(Validator v, ListOffer offer, Map<String, List<String>> parameters) {
    return ListGrammar.parse(v, offer, parameters);
  }

  /**
   * Reads only filters from the parameters (for an aggregate over the list's rows, e.g. a summary):
   * {@code limit}, {@code cursor} and {@code sort} are refused like any parameter the offer lacks;
   * {@code null} after recording each bad one in {@code v}.
   */
  public static List<Filter> filtersOf(Validator v, ListOffer offer, Map<String, List<String>> parameters) {
    return ListGrammar.parseFilters(v, offer, parameters);
  }

  /**
   * The query for the page after {@code page} (which this query returned): the same filters, sort
   * and limit; empty when {@code page} was the last. No cursor needs encoding to walk on.
   */
  public Optional<ListQuery> next(Page<?> page) {
    if (unresolved()) {
      throw new IllegalStateException("resolve the query's custom fields first");
    }
    return page.next().map(cursor -> new ListQuery(offer, filters, sort, this.page.next(cursor), q));
  }

  /**
   * Hands every row of this query's walk, from its first page to its last, to {@code sink}, reading
   * pages of the most rows through {@code list}: an export through a port without a stream of its own.
   */
  public <T> void forEachRow(Function<ListQuery, Page<T>> list,
      Consumer<? super T> sink) {
    Optional<ListQuery> next = Optional.of(fromFirst());
    while (next.isPresent()) {
      Page<T> page = list.apply(next.get());
      page.items().forEach(sink);
      next = next.get().next(page);
    }
  }

  /** This query from its first row on (no cursor), in pages of the most rows. */
  public ListQuery fromFirst() {
    return new ListQuery(offer, filters, sort, PageRequest.first(PageRequest.MAX_LIMIT), q);
  }

  /** The query's filter given by {@code field} and {@code operator}, if it has one. */
  public Optional<Filter> filter(String field, Filter.Operator operator) {
    return filters.stream().filter(f -> f.field().equals(field) && f.operator() == operator).findFirst();
  }

  /**
   * This query, checked to be one of {@code expected}'s list (with or without the workspace's
   * custom fields): a use case calls it before handing the query on, so that an adapter never
   * meets a filter it does not know.
   *
   * @throws IllegalArgumentException for a query of another list
   */
  public ListQuery requireOffer(ListOffer expected) {
    if (offer.declared() != expected) {
      throw new IllegalArgumentException("a query of another list: " + offer);
    }
    return this;
  }

  /**
   * A short hash of the canonical filters and sort: two queries that ask the same of a list have the
   * same scope, whatever order their parameters came in; a cursor carries its query's.
   */
  public String scope() {
    return scope(filters, sort, q);
  }

  /**
   * This query, checked to be resolved: an adapter calls it before running it.
   *
   * @throws IllegalArgumentException for a query whose custom fields are not resolved
   */
  public ListQuery requireResolved() {
    if (unresolved()) {
      throw new IllegalArgumentException("a query with custom fields not resolved against the definitions");
    }
    return this;
  }

  /** The cursor after a row with this sort key ({@code null} for an empty value) and id. */
  public PageCursor cursorAt(Object key, UUID id) {
    return new PageCursor(sort, key, id, scope());
  }

  private static String scope(List<Filter> filters, Sort sort, String q) {
    String canonical = "sort=" + sort.parameter() + filters.stream().map(f -> "&" + f.canonical()).collect(Collectors.joining())
        + (q == null ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 9));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
