package dev.custodian.crm.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.Sort;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.common.paging.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The keyset walk's promise, checked once per paging implementation (the in-memory stores'
 * {@code InMemoryPaging}, the jOOQ keyset helper) and once per sorted list: walking 10,000 rows
 * while others are inserted returns each existing row exactly once, in strictly increasing walk
 * order, for the oldest-first walk and for every sort a list offers, both ways.
 */
public final class KeysetWalkCheck {

  /** A row's place in an oldest-first walk. */
  public record Position(Instant createdAt, UUID id) {}

  /** The rows of an oldest-first walk under test, reached through their store. */
  public interface Store<T> {

    /** Stores one row per position, all in one transaction. */
    void insert(List<Position> positions);

    /** One page, in its own transaction. */
    Page<T> list(PageRequest request);
  }

  /** One row of a sorted list: its id and a raw value (or {@code null}) per field the list sorts on. */
  public record Sample(UUID id, Map<String, Object> values) {

    public Object value(String field) {
      return values.get(field);
    }
  }

  /** The rows of a sorted list under test, reached through their store. */
  public interface SortedStore<T> {

    /** Stores one row per sample (made of its values; anything else as the store likes), all in one transaction. */
    void insert(List<Sample> samples);

    /** One page, in its own transaction. */
    Page<T> list(ListQuery query);

    /** A listed row's id and raw values, as {@link #insert} was given them. */
    Sample sampleOf(T row);
  }

  /** Names of every case and script that a text sort must place alike in Java and PostgreSQL. */
  public static final List<String> NAMES = List.of("Ada", "ada", "ADA", "Émile", "émile", "Zoë", "zoë", "Zoe",
      "𝒜lice", "𝒜LICE", "Ｚed", "ｚed", "Øre", "ørsted", "Straße", "STRASSE", "İlkay", "ılgaz", "Σίσυφος",
      "σίσυφος", "Łukasz", "O'Brien", "o'brien", "de la Cruz", "De La Cruz", "李", "李小龙", "Άλφα", "1984", "_under");

  private static final Comparator<Position> ORDER =
      Comparator.comparing(Position::createdAt).thenComparing(Position::id, UuidOrder.UNSIGNED);
  private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

  private KeysetWalkCheck() {}

  public static <T> void walk10000WhileOthersAreInserted(Store<T> store, Function<T, Position> positionOf)
      throws Exception {
    List<Position> existing = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      // groups of ten share a time, so the id decides their order
      existing.add(new Position(BASE.plus(i / 10, ChronoUnit.MILLIS), UUID.randomUUID()));
    }
    store.insert(existing);

    List<Position> walked = whileInserting(
        random -> store.insert(List.of(new Position(BASE.plus(random.nextInt(1000), ChronoUnit.MILLIS), UUID.randomUUID()))),
        () -> walk(store, 200).stream().map(positionOf).toList());

