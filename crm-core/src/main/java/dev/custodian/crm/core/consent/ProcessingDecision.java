package dev.custodian.crm.core.consent;

import java.util.Objects;

/** The guard's answer for one contact and purpose: allowed on a basis, or refused for a reason. */
public sealed interface ProcessingDecision {

  /** Processing may go ahead, on {@code basis}. */
  record Allowed(LegalBasis basis) implements ProcessingDecision {
    public Allowed {
      Objects.requireNonNull(basis, "basis");
    }
  }

  /** Processing must not happen, for {@code reason}. */
  record Refused(Reason reason) implements ProcessingDecision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why the guard refused. */
  enum Reason {
    /** The workspace declared no such purpose (CON-08). */
    UNDECLARED_PURPOSE,
    /** The purpose is retired. */
    RETIRED_PURPOSE,
    /** The contact's processing is restricted, for every purpose (DSR-07). */
    RESTRICTED,
    /** A CONSENT purpose the person has not (or no longer) granted. */
    NO_CONSENT,
    /** The person objected (DSR-08). */
    OBJECTED,
    /** The person's address withdrew or objected, under another (e.g. deleted) contact. */
    ADDRESS_REFUSED,
    /** No such contact in the workspace. */
    NO_CONTACT
  }

  default boolean allowed() {
    return this instanceof Allowed;
  }
}
