package dev.custodian.crm.core.imports.port.out;

import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port, platform level: which workspaces have an import to run, and which worker holds each
 * until when (a lease). It names workspaces and jobs only, no personal data, so a worker finds work
 * without a tenant. Joins the caller's open transaction (a platform one, or a workspace's).
 */
public interface ImportQueue {

  /** A job a worker holds until {@code leasedUntil}. */
  record Claim(WorkspaceId workspace, ImportJobId job, String worker, int attempts) {}

  void enqueue(WorkspaceId workspace, ImportJobId job, Instant now);

  /**
   * Leases the oldest job that no worker holds (or whose lease ended) and that is its workspace's
   * oldest, so a workspace runs one job at a time; several workers and instances may claim at once,
   * each gets another job.
   */
  Optional<Claim> claim(String worker, Instant now, Instant leasedUntil);

  /** Extends the lease, if the worker still holds it; false when another worker took the job, or it left the queue. */
  boolean renew(Claim claim, Instant leasedUntil);

  /** Counts a failed attempt of the claim's batch; returns the attempts so far. */
  int failedAttempt(Claim claim);

  /** Takes the job off the queue (finished or cancelled). */
  void remove(WorkspaceId workspace, ImportJobId job);
}