    Set<Position> seen = new HashSet<>();
    for (Position position : walked) {
      assertThat(seen.add(position)).as("seen once: %s", position.id()).isTrue();
    }
    assertThat(seen).containsAll(existing);
    for (int i = 1; i < walked.size(); i++) {
      assertThat(ORDER.compare(walked.get(i), walked.get(i - 1))).as("strictly increasing at %d", i).isPositive();
    }
  }

  /**
   * The sorted walk's promise for every sort of {@code offer} (its default included), both ways,
   * with sample values of each field's type: many ties (so the id decides), and text in every case
   * and beyond U+FFFF. Other rows are inserted all the while, behind and ahead of each walk's place.
   */
  public static <T> void walkEverySortBothWaysWhileOthersAreInserted(ListOffer offer, SortedStore<T> store)
      throws Exception {
    walkEverySortBothWaysWhileOthersAreInserted(offer, store, Map.of());
  }

  /**
   * As {@link #walkEverySortBothWaysWhileOthersAreInserted(ListOffer, SortedStore)}, with the values of
   * some fields made by the given functions (e.g. to include empty ones where the list has them).
   */
  public static <T> void walkEverySortBothWaysWhileOthersAreInserted(ListOffer offer, SortedStore<T> store,
      Map<String, Function<Random, Object>> values) throws Exception {
    walkEverySortBothWaysWhileOthersAreInserted(offer, store, values, sort -> List.of());
  }

  /**
   * As {@link #walkEverySortBothWaysWhileOthersAreInserted(ListOffer, SortedStore, Map)}, each sort
   * walked with the filters it needs (a sort compared within one value of a companion field, e.g.
   * {@code amount} within one {@code currency}); the store makes every row pass them.
   */
  public static <T> void walkEverySortBothWaysWhileOthersAreInserted(ListOffer offer, SortedStore<T> store,
      Map<String, Function<Random, Object>> values, Function<Sort, List<Filter>> filtersOf) throws Exception {
    walkSortsBothWaysWhileOthersAreInserted(offer, store, 10_000, field -> true, values, filtersOf);
  }

  /**
   * As {@link #walkEverySortBothWaysWhileOthersAreInserted(ListOffer, SortedStore, Map, Function)},
   * with {@code rows} rows and only the sorts whose field {@code sorted} accepts (e.g. a list's custom
   * fields, {@code custom.<key>}); every sorted field's values are made all the same.
   */
  public static <T> void walkSortsBothWaysWhileOthersAreInserted(ListOffer offer, SortedStore<T> store, int rows,
      Predicate<String> sorted, Map<String, Function<Random, Object>> values,
      Function<Sort, List<Filter>> filtersOf) throws Exception {
    Map<String, Function<Random, Object>> makers = new LinkedHashMap<>();
    makers.put(offer.defaultSort().field(), maker(offer.defaultSort().type()));
    offer.sorts().forEach((field, type) -> makers.put(field, maker(type)));
    makers.putAll(values);
    Random seeded = new Random(7);
    List<Sample> existing = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      existing.add(sample(makers, seeded));
    }
    store.insert(existing);
    Set<UUID> existingIds = new HashSet<>();
    existing.forEach(s -> existingIds.add(s.id()));

    List<Sort> sorts = new ArrayList<>();
    for (String field : makers.keySet()) {
      if (!sorted.test(field) || offer.sortType(field).isEmpty()) {
        continue;
      }
      ValueType type = offer.sortType(field).orElseThrow();
      for (SortDirection direction : SortDirection.values()) {
        sorts.add(new Sort(field, type, direction));
      }
    }
    Map<Sort, List<Sample>> walks = whileInserting(random -> store.insert(List.of(sample(makers, random))), () -> {
      Map<Sort, List<Sample>> walked = new LinkedHashMap<>();
      for (Sort sort : sorts) {
        ListQuery first = new ListQuery(offer, filtersOf.apply(sort), sort, PageRequest.first(200));
        walked.put(sort, walk(store::list, first).stream().map(store::sampleOf).toList());
      }
      return walked;
    });

    walks.forEach((sort, walk) -> {
      Set<UUID> seen = new HashSet<>();
      for (Sample sample : walk) {
        assertThat(seen.add(sample.id())).as("sort=%s: seen once: %s", sort.parameter(), sample.id()).isTrue();
      }
      assertThat(seen).as("sort=%s: every existing row", sort.parameter()).containsAll(existingIds);
      for (int i = 1; i < walk.size(); i++) {
        Sample before = walk.get(i - 1);
        Sample after = walk.get(i);
        assertThat(sort.compare(key(sort, before), before.id(), key(sort, after), after.id()))
            .as("sort=%s: strictly in order at %d", sort.parameter(), i).isNegative();
      }
    });
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
      request = request.next(PageCursor.decode(page.next().get().encode(), ListOffer.OLDEST_FIRST));
    }
  }

  /** Every page of {@code first}'s query, passing each cursor on as clients do: as text. */
  public static <T> List<T> walk(Function<ListQuery, Page<T>> list, ListQuery first) {
    List<T> walked = new ArrayList<>();
    ListQuery query = first;
    while (true) {
      Page<T> page = list.apply(query);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(query.page().limit());
      walked.addAll(page.items());
      if (page.next().isEmpty()) {
        return walked;
      }
      PageCursor cursor = PageCursor.decode(page.next().get().encode(), query.offer());
      query = new ListQuery(query.offer(), query.filters(), query.sort(), query.page().next(cursor), query.q());
    }
  }

  private static Object key(Sort sort, Sample sample) {
    return sort.type().sortKey(sample.value(sort.field()));
  }

  private static Sample sample(Map<String, Function<Random, Object>> makers, Random random) {
    Map<String, Object> values = new HashMap<>();
    makers.forEach((field, maker) -> values.put(field, maker.apply(random)));
    return new Sample(UUID.randomUUID(), values);
  }

  /** Values of a type with many ties. */
  private static Function<Random, Object> maker(ValueType type) {
    return switch (type.kind()) {
      case INSTANT -> random -> BASE.plus(random.nextInt(1000), ChronoUnit.MILLIS);
      case DATE -> random -> LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
      case TEXT -> random -> NAMES.get(random.nextInt(NAMES.size()));
      case ENUM -> random -> type.constants().get(random.nextInt(type.constants().size()));
      case DECIMAL -> random -> BigDecimal.valueOf(random.nextInt(2000) - 500, 2);
      case NUMERIC -> random -> BigDecimal.valueOf(random.nextInt(2000) - 500, 10).add(BigDecimal.valueOf(random.nextInt(3)));
      case INTEGER -> random -> (long) (random.nextInt(2000) - 1000) * 1_000_000_000L;
      case BOOLEAN -> random -> random.nextBoolean();
      case UUID -> {
        List<UUID> few = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          few.add(new UUID(new Random(i).nextLong(), new Random(-i).nextLong()));
        }
        yield random -> few.get(random.nextInt(few.size()));
      }
    };
  }

  /** Runs {@code walk} while a steady trickle of inserts (as from other users) goes on; at least one lands. */
  private static <R> R whileInserting(InsertOne insertOne, java.util.concurrent.Callable<R> walk) throws Exception {
    AtomicBoolean walking = new AtomicBoolean(true);
    ExecutorService inserter = Executors.newSingleThreadExecutor();
    Future<Integer> inserted = inserter.submit(() -> {
      int n = 0;
      Random random = new Random(42);
      while (walking.get()) {
        // Placed inside the walk's range, both behind and ahead of its position: an offset-based
        // pager would then skip or repeat existing rows; a keyset walk does neither.
        insertOne.insert(random);
        n++;
        // a steady trickle, a few rows per page walked: enough to land inside every page's range,
        // and the walk's table does not grow with the walk's own length
        Thread.sleep(25);
      }
      return n;
    });
    R walked;
    try {
      walked = walk.call();
    } finally {
      walking.set(false);
    }
    assertThat(inserted.get(30, TimeUnit.SECONDS)).isPositive();
    inserter.shutdown();
    return walked;
  }

  @FunctionalInterface
  private interface InsertOne {
    void insert(Random random) throws Exception;
  }
}
