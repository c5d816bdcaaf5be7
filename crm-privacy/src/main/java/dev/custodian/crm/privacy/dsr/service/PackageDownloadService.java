package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.privacy.dsr.port.in.DownloadPackageUseCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Service: the one-time download of a package. The claim is one conditional update in a platform
 * transaction (the token's SHA-256 finds the package; of two concurrent claims one wins). The
 * chunks are then read one short workspace transaction each, so no transaction stays open while
 * the bytes travel; once written, or if writing failed, the package and its chunks are deleted and
 * the download audited ({@code subject_package_downloaded}, as {@code ANONYMOUS}), in one
 * transaction. Failed claims count against the client's IP in the throttle.
 */
public final class PackageDownloadService implements DownloadPackageUseCase {

  private final Transactions transactions;
  private final WorkspaceTransactions audited;
  private final PackageStore store;
  private final Clock clock;
  private final Throttle throttle;

  /** The throttle's scope of failed downloads. */
  static final String THROTTLE_SCOPE = "privacy-download";

  public PackageDownloadService(Transactions transactions, WorkspaceTransactions audited, PackageStore store,
      Clock clock, Throttle throttle) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.audited = Objects.requireNonNull(audited, "audited");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
  }

  @Override
  public Download claim(String token, String clientIp) {
    // A hit is reserved before the attempt (so parallel guesses cannot all pass) and given back on success.
    ThrottleKey ip = ThrottleKey.clientIp(THROTTLE_SCOPE, clientIp);
    throttle.check(ip);
    if (token == null || !TokenGenerator.format(SubjectPackagerService.TOKEN_PREFIX).matcher(token).matches()) {
      throw new InvalidTokenException();
    }
    String hash = TokenHash.of(token);
    PackageStore.Claim claim = transactions.inPlatform(() -> store.claim(hash, Timestamps.now(clock)))
        .orElseThrow(InvalidTokenException::new);
    throttle.release(ip);
    return out -> {
      boolean complete = false;
      try {
        for (int sequence = 0; ; sequence++) {
          int next = sequence;
          Optional<byte[]> chunk = transactions.inWorkspace(claim.workspace(),
              () -> store.chunk(claim.workspace(), claim.packageId(), next));
          if (chunk.isEmpty()) {
            break;
          }
          out.write(chunk.get());
        }
        out.flush();
        complete = true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        delete(audited, transactions, store, claim.workspace(), claim.packageId(), Actor.ANONYMOUS,
            complete ? Outcome.DOWNLOADED : Outcome.DOWNLOAD_FAILED);
      }
    };
  }

  /** Why a package was deleted, in its audit entry's {@code reason}. */
  enum Outcome { DOWNLOADED, DOWNLOAD_FAILED }

  /** Deletes a package and audits it on its workspace's chain, in one transaction; false if it was gone. */
  static boolean delete(WorkspaceTransactions audited, Transactions transactions, PackageStore store,
      WorkspaceId workspace, UUID packageId, Actor actor, Outcome outcome) {
    return transactions.inWorkspace(workspace, () -> {
      boolean deleted = store.delete(workspace, packageId);
      if (deleted) {
        audited.audit(workspace, actor, AuditAction.SUBJECT_PACKAGE_DOWNLOADED, AuditTargetType.SUBJECT_PACKAGE,
            packageId,
            AuditDetails.none().withName(AuditDetails.Key.REASON, outcome));
      }
      return deleted;
    });
  }
}
