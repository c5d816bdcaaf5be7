package dev.custodian.crm.persistence.common;

import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_OPTIONS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_VALUES;

import dev.custodian.crm.core.common.paging.CustomColumn;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.Sort;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.common.paging.ValueType;
import dev.custodian.crm.persistence.generated.tables.CustomFieldOptions;
import dev.custodian.crm.persistence.generated.tables.CustomFieldValues;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JoinType;
import org.jooq.Record3;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SelectLimitStep;
import org.jooq.SelectQuery;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: the keyset walk every list query shares, as the list grammar asks it: the
 * query's filters, then its sort's walk order ({@link Sort}): the sort column, empty values last
 * both ways ({@code NULLS LAST}; a {@code NOT NULL} column needs none, so an index scan serves both
 * directions), text by its key column in code-point order ({@code COLLATE "C"}), ties by id
 * (PostgreSQL's uuid order) in the sort's direction; after the cursor's row; one row more than the
 * page is fetched to tell whether there is a next page. Each sort needs an index on
 * {@code (tenant_id, <sort column>, id)}; a search ({@code q}) is the list's own condition
 * ({@link ListColumns#search}).
 */
public final class KeysetPaging {

  /** Byte order of UTF-8, which is code-point order, as {@code TextOrder.CODE_POINTS} compares. */
  private static final String CODE_POINT_COLLATION = "C";

  private KeysetPaging() {}

  /**
   * One page of {@code select}'s rows for {@code query}.
   *
   * @param select the select with its own filters (the workspace first), not yet ordered; it
   *     selects the sort column
   */
  public static <R extends Record> Page<R> page(SelectConditionStep<R> select, ListQuery query, ListColumns columns) {
    Field<Object> column = sortColumn(query, columns);
    return Page.fromLookahead(statement(select, query, columns).fetch(), query.page().limit(),
        row -> query.cursorAt(fromSql(row.get(column)), row.get(columns.id())));
  }

  /** The alias of the listed row's own sort key of the custom field a list sorts by, and of its column. */
  private static final String CUSTOM_SORT = "custom_sort";
  private static final String CUSTOM_SORT_KEY = "sort_key";
  /** The alias of that value's row. */
  private static final String CUSTOM_SORT_VALUE = "custom_sort_value";
  /** The alias of that value's option (a single select sorts by its options' order). */
  private static final String CUSTOM_SORT_OPTION = "custom_sort_option";
  /** The alias of the values a custom filter asks about. */
  private static final String CUSTOM_FILTER = "custom_filter";

  /**
   * The statement {@link #page} runs: {@code select} with the query's filters, search, cursor,
   * order and limit (one row more than the page). Tests read its plan.
   */
  public static <R extends Record> Select<R> statement(SelectConditionStep<R> select, ListQuery query,
      ListColumns columns) {
    query.requireResolved();
    Optional<CustomColumn> byValue = query.offer().customSortColumn(query.sort().field())
        .filter(custom -> custom.part() != CustomColumn.Part.OPTION_POSITION);
    if (byValue.isPresent()) {
      return alongValueIndex(select, query, columns, byValue.get());
    }
    return ordered(select, query, columns).limit(query.page().limit() + 1);
  }

  /** The alias of a walk's next ids, of the phase each belongs to, and of the rows with a value. */
  private static final String WALK_ID = "walk_id";
  private static final String WALK_PHASE = "walk_phase";
  private static final String VALUED = "valued";

  /**
   * A page sorted by a custom field's value (issue 24 item 5: served by an index). The page's ids
   * come first, at most a page and one from each phase of the walk: the rows with a value after
   * the cursor, in the order of V21's partial index {@code (tenant_id, field_id, <value>, <record>)}
   * (a range of it, whatever the list's size), then, only when those fall short, the rows without
   * a value by id (the table's primary key). The listed rows are then read for just those ids, in
   * phase, key and id order. A cursor on an empty value starts in the second phase. The filters
   * and search apply within each phase, so every page is full but the last.
   */
  private static <R extends Record> Select<R> alongValueIndex(SelectConditionStep<R> select, ListQuery query,
      ListColumns columns, CustomColumn custom) {
    Sort sort = query.sort();
    int rows = query.page().limit() + 1;
    Field<UUID> id = columns.id();
    List<? extends Table<?>> listed = select.$from();
    Condition wanted = select.$where().and(conditions(query.filters(), query.offer(), columns))
        .and(query.search().map(columns::search).orElse(DSL.noCondition()));
    Optional<PageCursor> cursor = query.page().after();
    DataType<?> keyType = sortKeyType(custom.part());

    CustomFieldValues held = CUSTOM_FIELD_VALUES.as(CUSTOM_FILTER);
    Condition withoutValue = DSL.notExists(DSL.selectOne().from(held)
        .where(columns.customValueOf(held, custom.fieldId())).and(customValue(held, custom.part()).isNotNull()));
    Condition emptyAfter = cursor.filter(c -> c.key() == null)
        .map(c -> sort.descending() ? id.lt(c.id()) : id.gt(c.id())).orElse(DSL.noCondition());
    SelectConditionStep<Record3<Object, UUID, Integer>> empty = DSL.select(
            object(DSL.castNull(keyType)).as(CUSTOM_SORT_KEY), id.as(WALK_ID), DSL.inline(1).as(WALK_PHASE))
        .from(listed).where(wanted).and(withoutValue).and(emptyAfter);

    Select<? extends Record> walk;
    if (cursor.isPresent() && cursor.get().key() == null) {
      walk = empty.orderBy(sort.descending() ? id.desc() : id.asc()).limit(rows);
    } else {
      CustomFieldValues value = CUSTOM_FIELD_VALUES.as(CUSTOM_SORT_VALUE);
      Field<Object> key = object(customValue(value, custom.part()));
      Field<Object> ordered = isText(sort.type()) ? codePointOrdered(key) : key;
      Field<UUID> record = columns.customRecord(value);
      Condition after = cursor.map(c -> sort.descending()
          ? DSL.row(ordered, record).lt(DSL.val(toSql(c.key()), key), DSL.val(c.id(), record))
          : DSL.row(ordered, record).gt(DSL.val(toSql(c.key()), key), DSL.val(c.id(), record)))
          .orElse(DSL.noCondition());
      CommonTableExpression<Record3<Object, UUID, Integer>> valued = DSL.name(VALUED).as(
          DSL.select(key.as(CUSTOM_SORT_KEY), record.as(WALK_ID), DSL.inline(0).as(WALK_PHASE))
              .from(listed).join(value).on(columns.customValueOf(value, custom.fieldId())).and(key.isNotNull())
              .where(wanted).and(after)
              .orderBy(sort.descending() ? ordered.desc() : ordered.asc(), sort.descending() ? record.desc() : record.asc())
              .limit(rows));
      // the empty ones only when the valued ones fall short of a page and one (a one-time filter)
      Condition shortOfAPage = DSL.field(DSL.selectCount().from(valued)).lt(rows);
      walk = DSL.with(valued).select(valued.fields()).from(valued)
          .unionAll(empty.and(shortOfAPage).orderBy(sort.descending() ? id.desc() : id.asc()).limit(rows));
    }

    Table<?> next = walk.asTable(CUSTOM_SORT);
    Field<Object> nextKey = object(next.field(CUSTOM_SORT_KEY));
    Field<Object> nextOrdered = isText(sort.type()) ? codePointOrdered(nextKey) : nextKey;
    Field<UUID> nextId = next.field(WALK_ID, UUID.class);
    SelectQuery<R> page = select.getQuery();
    page.addJoin(next, JoinType.JOIN, nextId.eq(id));
    page.addSelect(customSortColumn(custom));
    page.addOrderBy(next.field(WALK_PHASE).asc(), sort.descending() ? nextOrdered.desc() : nextOrdered.asc(),
        sort.descending() ? id.desc() : id.asc());
    page.addLimit(rows);
    return page;
  }

  /** {@link #statement} without its limit. */
  private static <R extends Record> SelectLimitStep<R> ordered(SelectConditionStep<R> select, ListQuery query,
      ListColumns columns) {
    query.requireResolved();
    Sort sort = query.sort();
    Field<Object> column = sortColumn(query, columns);
    query.offer().customSortColumn(sort.field()).ifPresent(custom -> joinCustomSort(select, custom, columns));
    Field<Object> ordered = isText(sort.type()) ? codePointOrdered(column) : column;
    Field<UUID> id = columns.id();
    boolean nullable = column.getDataType().nullable();

    Condition where = conditions(query.filters(), query.offer(), columns)
        .and(query.search().map(columns::search).orElse(DSL.noCondition()));
    Condition after = query.page().after().map(c -> after(c, column, ordered, id, nullable)).orElse(DSL.noCondition());
    SortField<Object> byKey = sort.descending() ? ordered.desc() : ordered.asc();
    List<SortField<?>> order = List.of(nullable ? byKey.nullsLast() : byKey, sort.descending() ? id.desc() : id.asc());
    return select.and(where).and(after).orderBy(order);
  }

  /** Rows an export's cursor fetches per round trip: a few hundred kB held at a time, whatever the list's size. */
  public static final int EXPORT_FETCH_SIZE = 500;

  /**
   * Every row of {@code query}'s whole walk (its page ignored), in the walk's order, mapped and
   * handed to {@code sink} as a server-side cursor fetches them ({@value #EXPORT_FETCH_SIZE} a
   * round trip, read a batch ahead: {@link ReadAhead}): one statement, inside the open transaction
   * (which a cursor needs), closed however it ends.
   */
  public static <T> void stream(SelectConditionStep<?> select, ListQuery query, ListColumns columns,
      Function<ReadAhead.Row, T> mapper, Consumer<? super T> sink) {
    ReadAhead.stream(ordered(select, query.fromFirst(), columns), mapper, sink);
  }

  private static Field<Object> sortColumn(ListQuery query, ListColumns columns) {
    Sort sort = query.sort();
    Optional<CustomColumn> custom = query.offer().customSortColumn(sort.field());
    if (custom.isPresent()) {
      return customSortColumn(custom.get());
    }
    return object(columns.sortColumn(sort.field(), sort.type().kind() == ValueType.Kind.TEXT));
  }

  /**
   * The sort column of a custom field: the listed row's own value, left-joined (a row without one
   * gets {@code NULL}, last both ways); a single select's by its option's position.
   */
  private static Field<Object> customSortColumn(CustomColumn custom) {
    return object(DSL.field(DSL.name(CUSTOM_SORT, CUSTOM_SORT_KEY), sortKeyType(custom.part())));
  }

  private static DataType<?> sortKeyType(CustomColumn.Part part) {
    return part == CustomColumn.Part.OPTION_POSITION ? SQLDataType.BIGINT
        : customValue(CUSTOM_FIELD_VALUES, part).getDataType().nullable(true);
  }

  /**
   * Joins the listed row's value of the sorted custom field (a single select's option's position),
   * laterally: one probe per row of the unique index {@code (tenant_id, field_id, <record>, ...)}
   * (a row of the field holds its type's column, so no {@code IS NOT NULL} that would invite a
   * partial index scanned whole per row),
   * whatever the planner's statistics say (its {@code LIMIT 1}, a no-op on that unique index, keeps
   * the planner from flattening it into a join it may misjudge); and selects it as the sort column.
   */
  private static void joinCustomSort(SelectConditionStep<?> select, CustomColumn custom, ListColumns columns) {
    CustomFieldValues value = CUSTOM_FIELD_VALUES.as(CUSTOM_SORT_VALUE);
    Select<?> own;
    if (custom.part() == CustomColumn.Part.OPTION_POSITION) {
      CustomFieldOptions option = CUSTOM_FIELD_OPTIONS.as(CUSTOM_SORT_OPTION);
      own = DSL.select(option.POSITION.cast(SQLDataType.BIGINT).as(CUSTOM_SORT_KEY)).from(value).join(option)
          .on(option.TENANT_ID.eq(value.TENANT_ID)).and(option.ID.eq(value.OPTION_ID))
          .where(columns.customValueOf(value, custom.fieldId())).limit(1);
    } else {
      Field<?> key = customValue(value, custom.part());
      own = DSL.select(key.as(CUSTOM_SORT_KEY)).from(value)
          .where(columns.customValueOf(value, custom.fieldId())).limit(1);
    }
    SelectQuery<?> query = select.getQuery();
    query.addJoin(DSL.lateral(own.asTable(CUSTOM_SORT)), JoinType.LEFT_OUTER_JOIN, DSL.trueCondition());
    query.addSelect(customSortColumn(custom));
  }

  /** The column of {@code values} that holds {@code part}. */
  private static Field<?> customValue(CustomFieldValues values, CustomColumn.Part part) {
    return switch (part) {
      case TEXT -> values.TEXT_SORT;
      case NUMBER -> values.NUMBER_VALUE;
      case DECIMAL -> values.DECIMAL_VALUE;
      case DATE -> values.DATE_VALUE;
      case BOOLEAN -> values.BOOLEAN_VALUE;
      case OPTION -> values.OPTION_ID;
      case AMOUNT -> values.AMOUNT;
      case CURRENCY -> values.CURRENCY;
      case OPTION_POSITION -> throw new IllegalArgumentException("a position is its option's");
    };
  }

  /**
   * A custom field's filter: whether the listed row has a value of the field that passes it (as
   * {@link Filter#test}; a text compared by its sort key, ignoring case; a select by option ids,
   * any chosen one), or for {@code .empty}, whether it has none. The conditions imply each partial
   * index's predicate (the record column and the value column are not null).
   */
  private static Condition customCondition(Filter filter, CustomColumn custom, ListColumns columns) {
    CustomFieldValues values = CUSTOM_FIELD_VALUES.as(CUSTOM_FILTER);
    Field<?> value = customValue(values, custom.part());
    Condition of = columns.customValueOf(values, custom.fieldId());
    if (filter.operator() == Filter.Operator.EMPTY) {
      Condition any = DSL.exists(DSL.selectOne().from(values).where(of).and(value.isNotNull()));
      return (Boolean) filter.value() ? DSL.not(any) : any;
    }
    Condition passes = switch (custom.part()) {
      case OPTION -> values.OPTION_ID.in(filter.values().stream().map(key -> custom.options().get((String) key)).toList());
      case TEXT -> condition(new Filter(filter.field(), filter.type(), filter.operator(),
          filter.values().stream().map(v -> (Object) TextOrder.key((String) v)).toList()), value);
      default -> condition(filter, value);
    };
    return DSL.exists(DSL.selectOne().from(values).where(of).and(passes));
  }

  /**
   * One page of {@code select}'s rows oldest first ({@link ListOffer#OLDEST_FIRST}): by a time
   * column, then by id. The table needs an index on {@code (tenant_id, <time>, id)}.
   */
  public static <R extends Record> Page<R> page(SelectConditionStep<R> select,
      Field<OffsetDateTime> time, Field<UUID> id, PageRequest request) {
    ListQuery query = new ListQuery(ListOffer.OLDEST_FIRST, List.of(), ListOffer.OLDEST_FIRST.defaultSort(), request);
    return page(select, query, ListColumns.of(id).field(query.sort().field(), time));
  }

  /** The rows after the cursor's: its key then id, in the sort's direction; empty keys after all others. */
  private static Condition after(PageCursor cursor, Field<Object> column, Field<Object> ordered, Field<UUID> id,
      boolean nullable) {
    boolean descending = cursor.sort().descending();
    if (cursor.key() == null) {
      return column.isNull().and(descending ? id.lt(cursor.id()) : id.gt(cursor.id()));
    }
    Object key = toSql(cursor.key());
    Condition beyond = descending
        ? DSL.row(ordered, id).lt(DSL.val(key, column), DSL.val(cursor.id(), id))
        : DSL.row(ordered, id).gt(DSL.val(key, column), DSL.val(cursor.id(), id));
    return nullable ? beyond.or(column.isNull()) : beyond;
  }

  /**
   * The SQL of these filters (all must hold) on a list's columns, as the list's walk applies them;
   * an aggregate over the same rows (a summary) adds it to its own conditions.
   */
  public static Condition conditions(List<Filter> filters, ListColumns columns) {
    return DSL.and(filters.stream().map(f -> condition(f, columns)).toList());
  }

  /** As {@link #conditions(List, ListColumns)}, a custom field's filter as {@code offer} resolved it. */
  private static Condition conditions(List<Filter> filters, ListOffer offer, ListColumns columns) {
    return DSL.and(filters.stream().map(f -> offer.customFilterColumn(f.field())
        .map(custom -> customCondition(f, custom, columns)).orElseGet(() -> condition(f, columns))).toList());
  }

  private static Condition condition(Filter filter, ListColumns columns) {
    ListColumns.Related related = columns.related(filter.field());
    if (related == null) {
      return condition(filter, columns.field(filter.field()));
    }
    // as Filter#testAny: .empty asks for no related row; the others for one whose value passes
    if (filter.operator() == Filter.Operator.EMPTY) {
      Condition any = DSL.exists(DSL.selectOne().from(related.table()).where(related.joined()));
      return (Boolean) filter.value() ? DSL.not(any) : any;
    }
    return DSL.exists(DSL.selectOne().from(related.table()).where(related.joined())
        .and(condition(filter, related.value())));
  }

  /** A filter's SQL, as {@link Filter#test} decides it in memory. */
  private static Condition condition(Filter filter, Field<?> raw) {
    Field<Object> column = object(raw);
    boolean text = isText(filter.type());
    Field<Object> compared = text ? codePointOrdered(column) : column;
    Condition empty = text ? column.isNull().or(column.eq(DSL.val("", column))) : column.isNull();
    return switch (filter.operator()) {
      case EMPTY -> (Boolean) filter.value() ? empty : DSL.not(empty);
      case ANY_OF -> column.in(filter.values().stream().map(v -> DSL.val(toSql(v), column)).toList());
      case AT_LEAST -> compared.ge(DSL.val(toSql(filter.value()), column));
      case AT_MOST -> compared.le(DSL.val(toSql(filter.value()), column));
    };
  }

  /** Text and enum values compare by code point (an enum column holds its lower-case constants). */
  private static boolean isText(ValueType type) {
    return type.kind() == ValueType.Kind.TEXT || type.kind() == ValueType.Kind.ENUM;
  }

  private static Field<Object> codePointOrdered(Field<Object> column) {
    return object(column.collate(CODE_POINT_COLLATION));
  }

  @SuppressWarnings("unchecked")
  private static Field<Object> object(Field<?> field) {
    return (Field<Object>) field;
  }

  private static Object toSql(Object value) {
    return value instanceof Instant instant ? SqlTime.utc(instant) : value;
  }

  private static Object fromSql(Object value) {
    return value instanceof OffsetDateTime time ? time.toInstant() : value;
  }
}
