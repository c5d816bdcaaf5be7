package dev.custodian.crm.core.common.paging;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one list offers its callers: the fields it filters on, with their value types and
 * operators; the fields it sorts on; and its default order. A list use case declares its offer
 * once; the query parser ({@link ListQuery#of(dev.custodian.crm.core.common.validation.Validator,
 * ListOffer, Map)}), the adapters and the OpenAPI document read it from there.
 */
public final class ListOffer {

  /**
   * The offer of a list that has nothing to filter or sort: its rows oldest first (its time, then
   * id), walked with {@code limit} and {@code cursor} only.
   */
  public static final ListOffer OLDEST_FIRST =
      new ListOffer(Map.of(), Map.of(), Sort.ascending("createdAt", ValueType.INSTANT));

  private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
  private static final Set<String> RESERVED = Set.of("limit", "cursor", "sort", "q");

  /** A field's filters: its value type and the operators offered on it. */
  public record FilterOffer(ValueType type, Set<Filter.Operator> operators) {

    public FilterOffer {
      Objects.requireNonNull(type, "type");
      operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
    }
  }

  private final Map<String, FilterOffer> filters;
  private final Map<String, ValueType> sorts;
  private final Sort defaultSort;
  private final Map<String, String> within;
  private final boolean searchable;
  private final boolean customFields;
  /** The declared offer this one adds a workspace's custom fields to; {@code null} for a declared one. */
  private final ListOffer declared;
  private final Map<String, CustomColumn> customFilterColumns;
  private final Map<String, CustomColumn> customSortColumns;

  private ListOffer(Map<String, FilterOffer> filters, Map<String, ValueType> sorts, Sort defaultSort) {
    this(filters, sorts, defaultSort, Map.of(), false, false, null, Map.of(), Map.of());
  }

