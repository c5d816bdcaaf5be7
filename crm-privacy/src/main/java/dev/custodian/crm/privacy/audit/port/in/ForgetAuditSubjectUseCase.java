package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.account.AccountId;

/**
 * Use case: forget an account as an audit subject (RET-08): its key is destroyed, so the email,
 * IP and user agent of its entries read as erased from then on, while every chain still verifies
 * (it is computed over the ciphertexts). The account erasure will call it.
 */
@FunctionalInterface
public interface ForgetAuditSubjectUseCase {

  /** @return false when the account had no key (no entry with personal fields) */
  boolean forget(AccountId subject);
}
