package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.audit.AuditEntry;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** One page of entries, newest first, and the sequence the next page starts below (none: the last page). */
public record AuditPage(List<AuditEntry> items, OptionalLong nextBelow) {

  public AuditPage {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    Objects.requireNonNull(nextBelow, "nextBelow");
  }

  /** From {@code limit + 1} fetched entries: the page and whether another follows. */
  public static AuditPage fromLookahead(List<AuditEntry> fetched, int limit) {
    if (fetched.size() <= limit) {
      return new AuditPage(fetched, OptionalLong.empty());
    }
    List<AuditEntry> page = fetched.subList(0, limit);
    return new AuditPage(page, OptionalLong.of(page.get(limit - 1).sequence()));
  }
}
