package dev.custodian.crm.core.dsr.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: builds the package an ACCESS or PORTABILITY request answers with (issue 28, items 6
 * and 7). Both methods join the caller's open transaction of {@code workspace} and fail with
 * {@link IllegalStateException} when none is open, so the package exists exactly when the request's
 * completion commits.
 *
 * <p>The download token is not minted here: the completion mail mints it when it is sent (as
 * {@code MailDispatcher} does for account tokens) through {@link #issueDownloadToken}, so no token
 * is ever in the outbox, and a failed send can spend it. Only the token's SHA-256 is stored.
 */
public interface SubjectPackager {

  /**
   * Streams every record of the workspace's stores about {@code subject} (the contacts with that
   * address and what hangs off them) into a new package, valid until the returned expiry.
   *
   * @param requestId the data-subject request the package answers
   * @param portable {@code true} for PORTABILITY ({@code data.json} and a CSV per section),
   *     {@code false} for ACCESS ({@code subject.json}, {@code processing.json}, {@code index.html})
   */
  PackageReceipt build(WorkspaceId workspace, UUID requestId, EmailAddress subject, boolean portable);

  /**
   * A new download token for the package, for the completion mail's link fragment; any older token
   * of the package stops working. Empty when the package is gone (downloaded, expired or deleted).
   */
  Optional<String> issueDownloadToken(WorkspaceId workspace, UUID packageId);

  /**
   * What a built package is: its id, when it expires (and is deleted, {@code CRM_DSR_DOWNLOAD_TTL}
   * after it was built, 7 days by default), its size in bytes, and how many records each section
   * holds (by participant name, in package order), for the request's audit entry.
   */
  record PackageReceipt(UUID packageId, Instant expiresAt, long bytes, Map<String, Integer> recordsBySection) {
    public PackageReceipt {
      Objects.requireNonNull(packageId, "packageId");
      Objects.requireNonNull(expiresAt, "expiresAt");
      recordsBySection = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recordsBySection));
    }
  }
}
