package dev.custodian.crm.core.common.paging;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a list field named {@code custom.<key>} (or {@code custom.<key>.currency}) reads its values:
 * the workspace's custom field definition and which part of its stored value. A list query holds
 * one per custom field it filters or sorts on, once the use case has resolved the key against the
 * workspace's definitions ({@link ListQuery#resolve}); an adapter reads the value of each listed row
 * from there.
 *
 * @param fieldId the custom field definition's id
 * @param part which part of the stored value the field compares
 * @param options for an {@link Part#OPTION}: the field's option ids by their keys (a filter names
 *     keys; a store may compare ids); empty for the other parts
 */
public record CustomColumn(UUID fieldId, Part part, Map<String, UUID> options) {

  /** The prefix of every custom field's name in a list: {@code custom.}. */
  public static final String PREFIX = "custom.";

  /** A part of a stored custom value, as lists compare it. */
  public enum Part {
    /** A TEXT, EMAIL, PHONE or URL value's sort key ({@link TextOrder#key}): filters and sorts ignore case. */
    TEXT,
    /** A NUMBER. */
    NUMBER,
    /** A DECIMAL. */
    DECIMAL,
    DATE,
    BOOLEAN,
    /** A select's option id (a MULTI_SELECT has one value per chosen option: any may match). */
    OPTION,
    /** A SINGLE_SELECT's option's position in its field (from 1): how it sorts. */
    OPTION_POSITION,
    /** A CURRENCY value's amount. */
    AMOUNT,
    /** A CURRENCY value's currency code. */
    CURRENCY
  }

  public CustomColumn {
    Objects.requireNonNull(fieldId, "fieldId");
    Objects.requireNonNull(part, "part");
    options = Map.copyOf(options);
  }

  /** A column of a part without options. */
  public CustomColumn(UUID fieldId, Part part) {
    this(fieldId, part, Map.of());
  }

  /** Whether {@code field} names a custom field ({@code custom.<key>...}). */
  public static boolean isCustom(String field) {
    return field.startsWith(PREFIX);
  }
}
