package dev.custodian.crm.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The keyset walk's promise, checked once per paging implementation (the in-memory stores'
 * {@code InMemoryPaging}, the jOOQ keyset helper) rather than once per aggregate: walking 10,000
 * rows while others are inserted returns each existing row exactly once, in strictly increasing
 * (time, id) order.
 */
public final class KeysetWalkCheck {

  /** The rows under test, reached through their store. */
  public interface Store<T> {

    /** Stores one row per position, all in one transaction. */
    void insert(List<PageCursor> positions);

    /** One page, in its own transaction. */
    Page<T> list(PageRequest request);
  }

  private static final Comparator<PageCursor> ORDER =
      Comparator.comparing(PageCursor::createdAt).thenComparing(PageCursor::id, UuidOrder.UNSIGNED);

  private KeysetWalkCheck() {}

  public static <T> void walk10000WhileOthersAreInserted(Store<T> store, Function<T, PageCursor> positionOf)
      throws Exception {
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    List<PageCursor> existing = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      // groups of ten share a time, so the id decides their order
      existing.add(new PageCursor(base.plus(i / 10, ChronoUnit.MILLIS), UUID.randomUUID()));
    }
    store.insert(existing);

    AtomicBoolean walking = new AtomicBoolean(true);
    ExecutorService inserter = Executors.newSingleThreadExecutor();
    Future<Integer> inserted = inserter.submit(() -> {
      int n = 0;
      Random random = new Random(42);
      while (walking.get()) {
        // Dated inside the walk's range, both behind and ahead of its position: an offset-based
        // pager would then skip or repeat existing rows; a keyset walk does neither.
        store.insert(List.of(new PageCursor(base.plus(random.nextInt(1000), ChronoUnit.MILLIS), UUID.randomUUID())));
        n++;
        Thread.sleep(2); // a steady trickle of inserts, as from other users
      }
      return n;
    });
    List<PageCursor> walked;
    try {
      walked = walk(store, 200).stream().map(positionOf).toList();
    } finally {
      walking.set(false);
    }
    assertThat(inserted.get(30, TimeUnit.SECONDS)).isPositive();
    inserter.shutdown();

    Set<PageCursor> seen = new HashSet<>();
    for (PageCursor position : walked) {
      assertThat(seen.add(position)).as("seen once: %s", position.id()).isTrue();
    }
    assertThat(seen).containsAll(existing);
    for (int i = 1; i < walked.size(); i++) {
      assertThat(ORDER.compare(walked.get(i), walked.get(i - 1))).as("strictly increasing at %d", i).isPositive();
    }
  }

  /** Every page with the given page size, passing each cursor on as clients do: as text. */
  public static <T> List<T> walk(Store<T> store, int limit) {
    List<T> walked = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    while (true) {
      Page<T> page = store.list(request);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      walked.addAll(page.items());
      if (page.next().isEmpty()) {
        return walked;
      }
      request = request.next(PageCursor.decode(page.next().get().encode()));
    }
  }
}
