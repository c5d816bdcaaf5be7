package dev.custodian.crm.core.account.port.out;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.OrganisationName;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: stores accounts, platform-level records reached inside {@code Transactions.inPlatform}
 * (or a tenant transaction that needs one). Every method joins the caller's open transaction and
 * fails with {@link IllegalStateException} when none is open.
 */
public interface AccountRepository {

  /**
   * Stores a new account.
   *
   * @throws ConflictException of kind {@code DUPLICATE} when an account has the same
   *     {@linkplain EmailAddress#normalised() normalised} email (the message names no address)
   */
  void insert(Account account);

  Optional<Account> findById(AccountId id);

  /** The account whose email equals {@code email} once both are normalised. */
  Optional<Account> findByEmail(EmailAddress email);

  /** Replaces the account's password hash; false when there is no such account. */
  boolean updatePasswordHash(AccountId id, PasswordHash hash);

  /** Replaces the account's name and organisation (empty: none); false when there is no such account. */
  boolean updateProfile(AccountId id, AccountName name, Optional<OrganisationName> organisation);

  /**
   * Records that the holder proved they receive mail at the account's email, at {@code at}
   * (stored at microsecond precision); false when there is no such account.
   */
  boolean markEmailVerified(AccountId id, Instant at);
}
