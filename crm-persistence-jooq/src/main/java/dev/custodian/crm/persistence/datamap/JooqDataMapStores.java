package dev.custodian.crm.persistence.datamap;

/**
 * Persistence adapter, the data map's entry for the other features of the adapter: the class of a
 * table's rows, as {@link ColumnClasses} declares it.
 */
public final class JooqDataMapStores {

  private JooqDataMapStores() {}

  /**
   * The data-map class of {@code table}'s rows (its first column's).
   *
   * @throws IllegalArgumentException for a table not declared
   */
  public static String classOfTable(String table) {
    return ColumnClasses.classOfTable(table);
  }
}
