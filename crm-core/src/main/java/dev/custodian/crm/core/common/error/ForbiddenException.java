package dev.custodian.crm.core.common.error;

/**
 * The caller is known but may not do what it asked (HTTP 403). The message says which permission
 * is missing, never whose data it would have reached.
 */
public final class ForbiddenException extends CrmException {

  public ForbiddenException(String message) {
    super(Kind.FORBIDDEN, message);
  }
}
