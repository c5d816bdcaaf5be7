package dev.custodian.crm.core.audit;

import java.util.Objects;
import java.util.Optional;

/** What verifying a chain found: valid with its number of entries, or the first break. */
public record AuditVerification(AuditChain chain, long entries, Optional<Break> firstBreak) {

  /** The kinds of break, in the order they are checked for each entry. */
  public enum BreakKind {
    /** An entry's sequence is not the one after its predecessor's: entries were deleted or moved. */
    GAP,
    /** An entry's previous hash is not its predecessor's hash. */
    LINK_BROKEN,
    /** An entry's hash is not the HMAC of its content: a field or ciphertext changed. */
    CONTENT_CHANGED,
    /** The chain's head names another last entry than the chain has: the newest were deleted (or added). */
    HEAD_MISMATCH;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The first broken entry (or the head's sequence for a head mismatch) and what broke. */
  public record Break(long sequence, BreakKind kind) {
    public Break {
      Objects.requireNonNull(kind, "kind");
    }
  }

  public AuditVerification {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(firstBreak, "firstBreak");
  }

  public boolean valid() {
    return firstBreak.isEmpty();
  }
}
