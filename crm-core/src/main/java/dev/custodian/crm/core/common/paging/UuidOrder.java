package dev.custodian.crm.core.common.paging;

import java.util.Comparator;
import java.util.UUID;

/**
 * PostgreSQL's order of uuids: their 16 bytes compared as unsigned values. Java's
 * {@link UUID#compareTo} compares signed longs and disagrees for ids whose high bit is set, so
 * every in-memory ordering of ids uses this comparator instead.
 */
public final class UuidOrder {

  public static final Comparator<UUID> UNSIGNED = (a, b) -> {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  };

  private UuidOrder() {}
}
