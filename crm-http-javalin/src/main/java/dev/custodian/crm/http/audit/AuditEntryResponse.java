package dev.custodian.crm.http.audit;

import dev.custodian.crm.core.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An audit entry as the API shows it: ids, names and counts; the actor's email, IP and user agent
 * decrypted, or {@code personalDataErased} once the actor was forgotten.
 *
 * @param actorKind {@code account}, {@code api_key}, {@code system} or {@code anonymous}
 * @param actorAccountId the account, or an API key's creator
 */
record AuditEntryResponse(long sequence, Instant at, String actorKind, UUID actorAccountId, UUID actorApiKeyId,
    String action, String targetType, UUID targetId, String outcome, Map<String, String> details, String email,
    String ip, String userAgent, boolean personalDataErased) {

  static AuditEntryResponse from(AuditEntry entry) {
    return new AuditEntryResponse(entry.sequence(), entry.at(), entry.actor().kind().label(),
        entry.actor().account().orElse(null), entry.actor().apiKey().orElse(null), entry.action().label(),
        entry.targetType().label(), entry.targetId().orElse(null), entry.outcome().label(), entry.details().values(),
        entry.personal().email().orElse(null), entry.personal().ip().orElse(null),
        entry.personal().userAgent().orElse(null), entry.personal().erased());
  }
}
