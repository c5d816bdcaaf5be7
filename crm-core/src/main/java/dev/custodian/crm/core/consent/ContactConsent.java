package dev.custodian.crm.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ledger knows of one contact, read at once: the workspace's purposes (oldest first), the
 * contact's entries (in the order appended) and its restriction, if any.
 */
public record ContactConsent(List<Purpose> purposes, List<ConsentEvent> events, Optional<Instant> restrictedSince) {

  public ContactConsent {
    purposes = List.copyOf(purposes);
    events = List.copyOf(events);
    Objects.requireNonNull(restrictedSince, "restrictedSince");
  }

  /** The contact's state for every current (not retired) purpose, in the purposes' order. */
  public List<ConsentState> states() {
    return purposes.stream().filter(p -> !p.isRetired()).map(p -> ConsentState.fold(p, events)).toList();
  }
}
