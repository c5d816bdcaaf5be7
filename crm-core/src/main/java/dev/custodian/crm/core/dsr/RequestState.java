package dev.custodian.crm.core.dsr;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a request stands, as types: each transition is a method of the state it leaves, so a step
 * that does not apply does not compile (only a {@link Verified} request {@linkplain Verified#complete
 * completes}, DSR-12). {@link Received}, {@link IdentityVerified} and {@link InProgress} are
 * {@link Open}; the others are final.
 */
public sealed interface RequestState {

  /** The stored and wire name, e.g. {@code IDENTITY_VERIFIED}. */
  String name();

  /** A state a request can still leave: rejected or cancelled from any of them. */
  sealed interface Open extends RequestState {

    default Rejected reject(RequestText reason, Instant at) {
      return new Rejected(reason, at);
    }

    default Cancelled cancel(Instant at) {
      return new Cancelled(at);
    }
  }

  /** A state whose requester's identity was checked: the request may execute. */
  sealed interface Verified extends Open {

    /** When the identity was checked. */
    Instant verifiedAt();

    default Completed complete(Instant at) {
      return new Completed(verifiedAt(), at);
    }
  }

  /** Received, its requester's identity not yet checked. */
  record Received() implements Open {

    public IdentityVerified verify(Instant at) {
      return new IdentityVerified(at);
    }

    @Override
    public String name() {
      return "RECEIVED";
    }
  }

  /** Its requester's identity checked (a code they were mailed, or an ADMIN's check). */
  record IdentityVerified(Instant verifiedAt) implements Verified {

    public IdentityVerified {
      Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    public InProgress start(Instant at) {
      return new InProgress(verifiedAt, at);
    }

    @Override
    public String name() {
      return "IDENTITY_VERIFIED";
    }
  }

  /** Being worked on. */
  record InProgress(Instant verifiedAt, Instant startedAt) implements Verified {

    public InProgress {
      Objects.requireNonNull(verifiedAt, "verifiedAt");
      Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public String name() {
      return "IN_PROGRESS";
    }
  }

  /** Executed: the right was given effect. */
  record Completed(Instant verifiedAt, Instant completedAt) implements RequestState {

    public Completed {
      Objects.requireNonNull(verifiedAt, "verifiedAt");
      Objects.requireNonNull(completedAt, "completedAt");
    }

    @Override
    public String name() {
      return "COMPLETED";
    }
  }

  /** Refused, with the reason the requester is told. */
  record Rejected(RequestText reason, Instant rejectedAt) implements RequestState {

    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rejectedAt, "rejectedAt");
    }

    @Override
    public String name() {
      return "REJECTED";
    }
  }

  /** Withdrawn or abandoned. */
  record Cancelled(Instant cancelledAt) implements RequestState {

    public Cancelled {
      Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    @Override
    public String name() {
      return "CANCELLED";
    }
  }

  /** Every state's name, in the order a request goes through them. */
  static java.util.List<String> names() {
    return java.util.List.of("RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELLED");
  }
}
