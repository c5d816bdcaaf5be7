package dev.custodian.crm.core.customfield.service;

import dev.custodian.crm.core.common.paging.CustomColumn;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.ValueType;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldOption;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Service part: lists by custom fields. A list query naming {@code custom.<key>} parameters is
 * resolved inside the list's transaction against the workspace's definitions of its record type
 * (read only then): each definition becomes a filter, and a sort where its type sorts, of the
 * list's offer; the parameters are read again, each bad one named at once. One mechanism for
 * contacts, companies and deals.
 *
 * <p>What each type offers ({@code f} is {@code custom.<key>}): TEXT, EMAIL, PHONE and URL
 * {@code f=v} (equal ignoring case), {@code f.empty}, sort by the value ignoring case; NUMBER,
 * DECIMAL and DATE {@code f.gte}, {@code f.lte}, {@code f.empty}, sort; BOOLEAN {@code f=true|false},
 * {@code f.empty}, sort (false first); SINGLE_SELECT {@code f=<option key>}, {@code f.empty}, sort
 * by the options' order; MULTI_SELECT {@code f=<option key>} (any chosen option matches),
 * {@code f.empty}, no sort; CURRENCY {@code f.currency=<code>} and {@code f.currency.empty}, and
 * {@code f.gte}, {@code f.lte} and the sort by amount, each only with {@code f.currency=} given once.
 */
public final class CustomListQueries {

  private static final CustomListQueries NONE = new CustomListQueries(null);

  private final CustomFieldRepository fields;

  public CustomListQueries(CustomFieldRepository fields) {
    this.fields = fields;
  }

  /** Lists without custom fields: a {@code custom.<key>} parameter names no field. */
  public static CustomListQueries none() {
    return NONE;
  }

  /** {@code list}, first resolving the query's custom fields as records of {@code type} (inside the transaction). */
  public <T> BiFunction<WorkspaceId, ListQuery, Page<T>> resolving(ObjectType type,
      BiFunction<WorkspaceId, ListQuery, Page<T>> list) {
    return (workspace, query) -> list.apply(workspace, resolve(workspace, type, query));
  }

  /**
   * {@code query} with its custom fields read against the workspace's definitions of {@code type};
   * a query without any as it is (no statement).
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming each bad parameter
   */
  public ListQuery resolve(WorkspaceId workspace, ObjectType type, ListQuery query) {
    if (!query.unresolved()) {
      return query;
    }
    List<CustomField> definitions = fields == null ? List.of() : fields.list(workspace, type);
    return query.resolve(query.offer().withCustom(offer(definitions)));
  }

  /** The filters and sorts of these definitions, as the class comment lists them. */
  static ListOffer.Custom offer(List<CustomField> definitions) {
    ListOffer.Custom custom = new ListOffer.Custom();
    for (CustomField field : definitions) {
      String name = CustomColumn.PREFIX + field.key().value();
      UUID id = field.id().value();
      switch (field.type()) {
        case TEXT, EMAIL, PHONE, URL -> {
          CustomColumn column = new CustomColumn(id, CustomColumn.Part.TEXT);
          custom.filter(name, ValueType.TEXT, column, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
              .sort(name, ValueType.TEXT, column);
        }
        case NUMBER -> ranged(custom, name, ValueType.INTEGER, new CustomColumn(id, CustomColumn.Part.NUMBER));
        case DECIMAL -> ranged(custom, name, ValueType.NUMERIC, new CustomColumn(id, CustomColumn.Part.DECIMAL));
        case DATE -> ranged(custom, name, ValueType.DATE, new CustomColumn(id, CustomColumn.Part.DATE));
        case BOOLEAN -> {
          CustomColumn column = new CustomColumn(id, CustomColumn.Part.BOOLEAN);
          custom.filter(name, ValueType.BOOLEAN, column, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
              .sort(name, ValueType.BOOLEAN, column);
        }
        case SINGLE_SELECT, MULTI_SELECT -> {
          Map<String, UUID> options = new LinkedHashMap<>();
          field.options().forEach(o -> options.put(o.key().value(), o.id().value()));
          CustomColumn column = new CustomColumn(id, CustomColumn.Part.OPTION, options);
          if (field.options().isEmpty()) {
            custom.filter(name, ValueType.TEXT, column, Filter.Operator.EMPTY);
          } else {
            custom.filter(name, ValueType.oneOf(field.options().stream().map(FieldOption::key)
                .map(k -> k.value()).toArray(String[]::new)), column, Filter.Operator.ANY_OF, Filter.Operator.EMPTY);
          }
          if (field.type() == CustomFieldType.SINGLE_SELECT) {
            custom.sort(name, ValueType.INTEGER, new CustomColumn(id, CustomColumn.Part.OPTION_POSITION));
          }
        }
        case CURRENCY -> {
          String currency = name + ".currency";
          CustomColumn amount = new CustomColumn(id, CustomColumn.Part.AMOUNT);
          custom.filter(currency, ValueType.TEXT, new CustomColumn(id, CustomColumn.Part.CURRENCY),
                  Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
              .filter(name, ValueType.DECIMAL, amount, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
              .sort(name, ValueType.DECIMAL, amount)
              .within(name, currency);
        }
      }
    }
    return custom;
  }

  private static void ranged(ListOffer.Custom custom, String name, ValueType type, CustomColumn column) {
    custom.filter(name, type, column, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST, Filter.Operator.EMPTY)
        .sort(name, type, column);
  }
}
