package dev.custodian.crm.persistence.common;

import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.persistence.generated.tables.CustomFieldValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Persistence adapter: the columns of one list for {@link KeysetPaging}: the row's id, the column of
 * each field its offer filters on (the value itself), and the column each sort orders by (the
 * value, or for text its sort key column, which the repository fills with
 * {@link dev.custodian.crm.core.common.paging.TextOrder#key} and the migration declares
 * {@code COLLATE "C"} with an index on {@code (tenant_id, key, id)}).
 */
public final class ListColumns {

  private final Field<UUID> id;
  private final Map<String, Field<?>> fields = new LinkedHashMap<>();
  private final Map<String, Field<?>> sortKeys = new LinkedHashMap<>();
  private final Map<String, Related> related = new LinkedHashMap<>();

  /** A many-valued field: the rows of {@code table} that {@code joined} ties to the listed row, each holding one {@code value}. */
  record Related(Table<?> table, Condition joined, Field<?> value) {}
  private Function<String, Condition> search;
  private Field<UUID> customTenant;
  private ObjectType customType;

  private ListColumns(Field<UUID> id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** Rows identified by {@code id}. */
  public static ListColumns of(Field<UUID> id) {
    return new ListColumns(id);
  }

  /** The column of the field {@code name}: filtered on, and sorted by unless it has a sort key column. */
  public ListColumns field(String name, Field<?> column) {
    fields.put(name, Objects.requireNonNull(column, "column"));
    return this;
  }

  /** The column a text field is sorted by: its sort key. */
  public ListColumns sortKey(String name, Field<String> column) {
    sortKeys.put(name, Objects.requireNonNull(column, "column"));
    return this;
  }

  /**
   * A many-valued field, filtered on only: the values are {@code value} in the rows of
   * {@code table} that {@code joined} ties to the listed row (a correlated condition); a row passes
   * a filter when any of its values does, and {@code .empty} asks whether it has any. The table
   * needs an index leading with {@code (tenant_id, <value>)}.
   */
  public ListColumns related(String name, Table<?> table, Condition joined, Field<?> value) {
    related.put(name, new Related(Objects.requireNonNull(table, "table"), Objects.requireNonNull(joined, "joined"),
        Objects.requireNonNull(value, "value")));
    return this;
  }

  /**
   * The list's custom fields ({@code custom.<key>}): the values in {@code custom_field_values} of
   * records of {@code type} whose workspace is the row's {@code tenant} column and whose record is
   * its id. A filter is an {@code EXISTS} over them, a sort a left join of the row's value; each is
   * served by V21's partial index of its value column.
   */
  public ListColumns customValues(ObjectType type, Field<UUID> tenant) {
    this.customType = Objects.requireNonNull(type, "type");
    this.customTenant = Objects.requireNonNull(tenant, "tenant");
    return this;
  }

  /** The condition tying the values in {@code values} of the field {@code fieldId} to the listed row. */
  Condition customValueOf(CustomFieldValues values, UUID fieldId) {
    if (customType == null) {
      throw new IllegalStateException("the list declares no custom values");
    }
    return values.TENANT_ID.eq(customTenant).and(values.FIELD_ID.eq(fieldId)).and(customRecord(values).eq(id));
  }

  /** The column of {@code values} naming the listed row. */
  Field<UUID> customRecord(CustomFieldValues values) {
    return switch (customType) {
      case CONTACT -> values.CONTACT_ID;
      case COMPANY -> values.COMPANY_ID;
      case DEAL -> values.DEAL_ID;
    };
  }

  Related related(String name) {
    return related.get(name);
  }

  /**
   * How the list matches a search text ({@code q}): a condition on its rows, built with
   * {@link #containing} over columns (or expressions) a trigram index serves.
   */
  public ListColumns search(Function<String, Condition> matching) {
    this.search = Objects.requireNonNull(matching, "matching");
    return this;
  }

  /**
   * {@code text ILIKE '%q%'}: {@code q} as a case-insensitive substring, its {@code %}, {@code _}
   * and escape character taken literally. A {@code pg_trgm} GIN index on {@code text} serves it.
   */
  public static Condition containing(Field<String> text, String q) {
    String literal = q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return text.likeIgnoreCase("%" + literal + "%", '!');
  }

  Condition search(String q) {
    if (search == null) {
      throw new IllegalStateException("the list declares no search");
    }
    return search.apply(q);
  }

  Field<UUID> id() {
    return id;
  }

  Field<?> field(String name) {
    Field<?> column = fields.get(name);
    if (column == null) {
      throw new IllegalStateException("the list has no column for " + name);
    }
    return column;
  }

  /** The column a sort on {@code name} orders by; a text sort needs its key column (an enum's constants are keys). */
  Field<?> sortColumn(String name, boolean text) {
    Field<?> key = sortKeys.get(name);
    if (key == null && text) {
      throw new IllegalStateException("a text sort orders by its key column: declare sortKey(\"" + name + "\", ...)");
    }
    return key != null ? key : field(name);
  }
}
