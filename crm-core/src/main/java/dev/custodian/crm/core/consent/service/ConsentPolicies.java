package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException.Kind;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.Purpose;
import java.util.Optional;

/**
 * Policies: which ledger entry may follow a state. Grant and withdraw on CONSENT purposes; object on
 * an objectable basis or direct marketing; restore only from {@link ConsentState.Objected};
 * withdrawing what is not granted, or objecting again, appends nothing. Only the person undoes a
 * refusal: when the latest entry for the subject or its address is a withdrawal or an objection, a
 * grant or restore needs their confirmed opt-in ({@code EMAIL_LINK}); so does any grant of a
 * double opt-in purpose, unless an IMPORT brings its former confirmation time.
 */
public final class ConsentPolicies {

  private ConsentPolicies() {}

  /** What to do with a request to append. */
  public enum Outcome {
    /** Append the entry. */
    APPEND,
    /** Nothing to append: the state already is what the entry would make it. */
    UNCHANGED
  }

  /**
   * @param latestOfSubject the subject's latest entry for the purpose
   * @param latestOfAddress the address's latest entry for the purpose, whatever subject
   * @param confirmedOptIn whether the person confirmed it through a mailed link
   * @param importedConfirmation whether an IMPORT brings the time the person confirmed elsewhere
   * @throws ConflictException {@code CONSENT_REQUIRED} or {@code INVALID_STATE}
   */
  public static Outcome decide(Purpose purpose, ConsentState state, ConsentEventKind kind, ConsentSource source,
      Optional<ConsentEvent> latestOfSubject, Optional<ConsentEvent> latestOfAddress, boolean importedConfirmation) {
    if (purpose.isRetired()) {
      throw new ConflictException(Kind.INVALID_STATE, "the purpose is retired");
    }
    boolean confirmed = source == ConsentSource.EMAIL_LINK;
    boolean refused = latestOfSubject.map(e -> e.kind().isRefusal()).orElse(false)
        || latestOfAddress.map(e -> e.kind().isRefusal()).orElse(false);
    return switch (kind) {
      case GRANTED -> {
        if (purpose.basis() != LegalBasis.CONSENT) {
          throw new ConflictException(Kind.INVALID_STATE, "only a CONSENT purpose is granted");
        }
        if (state instanceof ConsentState.Objected) {
          throw new ConflictException(Kind.INVALID_STATE, "an objection is lifted by a restore");
        }
        if (refused && !confirmed) {
          throw new ConflictException(Kind.CONSENT_REQUIRED,
              "after a withdrawal or objection only the person's confirmed opt-in grants");
        }
        if (purpose.doubleOptIn() && !confirmed && !(source == ConsentSource.IMPORT && importedConfirmation)) {
          throw new ConflictException(Kind.CONSENT_REQUIRED, "this purpose is granted by a confirmed opt-in only");
        }
        yield Outcome.APPEND;
      }
      case WITHDRAWN -> {
        if (purpose.basis() != LegalBasis.CONSENT) {
          throw new ConflictException(Kind.INVALID_STATE, "only consent is withdrawn; object instead");
        }
        yield state instanceof ConsentState.Granted ? Outcome.APPEND : Outcome.UNCHANGED;
      }
      case OBJECTED -> {
        if (!purpose.objectable()) {
          throw new ConflictException(Kind.INVALID_STATE, "this purpose's basis admits no objection");
        }
        yield state instanceof ConsentState.Objected ? Outcome.UNCHANGED : Outcome.APPEND;
      }
      case RESTORED -> {
        if (!(state instanceof ConsentState.Objected)) {
          throw new ConflictException(Kind.INVALID_STATE, "only an objection is restored");
        }
        if (!confirmed) {
          throw new ConflictException(Kind.CONSENT_REQUIRED, "only the person's confirmed opt-in lifts an objection");
        }
        yield Outcome.APPEND;
      }
    };
  }
}
