package dev.custodian.crm.http.audit;

import dev.custodian.crm.privacy.audit.port.in.AuditPage;
import java.util.List;

/** A page of audit entries, newest first, and the opaque cursor of the next page ({@code null}: the last). */
record AuditPageResponse(List<AuditEntryResponse> items, String nextCursor) {

  static AuditPageResponse from(AuditPage page) {
    return new AuditPageResponse(page.items().stream().map(AuditEntryResponse::from).toList(),
        page.nextBelow().isPresent() ? AuditCursor.encode(page.nextBelow().getAsLong()) : null);
  }
}
