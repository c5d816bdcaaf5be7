package dev.custodian.crm.persistence.session;

import static dev.custodian.crm.persistence.generated.Tables.SESSIONS;

import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import java.util.Optional;
import org.jooq.Record;

/** Persistence adapter, the session feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqSessionStores {

  private JooqSessionStores() {}

  public static SessionRepository sessions(JooqTransactions transactions) {
    return new JooqSessionRepository(transactions);
  }

  /**
   * The stored token a row holds, for a query of another feature that selects
   * {@code SESSIONS.fields()}, {@code SESSION_TOKENS.ISSUED_AT} and {@code REPLACED_AT}; empty for a
   * row whose (outer-joined) session is null.
   */
  public static Optional<SessionToken> tokenOf(Record row) {
    return row.get(SESSIONS.ID) == null ? Optional.empty() : Optional.of(JooqSessionRepository.toToken(row));
  }
}
