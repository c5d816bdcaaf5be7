package dev.custodian.crm.persistence.datamap;

/** Persistence adapter, the data map's entry for other stores: the class of a table's rows, as {@link ColumnClasses} declares it. */
public final class TableClasses {

  private TableClasses() {}

  /**
   * The data-map class of {@code table}'s rows (its first column's).
   *
   * @throws IllegalArgumentException for a table not declared
   */
  public static String of(String table) {
    return ColumnClasses.classOfTable(table);
  }
}
