package dev.custodian.crm.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person's standing for one purpose, folded from their ledger entries for it, oldest first. Each
 * state is its own type, so what may follow is a question of the type (see {@code ConsentPolicies}).
 */
public sealed interface ConsentState {

  PurposeKey purpose();

  /** A CONSENT purpose the person never granted. */
  record NotGiven(PurposeKey purpose) implements ConsentState {
    public NotGiven {
      Objects.requireNonNull(purpose, "purpose");
    }
  }

  /** Consent given (or an objection to a CONSENT purpose lifted) {@code since}. */
  record Granted(PurposeKey purpose, Instant since) implements ConsentState {
    public Granted {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(since, "since");
    }
  }

  /** Consent taken back {@code since}. */
  record Withdrawn(PurposeKey purpose, Instant since) implements ConsentState {
    public Withdrawn {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(since, "since");
    }
  }

  /** The person objected {@code since} (Art. 21). */
  record Objected(PurposeKey purpose, Instant since) implements ConsentState {
    public Objected {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(since, "since");
    }
  }

  /** A purpose on another basis than consent, to which the person has not objected. */
  record AllowedByBasis(PurposeKey purpose, LegalBasis basis) implements ConsentState {
    public AllowedByBasis {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(basis, "basis");
      if (basis == LegalBasis.CONSENT) {
        throw new IllegalArgumentException("a CONSENT purpose is allowed only when granted");
      }
    }
  }

  /** Where a person starts for {@code purpose}: nothing given, or allowed by its basis. */
  static ConsentState initial(Purpose purpose) {
    return purpose.basis() == LegalBasis.CONSENT
        ? new NotGiven(purpose.key())
        : new AllowedByBasis(purpose.key(), purpose.basis());
  }

  /** The state after {@code events} (this purpose's, oldest first; others are skipped). */
  static ConsentState fold(Purpose purpose, List<ConsentEvent> events) {
    ConsentState state = initial(purpose);
    for (ConsentEvent event : events) {
      if (event.purpose().equals(purpose.key())) {
        state = state.after(purpose, event);
      }
    }
    return state;
  }

  /** The state after one more entry. */
  default ConsentState after(Purpose purpose, ConsentEvent event) {
    Instant at = event.occurredAt();
    return switch (event.kind()) {
      case GRANTED -> new Granted(purpose(), at);
      case WITHDRAWN -> new Withdrawn(purpose(), at);
      case OBJECTED -> new Objected(purpose(), at);
      case RESTORED -> purpose.basis() == LegalBasis.CONSENT
          ? new Granted(purpose(), at)
          : new AllowedByBasis(purpose(), purpose.basis());
    };
  }

  /** Whether processing for the purpose may go ahead as far as the person's word goes. */
  default boolean allows() {
    return this instanceof Granted || this instanceof AllowedByBasis;
  }
}
