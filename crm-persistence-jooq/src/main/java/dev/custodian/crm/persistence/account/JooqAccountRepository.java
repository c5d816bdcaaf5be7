package dev.custodian.crm.persistence.account;

import static dev.custodian.crm.persistence.generated.Tables.ACCOUNTS;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.AgeAttestation;
import dev.custodian.crm.core.account.OrganisationName;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.AccountsRecord;
import java.time.Instant;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** Persistence adapter: {@code AccountRepository} on the platform-level {@code accounts} table. */
final class JooqAccountRepository implements AccountRepository {

  private final JooqTransactions transactions;

  JooqAccountRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Account account) {
    AccountsRecord row = new AccountsRecord();
    row.setId(account.id().value());
    row.setName(account.name().value());
    row.setEmail(account.email().value());
    row.setEmailNormalised(account.email().normalised());
    row.setOrganisation(account.organisation().map(OrganisationName::value).orElse(null));
    row.setPasswordHash(account.passwordHash().encoded());
    row.setEmailVerifiedAt(account.emailVerifiedAt().map(SqlTime::utc).orElse(null));
    row.setAgeAttestedAt(SqlTime.utc(account.ageAttestation().attestedAt()));
    row.setMinimumAge(account.ageAttestation().minimumAge());
    row.setCreatedAt(SqlTime.utc(account.createdAt()));
    try {
      transactions.dsl().insertInto(ACCOUNTS).set(row).execute();
    } catch (DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "accounts_email_normalised_uk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "email is already taken");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "accounts_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "account already exists");
      }
      throw e;
    }
  }

  @Override
  public Optional<Account> findById(AccountId id) {
    return transactions.dsl().selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(id.value()))
        .fetchOptional().map(JooqAccountRepository::toAccount);
  }

  @Override
  public Optional<Account> findByEmail(EmailAddress email) {
    return transactions.dsl().selectFrom(ACCOUNTS).where(ACCOUNTS.EMAIL_NORMALISED.eq(email.normalised()))
        .fetchOptional().map(JooqAccountRepository::toAccount);
  }

  @Override
  public boolean updatePasswordHash(AccountId id, PasswordHash hash) {
    return transactions.dsl().update(ACCOUNTS)
        .set(ACCOUNTS.PASSWORD_HASH, hash.encoded())
        .where(ACCOUNTS.ID.eq(id.value()))
        .execute() == 1;
  }

  @Override
  public boolean updateProfile(AccountId id, AccountName name, Optional<OrganisationName> organisation) {
    return transactions.dsl().update(ACCOUNTS)
        .set(ACCOUNTS.NAME, name.value())
        .set(ACCOUNTS.ORGANISATION, organisation.map(OrganisationName::value).orElse(null))
        .where(ACCOUNTS.ID.eq(id.value()))
        .execute() == 1;
  }

  @Override
  public boolean markEmailVerified(AccountId id, Instant at) {
    return transactions.dsl().update(ACCOUNTS)
        .set(ACCOUNTS.EMAIL_VERIFIED_AT, SqlTime.utc(Timestamps.micros(at)))
        .where(ACCOUNTS.ID.eq(id.value()))
        .execute() == 1;
  }

  private static Account toAccount(AccountsRecord row) {
    return Account.reconstitute(
        AccountId.of(row.getId()),
        new AccountName(row.getName()),
        new EmailAddress(row.getEmail()),
        Optional.ofNullable(row.getOrganisation()).map(OrganisationName::new),
        new PasswordHash(row.getPasswordHash()),
        Optional.ofNullable(row.getEmailVerifiedAt()).map(t -> t.toInstant()),
        new AgeAttestation(row.getAgeAttestedAt().toInstant(), row.getMinimumAge()),
        row.getCreatedAt().toInstant());
  }
}