  private ListOffer(Map<String, FilterOffer> filters, Map<String, ValueType> sorts, Sort defaultSort,
      Map<String, String> within, boolean searchable, boolean customFields, ListOffer declared,
      Map<String, CustomColumn> customFilterColumns, Map<String, CustomColumn> customSortColumns) {
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    this.sorts = Collections.unmodifiableMap(new LinkedHashMap<>(sorts));
    this.defaultSort = Objects.requireNonNull(defaultSort, "defaultSort");
    this.within = Collections.unmodifiableMap(new LinkedHashMap<>(within));
    this.searchable = searchable;
    this.customFields = customFields;
    this.declared = declared;
    this.customFilterColumns = Map.copyOf(customFilterColumns);
    this.customSortColumns = Map.copyOf(customSortColumns);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The filterable fields, in the order declared. */
  public Map<String, FilterOffer> filters() {
    return filters;
  }

  /** The fields the {@code sort} parameter may name, in the order declared; empty for a fixed order. */
  public Map<String, ValueType> sorts() {
    return sorts;
  }

  /** The order without a {@code sort} parameter. */
  public Sort defaultSort() {
    return defaultSort;
  }

  /**
   * Whether the list takes a search ({@code q}): a case-insensitive substring of any of the fields
   * the list's documentation names, unranked, combined with the filters and the sort.
   */
  public boolean searchable() {
    return searchable;
  }

  /**
   * Whether the list also filters and sorts by the workspace's custom fields of its record type
   * ({@code custom.<key>}, {@code custom.<key>.gte}, ..., {@code sort=custom.<key>}): the list
   * grammar keeps such parameters (their syntax checked) until the use case
   * {@linkplain ListQuery#resolve resolves} them against the definitions.
   */
  public boolean acceptsCustomFields() {
    return customFields;
  }

  /** Whether this offer already holds a workspace's custom fields (made by {@link #withCustom}). */
  public boolean resolved() {
    return declared != null;
  }

  /** The offer the list declared: this one, or the one this one adds custom fields to. */
  public ListOffer declared() {
    return declared == null ? this : declared;
  }

  /** Where a custom filter field ({@code custom.<key>...}) of this offer reads its values. */
  public Optional<CustomColumn> customFilterColumn(String field) {
    return Optional.ofNullable(customFilterColumns.get(field));
  }

  /** Where a custom sort field ({@code custom.<key>}) of this offer reads its values. */
  public Optional<CustomColumn> customSortColumn(String field) {
    return Optional.ofNullable(customSortColumns.get(field));
  }

  /**
   * This declared offer with a workspace's custom fields added: what {@code custom} declares, as
   * the list's own filters and sorts (named {@code custom.<key>}).
   */
  public ListOffer withCustom(Custom custom) {
    if (!customFields || declared != null) {
      throw new IllegalStateException("custom fields are added once, to an offer that accepts them");
    }
    Map<String, FilterOffer> allFilters = new LinkedHashMap<>(filters);
    allFilters.putAll(custom.filters);
    Map<String, ValueType> allSorts = new LinkedHashMap<>(sorts);
    allSorts.putAll(custom.sorts);
    Map<String, String> allWithin = new LinkedHashMap<>(within);
    allWithin.putAll(custom.within);
    return new ListOffer(allFilters, allSorts, defaultSort, allWithin, searchable, true, this, custom.filterColumns,
        custom.sortColumns);
  }

  /** A workspace's custom fields as one list offers them (see {@link #withCustom}). */
  public static final class Custom {

    private final Map<String, FilterOffer> filters = new LinkedHashMap<>();
    private final Map<String, ValueType> sorts = new LinkedHashMap<>();
    private final Map<String, String> within = new LinkedHashMap<>();
    private final Map<String, CustomColumn> filterColumns = new LinkedHashMap<>();
    private final Map<String, CustomColumn> sortColumns = new LinkedHashMap<>();

    /** Filters on {@code field} ({@code custom.<key>...}), of {@code type}, read from {@code column}. */
    public Custom filter(String field, ValueType type, CustomColumn column, Filter.Operator... operators) {
      checked(field);
      filters.put(field, new FilterOffer(type, Set.of(operators)));
      filterColumns.put(field, Objects.requireNonNull(column, "column"));
      return this;
    }

    /** Sorts on {@code field} ({@code custom.<key>}), of {@code type}, read from {@code column}. */
    public Custom sort(String field, ValueType type, CustomColumn column) {
      checked(field);
      sorts.put(field, Objects.requireNonNull(type, "type"));
      sortColumns.put(field, Objects.requireNonNull(column, "column"));
      return this;
    }

    /** As {@link Builder#within}: {@code field} compares within one value of {@code companion} (both custom). */
    public Custom within(String field, String companion) {
      if (!filters.containsKey(companion) || !filters.get(companion).operators().contains(Filter.Operator.ANY_OF)) {
        throw new IllegalArgumentException("declare the companion (with f=v) first");
      }
      within.put(field, companion);
      return this;
    }

    private static void checked(String field) {
      if (!CustomColumn.isCustom(field)) {
        throw new IllegalArgumentException("a custom field's name starts with " + CustomColumn.PREFIX);
      }
    }
  }

  /** The value type of a field this list sorts on (or its default sort's), if it is one. */
  public Optional<ValueType> sortType(String field) {
    if (field.equals(defaultSort.field())) {
      return Optional.of(defaultSort.type());
    }
    return Optional.ofNullable(sorts.get(field));
  }

  /**
   * The field whose one value a filter or sort on {@code field} must be given with (e.g. an amount
   * compares only within one currency: {@code amount} needs {@code currency=} once), if any.
   */
  public Optional<String> companionOf(String field) {
    return Optional.ofNullable(within.get(field));
  }

  /**
   * Whether {@code filters} give what a filter or sort on {@code field} needs: its
   * {@linkplain #companionOf companion} filtered to exactly one value (one {@code f=v}, no other
   * filter on it); true for a field without one.
   */
  public boolean companionGiven(String field, List<Filter> filters) {
    String companion = within.get(field);
    if (companion == null) {
      return true;
    }
    List<Filter> on = filters.stream().filter(f -> f.field().equals(companion)).toList();
    return on.size() == 1 && on.get(0).operator() == Filter.Operator.ANY_OF && on.get(0).values().size() == 1;
  }

  @Override
  public String toString() {
    return "ListOffer[filters=" + filters.keySet() + ", sorts=" + sorts.keySet() + ", default=" + defaultSort.parameter()
        + (searchable ? ", q" : "") + (customFields ? ", custom" : "") + "]";
  }

  /** Declares an offer. */
  public static final class Builder {

    private final Map<String, FilterOffer> filters = new LinkedHashMap<>();
    private final Map<String, ValueType> sorts = new LinkedHashMap<>();
    private final Map<String, String> within = new LinkedHashMap<>();
    private Sort defaultSort;
    private boolean searchable;
    private boolean customFields;

    private Builder() {}

    /**
     * Values of {@code field} compare only within one value of {@code companion} (a filter of this
     * offer with {@code f=v}): a query filtering or sorting on {@code field} must filter
     * {@code companion} to exactly one value.
     */
    public Builder within(String field, String companion) {
      FilterOffer offered = filters.get(companion);
      if (offered == null || !offered.operators().contains(Filter.Operator.ANY_OF)
          || !filters.containsKey(field) && !sorts.containsKey(field) || within.putIfAbsent(field, companion) != null) {
        throw new IllegalArgumentException("declare the field and its companion (with f=v) first, and once");
      }
      return this;
    }

    /** Takes a search ({@code q}); which fields it matches is the list's own business. */
    public Builder searchable() {
      this.searchable = true;
      return this;
    }

    /** Also filters and sorts by the workspace's custom fields ({@link ListOffer#acceptsCustomFields()}). */
    public Builder customFields() {
      this.customFields = true;
      return this;
    }

    /** Filters on {@code field}, of {@code type}, with these operators. */
    public Builder filter(String field, ValueType type, Filter.Operator... operators) {
      if (operators.length == 0 || filters.putIfAbsent(checked(field), new FilterOffer(type, Set.of(operators))) != null) {
        throw new IllegalArgumentException("a filter needs operators, and is declared once");
      }
      return this;
    }

    /** Sorts on {@code field} (both ways), of {@code type}. */
    public Builder sort(String field, ValueType type) {
      if (sorts.putIfAbsent(checked(field), Objects.requireNonNull(type, "type")) != null) {
        throw new IllegalArgumentException("a sort is declared once");
      }
      return this;
    }

    /** The order without a {@code sort} parameter: one of the declared sorts. */
    public Builder defaultSort(String field, SortDirection direction) {
      ValueType type = sorts.get(field);
      if (type == null) {
        throw new IllegalArgumentException("the default sort is one of the declared sorts");
      }
      this.defaultSort = new Sort(field, type, direction);
      return this;
    }

    public ListOffer build() {
      if (defaultSort == null) {
        throw new IllegalStateException("an offer has a default sort");
      }
      if (within.containsKey(defaultSort.field())) {
        throw new IllegalStateException("the default sort needs no companion");
      }
      return new ListOffer(filters, sorts, defaultSort, within, searchable, customFields, null, Map.of(), Map.of());
    }

    private static String checked(String field) {
      if (!FIELD.matcher(field).matches() || RESERVED.contains(field)) {
        throw new IllegalArgumentException("a field is a camelCase name other than limit, cursor, sort and q");
      }
      return field;
    }
  }
}
