package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.account.AccountId;
import java.util.OptionalLong;

/** Use case: the signed-in account's own sign-in events, newest first, decrypted. */
@FunctionalInterface
public interface ListLoginEventsUseCase {

  AuditPage list(AccountId self, OptionalLong below, int limit);
}
