package dev.custodian.crm.persistence.common;

import org.jooq.Field;
import org.jooq.Record;

/**
 * A row's values by their columns, however it was read: a jOOQ record, or a row an export read
 * ahead ({@link ReadAhead.Row}). A table's mapper reads through this, so it maps both the same way.
 */
public interface Columns {

  <X> X get(Field<X> field);

  static Columns of(Record record) {
    return new Columns() {
      @Override
      public <X> X get(Field<X> field) {
        return record.get(field);
      }
    };
  }
}
