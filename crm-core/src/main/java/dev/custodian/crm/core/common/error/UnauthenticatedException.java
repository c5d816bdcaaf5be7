package dev.custodian.crm.core.common.error;

/**
 * The caller did not prove who they are (HTTP 401): no session, an ended or revoked one, or a
 * wrong email or password. Which of these it was is not said, so a guesser learns nothing.
 */
public final class UnauthenticatedException extends CrmException {

  public UnauthenticatedException(String message) {
    super(Kind.UNAUTHENTICATED, message);
  }
}
