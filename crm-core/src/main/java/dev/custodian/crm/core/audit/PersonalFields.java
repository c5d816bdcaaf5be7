package dev.custodian.crm.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * An account actor's personal fields that ride along with an entry: email, IP and user agent.
 * Stored only encrypted under that account's subject key; once the key is forgotten, they read as
 * {@link #erased()}. An anonymous entry holds none.
 */
public record PersonalFields(Optional<String> email, Optional<String> ip, Optional<String> userAgent, boolean erased) {

  private static final PersonalFields NONE = new PersonalFields(Optional.empty(), Optional.empty(), Optional.empty(), false);
  private static final PersonalFields ERASED = new PersonalFields(Optional.empty(), Optional.empty(), Optional.empty(), true);

  public PersonalFields {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(userAgent, "userAgent");
    if (erased && (email.isPresent() || ip.isPresent() || userAgent.isPresent())) {
      throw new IllegalArgumentException("erased fields hold no value");
    }
  }

  public static PersonalFields none() {
    return NONE;
  }

  /** What a forgotten subject's entry reads as. */
  public static PersonalFields erasedFields() {
    return ERASED;
  }

  public static PersonalFields of(String email, ClientInfo client) {
    return new PersonalFields(Optional.ofNullable(email), client.ip(), client.userAgent(), false);
  }

  public boolean isEmpty() {
    return email.isEmpty() && ip.isEmpty() && userAgent.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? (erased ? "PersonalFields[erased]" : "PersonalFields[none]") : "PersonalFields[***]";
  }
}
