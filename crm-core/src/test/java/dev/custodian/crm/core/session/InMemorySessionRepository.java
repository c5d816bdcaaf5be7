package dev.custodian.crm.core.session;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test fake: {@link SessionRepository} in memory; passes the same contract as the jOOQ adapter. Its
 * token rows are readable, for tests that look for a token in clear.
 */
public final class InMemorySessionRepository implements SessionRepository {

  /** A stored token, as the table holds it: its hash, never the token. */
  public record TokenRow(String tokenHash, SessionId session, Instant issuedAt, Optional<Instant> replacedAt) {}

  private final InMemoryTable<SessionId, Session> sessions;
  private final InMemoryTable<String, TokenRow> tokens;

  public InMemorySessionRepository(InMemoryTransactions transactions) {
    this.sessions = transactions.newTable();
    this.tokens = transactions.newTable();
  }

  /** Every stored token row, keyed by its hash, for the open transaction. */
  public Map<String, TokenRow> tokenRows() {
    return Map.copyOf(tokens.rows());
  }

  /** The stored session, for the open transaction. */
  public Optional<Session> find(SessionId id) {
    return Optional.ofNullable(sessions.rows().get(id));
  }

  @Override
  public void insert(Session session, String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    if (sessions.rows().putIfAbsent(session.id(), session) != null) {
      throw new IllegalStateException("a session with this id is already stored");
    }
    addToken(new TokenRow(tokenHash, session.id(), session.createdAt(), Optional.empty()));
  }

  @Override
  public Optional<SessionToken> findByTokenHash(String tokenHash) {
    return Optional.ofNullable(tokens.rows().get(tokenHash))
        .map(row -> new SessionToken(sessions.rows().get(row.session()), row.issuedAt(), row.replacedAt()));
  }

  @Override
  public boolean rotate(String currentHash, String nextHash, Instant at) {
    Objects.requireNonNull(nextHash, "nextHash");
    Instant now = Timestamps.micros(at);
    TokenRow current = tokens.rows().get(currentHash);
    if (current == null || current.replacedAt().isPresent()) {
      return false;
    }
    tokens.rows().put(currentHash,
        new TokenRow(currentHash, current.session(), current.issuedAt(), Optional.of(now)));
    addToken(new TokenRow(nextHash, current.session(), now, Optional.empty()));
    return true;
  }

  @Override
  public boolean revoke(SessionId id, Instant at, RevocationReason reason) {
    Session session = sessions.rows().get(id);
    if (session == null || session.revokedAt().isPresent()) {
      return false;
    }
    sessions.rows().put(id, revoked(session, at, reason));
    return true;
  }

  @Override
  public int revokeAll(AccountId account, Instant at, RevocationReason reason) {
    int[] count = {0};
    sessions.rows().replaceAll((id, session) -> {
      if (!session.account().equals(account) || session.revokedAt().isPresent()) {
        return session;
      }
      count[0]++;
      return revoked(session, at, reason);
    });
    return count[0];
  }

  @Override
  public List<SessionSummary> sessionsOf(AccountId account) {
    return sessions.rows().values().stream().filter(session -> session.account().equals(account))
        .map(session -> new SessionSummary(session, tokens.rows().values().stream()
            .filter(row -> row.session().equals(session.id())).map(TokenRow::issuedAt)
            .max(Comparator.naturalOrder()).orElse(session.createdAt())))
        .sorted(Comparator.comparing((SessionSummary s) -> s.session().createdAt()).reversed()
            .thenComparing(s -> s.session().id().value()))
        .toList();
  }

  private void addToken(TokenRow row) {
    if (tokens.rows().putIfAbsent(row.tokenHash(), row) != null) {
      throw new IllegalStateException("a token with this hash is already stored");
    }
  }

  private static Session revoked(Session session, Instant at, RevocationReason reason) {
    return new Session(session.id(), session.account(), session.createdAt(), session.expiresAt(),
        Optional.of(at), Optional.of(Objects.requireNonNull(reason, "reason")));
  }
}
