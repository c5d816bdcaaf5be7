package dev.custodian.crm.core.myexport;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.datamap.DataCategory;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.myexport.service.ExportMyDataService;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The account's own export on in-memory ports: what it reads, what it audits, and its throttle. */
class ExportMyDataServiceTest {

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final List<AuditEvent> appended = new ArrayList<>();
  private final AuditLog audit = new AuditLog() {
    @Override
    public long append(AuditChain chain, AuditEvent event) {
      assertThat(chain).isEqualTo(AuditChain.platform());
      appended.add(event);
      return appended.size();
    }

    @Override
    public List<AuditEntry> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit) {
      return List.of();
    }

    @Override
    public void forEachOldestFirst(AuditChain chain, Consumer<AuditEntry> each) {}

    @Override
    public AuditVerification verify(AuditChain chain) {
      return AuditLog.NONE.verify(chain);
    }

    @Override
    public List<AuditEntry> signInsOf(UUID account, OptionalLong below, int limit) {
      return List.of();
    }

    @Override
    public boolean forget(UUID subject) {
      return false;
    }

    @Override
    public List<AuditChain> chains() {
      return List.of();
    }
  };
  private final ExportMyDataService service = new ExportMyDataService(ports.transactions(), ports.accounts(),
      ports.workspaces(), ports.sessions(), audit,
      new Throttle(ports.transactions(), ports.throttleEntries(), key -> TokenHash.of(key.toString()), clock,
          ExportMyDataService.LIMIT, ExportMyDataService.WINDOW), DataMap.standard().classes().stream()
          .filter(c -> c.category() == DataCategory.ACCOUNT_DATA).toList());

  @Test
  @DisplayName("DSR-01: the account's own sessions and the account classes of the data map; the export is audited")
  void exportsTheAccountsData_andAuditsIt() {
    Account ada = anAccount();
    Account bob = anAccount();
    ports.transactions().inPlatform(() -> {
      ports.accounts().insert(ada);
      ports.accounts().insert(bob);
      ports.sessions().insert(Session.start(new SessionId(UUID.randomUUID()), ada.id(), clock.instant(),
          clock.instant().plus(Duration.ofDays(30))), TokenHash.of("ses_ada"));
      ports.sessions().insert(Session.start(new SessionId(UUID.randomUUID()), bob.id(), clock.instant(),
          clock.instant().plus(Duration.ofDays(30))), TokenHash.of("ses_bob"));
      return null;
    });

    MyData data = service.export(ada.id());

    assertThat(data.account().id()).isEqualTo(ada.id());
    assertThat(data.sessions()).singleElement().satisfies(s -> assertThat(s.session().account()).isEqualTo(ada.id()));
    assertThat(data.processing()).isNotEmpty().allSatisfy(c -> assertThat(c.category())
        .isIn(DataCategory.ACCOUNT_DATA, DataCategory.AUTHENTICATION_AND_AUDIT));
    assertThat(appended).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.ACCOUNT_DATA_EXPORTED);
      assertThat(e.actor().account()).isEqualTo(Optional.of(ada.id().value()));
    });
  }

  @Test
  @DisplayName("DSR-06: 3 exports an hour per account; the 4th is refused and not audited, the next hour allows again")
  void theFourthInAnHourIsRefused() {
    Account ada = anAccount();
    ports.transactions().inPlatform(() -> { ports.accounts().insert(ada); return null; });
    for (int i = 0; i < 3; i++) {
      service.export(ada.id());
    }
    assertThatThrownBy(() -> service.export(ada.id())).isInstanceOf(RateLimitedException.class);
    assertThat(appended).hasSize(3);
    clock.advance(Duration.ofHours(1));
    assertThat(service.export(ada.id()).account().id()).isEqualTo(ada.id());
  }
}
