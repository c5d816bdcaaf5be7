package dev.custodian.crm.core.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.validation.Validator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The list grammar: its parameters, their errors all at once, the cursor and its scope. */
class ListQueryTest {

  private static final ListOffer OFFER = ListOffer.builder()
      .filter("createdAt", ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .filter("lastName", ValueType.TEXT, Filter.Operator.EMPTY)
      .filter("companyId", ValueType.UUID, Filter.Operator.ANY_OF)
      .filter("status", ValueType.oneOf("open", "won", "lost"), Filter.Operator.ANY_OF)
      .filter("amount", ValueType.DECIMAL, Filter.Operator.AT_LEAST)
      .filter("closeDate", ValueType.DATE, Filter.Operator.AT_MOST, Filter.Operator.EMPTY)
      .sort("createdAt", ValueType.INSTANT)
      .sort("lastName", ValueType.TEXT)
      .defaultSort("createdAt", SortDirection.ASCENDING)
      .build();

  /** Parameters as a client sends them, in that order; a name given again is a repeated parameter. */
  private static Map<String, List<String>> params(String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return parameters;
  }

  private static List<FieldError> errorsOf(ListOffer offer, Map<String, List<String>> parameters) {
    try {
      ListQuery.of(offer, parameters);
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("no errors");
  }

  @Test
  void noParameters_isTheFirstPageInTheDefaultOrder() {
    ListQuery query = ListQuery.of(OFFER, Map.of());
    assertThat(query.sort()).isEqualTo(Sort.ascending("createdAt", ValueType.INSTANT));
    assertThat(query.filters()).isEmpty();
    assertThat(query.page()).isEqualTo(PageRequest.first(PageRequest.DEFAULT_LIMIT));
    assertThat(query.scope()).isEqualTo(ListQuery.of(OFFER, params("sort", "createdAt")).scope());
  }

  @Test
  void everyPartOfTheGrammarIsRead() {
    UUID c1 = UUID.randomUUID();
    UUID c2 = UUID.randomUUID();
    ListQuery query = ListQuery.of(OFFER, params("createdAt.gte", "2026-01-01T00:00:00Z", "createdAt.lte",
        "2026-02-01T00:00:00.123456Z", "lastName.empty", "false", "companyId", c1.toString(), "companyId",
        c2.toString().toUpperCase(), "status", "won", "amount.gte", "12.50", "closeDate.lte", "2026-03-31",
        "sort", "-lastName", "limit", "200"));

    assertThat(query.sort()).isEqualTo(new Sort("lastName", ValueType.TEXT, SortDirection.DESCENDING));
    assertThat(query.page().limit()).isEqualTo(200);
    assertThat(query.filter("createdAt", Filter.Operator.AT_LEAST).orElseThrow().value())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(query.filter("lastName", Filter.Operator.EMPTY).orElseThrow().value()).isEqualTo(false);
    assertThat(query.filter("companyId", Filter.Operator.ANY_OF).orElseThrow().values()).containsExactlyInAnyOrder(c1, c2);
    assertThat(query.filter("amount", Filter.Operator.AT_LEAST).orElseThrow().value()).isEqualTo(new BigDecimal("12.5"));
    assertThat(query.filters()).extracting(Filter::parameter).containsExactly("amount.gte", "closeDate.lte",
        "companyId", "createdAt.gte", "createdAt.lte", "lastName.empty", "status");
  }

  @Test
  void everyBadParameterIsNamedAtOnce_inTheOrderGiven() {
    List<FieldError> errors = errorsOf(OFFER, params("foo", "1", "lastName.gte", "a", "createdAt.gte", "yesterday",
        "sort", "firstName", "limit", "0", "lastName.empty", "maybe", "createdAt", "2026-01-01T00:00:00Z",
        "companyId", "42", "status", "WON", "amount.gte", "1e3", "closeDate.lte", "2026-02-30", "createdAt.lte",
        "2026-01-01T00:00:00Z", "createdAt.lte", "2026-01-02T00:00:00Z", "cursor", "zzz", "lastName.foo", "x",
        "", "y", "a b", "z", "x".repeat(65), "1"));

    assertThat(errors).allSatisfy(e -> assertThat(e.location()).isEqualTo(FieldError.Location.PARAMETER));
    assertThat(errors).extracting(FieldError::name, FieldError::detail).containsExactly(
        tuple("foo", "is not a parameter of this list"),
        tuple("lastName.gte", "is not a filter of this list, which offers lastName.empty"),
        tuple("createdAt.gte", "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z"),
        tuple("sort", "must be one of: createdAt, -createdAt, lastName, -lastName"),
        tuple("limit", "must be between 1 and 200"),
        tuple("lastName.empty", "must be true or false"),
        tuple("createdAt", "is not a filter of this list, which offers createdAt.gte, createdAt.lte"),
        tuple("companyId", "must be a UUID"),
        tuple("status", "must be one of: open, won, lost"),
        tuple("amount.gte", "must be a decimal number: digits, an optional - and up to 4 decimals"),
        tuple("closeDate.lte", "must be an ISO-8601 date, e.g. 2026-01-31"),
        tuple("createdAt.lte", "must be given once"),
        tuple("cursor", "is not a valid cursor"),
        tuple("lastName.foo", "is not a filter of this list, which offers lastName.empty"),
        tuple("query", "is not a parameter of this list"));
  }

  @Test
  void twoSortsOrLimitsOrCursors_areRefused() {
    assertThat(errorsOf(OFFER, params("sort", "lastName", "sort", "-lastName", "limit", "1", "limit", "2",
        "cursor", "a", "cursor", "b")))
        .extracting(FieldError::name, FieldError::detail)
        .containsExactly(tuple("sort", "must be given once"), tuple("limit", "must be given once"),
            tuple("cursor", "must be given once"));
  }

  @Test
  void aListWithAFixedOrder_takesOnlyLimitAndCursor() {
    assertThat(errorsOf(ListOffer.OLDEST_FIRST, params("sort", "createdAt", "foo", "1", "createdAt.gte", "x")))
        .extracting(FieldError::name, FieldError::detail)
        .containsExactly(tuple("sort", "is not offered: this list has a fixed order"),
            tuple("foo", "is not a parameter of this list"), tuple("createdAt.gte", "is not a parameter of this list"));
    assertThat(ListQuery.of(ListOffer.OLDEST_FIRST, params("limit", "7")).page().limit()).isEqualTo(7);
  }

  @Test
  void limitIsAsciiDigitsOnly() {
    for (String limit : List.of("-1", "+5", "1.5", "５", "٥", " 5", "", "9999999999")) {
      assertThat(errorsOf(OFFER, params("limit", limit))).as(limit).extracting(FieldError::name).containsExactly("limit");
    }
  }

  @Test
  void anyOfTakesAtMost100Values() {
    String[] many = new String[202];
    for (int i = 0; i < many.length; i += 2) {
      many[i] = "status";
      many[i + 1] = "open";
    }
    assertThat(errorsOf(OFFER, params(many))).extracting(FieldError::detail).containsExactly("must be given at most 100 times");
  }

  @Test
  void valuesThatPostgreSqlCouldNotHoldExactly_areRefused() {
    for (String instant : List.of("2026-01-01T00:00:00.0000001Z", "+10000-01-01T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00")) {
      assertThatThrownBy(() -> ValueType.INSTANT.parse(instant)).as(instant).isInstanceOf(InvalidValueException.class);
    }
    for (String decimal : List.of("1e3", "1.23456", "1234567890123456", "0x10", "", ".5", "1.")) {
      assertThatThrownBy(() -> ValueType.DECIMAL.parse(decimal)).as(decimal).isInstanceOf(InvalidValueException.class);
    }
    for (String text : List.of("", "  ", "a\u0000b", "\uD800", "x".repeat(255))) {
      assertThatThrownBy(() -> ValueType.TEXT.parse(text)).isInstanceOf(InvalidValueException.class);
    }
    assertThatThrownBy(() -> ValueType.UUID.parse("1-2-3-4-5")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ValueType.DATE.parse("0000-01-01")).isInstanceOf(InvalidValueException.class);
    assertThat(ValueType.DECIMAL.parse("-0012.5000")).isEqualTo(new BigDecimal("-12.5"));
    assertThat(ValueType.DECIMAL.format(new BigDecimal("100"))).isEqualTo("100");
  }

  @Test
  void aCursorRoundTrips_andBelongsToItsQueryWhateverTheOrderOfItsParameters() {
    ListQuery query = ListQuery.of(OFFER, params("status", "won", "status", "open", "lastName.empty", "false",
        "sort", "-lastName", "limit", "3"));
    PageCursor cursor = query.cursorAt("émile", UUID.randomUUID());

    PageCursor back = PageCursor.decode(cursor.encode(), OFFER);
    assertThat(back).isEqualTo(cursor);
    ListQuery next = ListQuery.of(OFFER, params("sort", "-lastName", "lastName.empty", "false", "status", "open",
        "status", "won", "status", "open", "limit", "10", "cursor", cursor.encode()));
    assertThat(next.page().after()).contains(cursor);
    assertThat(next.scope()).isEqualTo(query.scope());
  }

  @Test
  void aCursorOfAnotherSortOrOtherFilters_isRefusedOnTheCursor() {
    ListQuery query = ListQuery.of(OFFER, params("sort", "lastName", "status", "won"));
    String cursor = query.cursorAt("ada", UUID.randomUUID()).encode();

    for (Map<String, List<String>> other : List.of(
        params("sort", "-lastName", "status", "won"),
        params("status", "won"),
        params("sort", "lastName"),
        params("sort", "lastName", "status", "won", "status", "lost"),
        params("sort", "lastName", "status", "won", "lastName.empty", "false"))) {
      Map<String, List<String>> withCursor = new LinkedHashMap<>(other);
      withCursor.put("cursor", List.of(cursor));
      assertThat(errorsOf(OFFER, withCursor)).as(other.toString()).extracting(FieldError::name, FieldError::detail)
          .containsExactly(tuple("cursor", "belongs to another sort or filter"));
    }
    assertThat(errorsOf(ListOffer.OLDEST_FIRST, params("cursor", cursor)))
        .extracting(FieldError::detail).containsExactly("is not a valid cursor");
    assertThatThrownBy(() -> new ListQuery(OFFER, List.of(), query.sort(), PageRequest.first(5).next(PageCursor.decode(cursor, OFFER))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyValueCursor_andAnOldestFirstOne_roundTrip() {
    ListQuery query = ListQuery.of(OFFER, params("sort", "-lastName"));
    PageCursor empty = query.cursorAt(null, UUID.randomUUID());
    assertThat(PageCursor.decode(empty.encode(), OFFER)).isEqualTo(empty);

    ListQuery oldestFirst = ListQuery.first(ListOffer.OLDEST_FIRST, 10);
    PageCursor time = oldestFirst.cursorAt(Instant.parse("2026-01-01T00:00:00.000001Z"), UUID.randomUUID());
    assertThat(ListQuery.of(ListOffer.OLDEST_FIRST, params("cursor", time.encode())).page().after()).contains(time);
    assertThat(ListQuery.of(OFFER, params("cursor", time.encode())).page().after())
        .as("the default walks of two lists are alike").contains(time);
  }

  @Test
  void handMadeCursors_areRefusedAsInvalid_neverWithAnotherException() {
    UUID id = UUID.fromString("0cb04f15-4b7d-43fe-91d8-8bbf5ece9275");
    String scope = ListQuery.of(OFFER, params("sort", "lastName")).scope();
    List<String> plains = List.of(
        "v1:1795387592510682:" + id,
        "v2:" + scope + ":lastName:" + id + ":=Ada",
        "v2:" + scope + ":lastName:" + id + ":=a\u0000b",
        "v2:" + scope + ":lastName:" + id + ":=",
        "v2:" + scope + ":lastName:" + id + ":ada",
        "v2:" + scope + ":firstName:" + id + ":=ada",
        "v2:" + scope + ":lastName:" + id.toString().toUpperCase() + ":=ada",
        "v2:" + scope + ":lastName:not-a-uuid-not-a-uuid-not-a-uuid-xxxx:=ada",
        "v2:short:lastName:" + id + ":=ada",
        "v2:" + scope + ":createdAt:" + id + ":=2026-01-01T00:00:00.0000001Z",
        "v2:" + scope + ":createdAt:" + id + ":=+10000-01-01T00:00:00Z",
        "v2:" + scope + ":createdAt:" + id + ":=tomorrow",
        "v2:" + scope + ":lastName:" + id,
        "v3:" + scope + ":lastName:" + id + ":=ada",
        "v2:" + scope + ":lastName:" + id + ":=" + "a".repeat(ValueType.MAX_KEY_LENGTH + 1));
    for (String plain : plains) {
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> PageCursor.decode(text, OFFER)).as(plain).isInstanceOf(InvalidValueException.class);
    }
    for (String text : List.of("", "%%", "djE6MTox", "=", "a".repeat(6000), "gA", "_-_-")) {
      assertThatThrownBy(() -> PageCursor.decode(text, OFFER)).as(text).isInstanceOf(InvalidValueException.class);
    }
  }

  @Test
  void randomMutationsOfACursor_decodeOrAreRefused_neverThrowAnythingElse() {
    String plain = new String(Base64.getUrlDecoder().decode(
        ListQuery.of(OFFER, params("sort", "-lastName")).cursorAt("zoë", UUID.randomUUID()).encode()), StandardCharsets.UTF_8);
    Random random = new Random(23);
    String alphabet = ":=-v2aZ0é\u0000\uD800𝒜.+ ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder mutated = new StringBuilder(plain);
      for (int m = random.nextInt(3) + 1; m > 0; m--) {
        int at = random.nextInt(mutated.length());
        switch (random.nextInt(3)) {
          case 0 -> mutated.deleteCharAt(at);
          case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      byte[] bytes = random.nextInt(10) == 0 ? randomBytes(random) : mutated.toString().getBytes(StandardCharsets.UTF_8);
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      try {
        PageCursor decoded = PageCursor.decode(text, OFFER);
        assertThat(decoded.encode()).isEqualTo(text); // what decodes is exactly a cursor this code makes
      } catch (InvalidValueException refused) {
        assertThat(refused.getMessage()).isEqualTo("is not a valid cursor");
      }
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(80)];
    random.nextBytes(bytes);
    return bytes;
  }

  @Test
  void textKeysIgnoreCase_andCompareByCodePoint() {
    assertThat(TextOrder.key("Émile")).isEqualTo("émile");
    assertThat(TextOrder.key("𝒜LICE")).isEqualTo("𝒜lice");
    assertThat(TextOrder.key("İ")).as("one code point stays one").isEqualTo("i");
    assertThat(TextOrder.key("")).isNull();
    assertThat(TextOrder.key(null)).isNull();
    List<String> keys = new ArrayList<>(List.of("𝒜lice", "ｚed", "émile", "zoë", "ada"));
    keys.sort(TextOrder.CODE_POINTS);
    assertThat(keys).containsExactly("ada", "zoë", "émile", "ｚed", "𝒜lice");
    Collections.sort(keys);
    assertThat(keys).as("UTF-16 order differs").containsExactly("ada", "zoë", "émile", "𝒜lice", "ｚed");
    assertThat(TextOrder.CODE_POINTS.compare("ab", "abc")).isNegative();
  }

  @Test
  void anOfferDeclaresValidFieldsOnce() {
    assertThatThrownBy(() -> ListOffer.builder().sort("limit", ValueType.TEXT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListOffer.builder().sort("last.name", ValueType.TEXT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListOffer.builder().filter("x", ValueType.TEXT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListOffer.builder().sort("x", ValueType.TEXT).defaultSort("y", SortDirection.ASCENDING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListOffer.builder().sort("x", ValueType.TEXT).build()).isInstanceOf(IllegalStateException.class);
  }

  /** Amounts compare within one currency: a filter or sort on one needs the other given once. */
  private static final ListOffer WITHIN = ListOffer.builder()
      .filter("currency", ValueType.TEXT, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .filter("amount", ValueType.DECIMAL, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .sort("createdAt", ValueType.INSTANT)
      .sort("amount", ValueType.DECIMAL)
      .within("amount", "currency")
      .defaultSort("createdAt", SortDirection.ASCENDING)
      .build();

  @Test
  void aFieldComparedWithinItsCompanion_needsTheCompanionGivenOnce_namingEachParameterThatUsesIt() {
    assertThat(errorsOf(WITHIN, params("amount.gte", "10", "sort", "-amount")))
        .extracting(FieldError::name).containsExactly("amount.gte", "sort");
    assertThat(errorsOf(WITHIN, params("currency", "EUR", "currency", "USD", "amount.lte", "10")))
        .extracting(FieldError::name).containsExactly("amount.lte");
    assertThat(errorsOf(WITHIN, params("currency.empty", "false", "sort", "amount")))
        .extracting(FieldError::name).containsExactly("sort");
    assertThat(errorsOf(WITHIN, params("sort", "amount"))).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("currency= exactly once"));

    ListQuery query = ListQuery.of(WITHIN, params("currency", "EUR", "amount.gte", "10", "sort", "-amount"));
    assertThat(query.sort().parameter()).isEqualTo("-amount");
    assertThat(ListQuery.of(WITHIN, params("currency", "EUR", "currency", "USD")).filters()).hasSize(1);
    assertThatThrownBy(() -> new ListQuery(WITHIN, List.of(), new Sort("amount", ValueType.DECIMAL, SortDirection.ASCENDING),
        PageRequest.first(10))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void filtersAlone_refuseLimitSortAndCursor_andKeepTheCompanionRule() {
    Validator v = new Validator();
    List<Filter> filters = ListQuery.filtersOf(v, WITHIN, params("currency", "EUR", "amount.gte", "10"));
    assertThat(v.hasErrors()).isFalse();
    assertThat(filters).extracting(Filter::parameter).containsExactly("amount.gte", "currency");

    assertThat(filterErrorsOf(params("limit", "10", "sort", "amount", "cursor", "x", "amount.lte", "1")))
        .extracting(FieldError::name).containsExactly("limit", "sort", "cursor", "amount.lte");
    assertThat(filterErrorsOf(params("amount.lte", "1"))).extracting(FieldError::name).containsExactly("amount.lte");
  }

  private static List<FieldError> filterErrorsOf(Map<String, List<String>> parameters) {
    Validator v = new Validator();
    assertThat(ListQuery.filtersOf(v, WITHIN, parameters)).isNull();
    try {
      v.throwIfInvalid();
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("no errors");
  }

  @Test
  void aCompanionIsDeclaredAfterBothFields_andNeverForTheDefaultSort() {
    assertThatThrownBy(() -> ListOffer.builder().sort("amount", ValueType.DECIMAL).within("amount", "currency"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListOffer.builder().filter("currency", ValueType.TEXT, Filter.Operator.ANY_OF)
        .sort("amount", ValueType.DECIMAL).within("amount", "currency").defaultSort("amount", SortDirection.ASCENDING)
        .build()).isInstanceOf(IllegalStateException.class);
  }
}
