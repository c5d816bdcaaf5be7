package dev.custodian.crm.core.export.port.in;

import dev.custodian.crm.core.customfield.CustomField;
import java.util.List;

/**
 * Where an export's rows go as they are read, inside its transaction: first the custom fields
 * its rows carry values of (the columns after the built-in ones), then each row. A sink that
 * throws ends the export; so does the export's failure, thrown to its caller after the sink's
 * last row, so a writer must not finish its output as if whole.
 */
public interface ExportSink<T> {

  /** Before any row: the custom fields, in their order, whose values the rows carry (none left out but sensitive ones not asked for). */
  void start(List<CustomField> customFields);

  void row(T row);
}
