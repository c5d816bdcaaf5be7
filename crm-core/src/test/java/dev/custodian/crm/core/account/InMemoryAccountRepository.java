package dev.custodian.crm.core.account;

import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import java.time.Instant;
import java.util.Optional;

/** In-memory fake of {@link AccountRepository}; passes the same contract as the jOOQ adapter. */
public final class InMemoryAccountRepository implements AccountRepository {

  private final InMemoryTable<AccountId, Account> table;

  public InMemoryAccountRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  @Override
  public void insert(Account account) {
    if (findByEmail(account.email()).isPresent()) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "email is already taken");
    }
    if (table.rows().putIfAbsent(account.id(), account) != null) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "account already exists");
    }
  }

  @Override
  public Optional<Account> findById(AccountId id) {
    return Optional.ofNullable(table.rows().get(id));
  }

  @Override
  public Optional<Account> findByEmail(EmailAddress email) {
    return table.rows().values().stream()
        .filter(a -> a.email().normalised().equals(email.normalised()))
        .findFirst();
  }

  @Override
  public boolean updatePasswordHash(AccountId id, PasswordHash hash) {
    return replace(id, a -> Account.reconstitute(a.id(), a.name(), a.email(), a.organisation(), hash,
        a.emailVerifiedAt(), a.ageAttestation(), a.createdAt()));
  }

  @Override
  public boolean updateProfile(AccountId id, AccountName name, Optional<OrganisationName> organisation) {
    return replace(id, a -> Account.reconstitute(a.id(), name, a.email(), organisation, a.passwordHash(),
        a.emailVerifiedAt(), a.ageAttestation(), a.createdAt()));
  }

  @Override
  public boolean markEmailVerified(AccountId id, Instant at) {
    return replace(id, a -> Account.reconstitute(a.id(), a.name(), a.email(), a.organisation(),
        a.passwordHash(), Optional.of(at), a.ageAttestation(), a.createdAt()));
  }

  private boolean replace(AccountId id, java.util.function.UnaryOperator<Account> change) {
    return table.rows().computeIfPresent(id, (key, account) -> change.apply(account)) != null;
  }
}
