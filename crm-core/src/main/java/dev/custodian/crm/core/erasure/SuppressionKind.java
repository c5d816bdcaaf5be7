package dev.custodian.crm.core.erasure;

/** The kind of an identifier on the suppression list; part of what is hashed ({@code kind:value}). */
public enum SuppressionKind {
  EMAIL("email"),
  PHONE("phone");

  private final String label;

  SuppressionKind(String label) {
    this.label = label;
  }

  /** The stable label used in the keyed hash and in storage. */
  public String label() {
    return label;
  }
}
