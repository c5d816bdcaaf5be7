package dev.custodian.crm.core.common.error;

/**
 * Root of the one unchecked hierarchy a use case throws when it cannot complete.
 *
 * <p>Messages name ids, fields and quantities only, never personal data: they may reach a log line
 * or an HTTP problem body.
 */
public abstract sealed class CrmException extends RuntimeException
    permits ValidationException, NotFoundException, ConflictException, PreconditionFailedException {

  protected CrmException(String message) {
    super(message, null, false, false);
  }
}
