package dev.custodian.crm.core.audit;

import dev.custodian.crm.core.audit.port.out.AuditLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/** Test fake: an {@link AuditLog} that keeps what was appended, by chain, in order (no seal, no transaction). */
public final class RecordingAuditLog implements AuditLog {

  /** One append. */
  public record Appended(AuditChain chain, AuditEvent event) {}

  private final List<Appended> appended = Collections.synchronizedList(new ArrayList<>());

  public List<Appended> appended() {
    return List.copyOf(appended);
  }

  /** The events appended to {@code chain}, in order. */
  public List<AuditEvent> events(AuditChain chain) {
    return appended().stream().filter(a -> a.chain().equals(chain)).map(Appended::event).toList();
  }

  @Override
  public long append(AuditChain chain, AuditEvent event) {
    appended.add(new Appended(chain, event));
    return events(chain).size();
  }

  @Override
  public List<AuditEntry> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public void forEachOldestFirst(AuditChain chain, Consumer<AuditEntry> each) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public AuditVerification verify(AuditChain chain) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public List<AuditEntry> signInsOf(UUID account, OptionalLong below, int limit) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public boolean forget(UUID subject) {
    throw new UnsupportedOperationException("a recording only");
  }

  @Override
  public List<AuditChain> chains() {
    throw new UnsupportedOperationException("a recording only");
  }
}
