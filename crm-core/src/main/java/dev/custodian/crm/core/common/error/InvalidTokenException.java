package dev.custodian.crm.core.common.error;

/**
 * A token from a mail link is unknown, expired or already used (HTTP 400). Which of these it was
 * is not said: a guesser learns nothing.
 */
public final class InvalidTokenException extends CrmException {

  public InvalidTokenException() {
    super(Kind.INVALID_TOKEN, "the link is invalid, expired or already used; ask for a new one");
  }
}
