package dev.custodian.crm.persistence.customfield;

import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELDS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_OPTIONS;
import static dev.custodian.crm.persistence.generated.Tables.CUSTOM_FIELD_VALUES;

import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * A record's custom values as one column of its own row's statement (a nested set), so a contact,
 * company or deal is read with its values in one round trip, a page of them too (a set per row).
 */
public final class CustomValueColumns {

  private CustomValueColumns() {}

  /**
   * The values of the record of {@code type} whose row has {@code tenant} and {@code id}, with
   * their field's key and type (and a select value's option key), in the fields' order.
   */
  public static Field<Result<Record>> of(ObjectType type, Field<UUID> tenant, Field<UUID> id) {
    Field<UUID> record = switch (type) {
      case CONTACT -> CUSTOM_FIELD_VALUES.CONTACT_ID;
      case COMPANY -> CUSTOM_FIELD_VALUES.COMPANY_ID;
      case DEAL -> CUSTOM_FIELD_VALUES.DEAL_ID;
    };
    return DSL.multiset(DSL.select(CUSTOM_FIELD_VALUES.fields())
        .select(CUSTOM_FIELDS.FIELD_KEY, CUSTOM_FIELDS.TYPE, CUSTOM_FIELD_OPTIONS.OPTION_KEY)
        .from(CUSTOM_FIELD_VALUES).join(CUSTOM_FIELDS)
        .on(CUSTOM_FIELDS.TENANT_ID.eq(CUSTOM_FIELD_VALUES.TENANT_ID)).and(CUSTOM_FIELDS.ID.eq(CUSTOM_FIELD_VALUES.FIELD_ID))
        .leftJoin(CUSTOM_FIELD_OPTIONS)
        .on(CUSTOM_FIELD_OPTIONS.TENANT_ID.eq(CUSTOM_FIELD_VALUES.TENANT_ID))
        .and(CUSTOM_FIELD_OPTIONS.ID.eq(CUSTOM_FIELD_VALUES.OPTION_ID))
        .where(CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant)).and(record.eq(id))
        .orderBy(CUSTOM_FIELDS.CREATED_AT, CUSTOM_FIELDS.ID, CUSTOM_FIELD_VALUES.ID)).as("custom");
  }

  /** The values read by a column of {@link #of}. */
  public static CustomValues values(Result<Record> rows) {
    return JooqCustomValueRepository.values(rows);
  }
}
