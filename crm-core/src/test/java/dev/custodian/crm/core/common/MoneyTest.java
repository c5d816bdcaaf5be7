package dev.custodian.crm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.validation.Validator;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  /** The field errors {@code Money.of} records for one JSON money object at {@code #/amount}. */
  private static List<FieldError> errorsOf(String amount, String currency) {
    Validator v = new Validator();
    Money money = Money.of(v, "amount/amount", "amount/currency", amount, currency);
    assertThatThrownBy(v::throwIfInvalid).isInstanceOf(ValidationException.class);
    assertThat(money).isNull();
    return ((ValidationException) org.assertj.core.api.Assertions.catchThrowable(v::throwIfInvalid)).errors();
  }

  private static List<String> names(List<FieldError> errors) {
    return errors.stream().map(FieldError::name).toList();
  }

  @Test
  void givenItsJsonForm_thenKeptAtTheCurrencysScale() {
    assertThat(Money.of("12500.50", "EUR")).isEqualTo(new Money(new BigDecimal("12500.50"), EUR));
    assertThat(Money.of("12500.5", "EUR").amountText()).isEqualTo("12500.50");
    assertThat(Money.of("7", "EUR").amountText()).isEqualTo("7.00");
    assertThat(Money.of("0", "EUR").amountText()).isEqualTo("0.00");
    assertThat(Money.of("0.05", "EUR").amountText()).isEqualTo("0.05");
    assertThat(Money.of("1500", "JPY").amountText()).isEqualTo("1500");
    assertThat(Money.of("1.25", "BHD").amountText()).isEqualTo("1.250");
    assertThat(Money.of("12.345", "BHD").amountText()).isEqualTo("12.345");
    assertThat(Money.of("999999999999999.99", "EUR").amount()).isEqualByComparingTo("999999999999999.99");
    assertThat(Money.of("12500.50", "EUR").toString()).isEqualTo("12500.50 EUR");
    assertThat(Money.of("100", "EUR").amount().scale()).isEqualTo(2);
  }

  @Test
  void anAmountThatIsNotPlainDecimalText_isRefused() {
    for (String bad : List.of("1e3", "1E3", "-1", "-0", " 1", "1 ", "+1", "1.", ".5", "", "01", "1,5", "١", "１",
        "0x10", "NaN", "Infinity", "1.2.3", "1_000")) {
      assertThat(names(errorsOf(bad, "EUR"))).as(bad).containsExactly("amount/amount");
    }
  }

  @Test
  void moreDecimalsThanTheCurrencyAllows_areRefused_asWritten() {
    assertThat(errorsOf("12.345", "EUR")).extracting(FieldError::name, FieldError::detail)
        .containsExactly(tuple("amount/amount", "must have at most 2 decimals in EUR"));
    assertThat(errorsOf("1.5", "JPY")).extracting(FieldError::detail).containsExactly("must be a whole number in JPY");
    assertThat(names(errorsOf("1.0", "JPY"))).as("a written decimal counts, zero or not").containsExactly("amount/amount");
    assertThat(names(errorsOf("12.3450", "BHD"))).containsExactly("amount/amount");
    assertThat(names(errorsOf("1000000000000000", "EUR"))).as("16 integer digits").containsExactly("amount/amount");
  }

  @Test
  void aCurrencyUnknownOrWithoutMinorUnits_isRefused_andBothPartsAreNamedAtOnce() {
    for (String bad : List.of("XAU", "XXX", "XTS", "ABC", "eur", "EURO", "", " EUR", "€")) {
      assertThat(names(errorsOf("1", bad))).as(bad).containsExactly("amount/currency");
    }
    assertThat(names(errorsOf("1e3", "XAU"))).containsExactly("amount/currency", "amount/amount");
    assertThat(names(errorsOf(null, null))).containsExactly("amount/currency", "amount/amount");
    assertThatThrownBy(() -> Money.of("1", "XAU")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("currency"));
  }

  @Test
  void theConstructorGuardsTheSameRules() {
    assertThat(new Money(new BigDecimal("1.500"), EUR).amountText()).as("trailing zeros are no decimals").isEqualTo("1.50");
    assertThat(new Money(new BigDecimal("1E+3"), JPY).amountText()).isEqualTo("1000");
    assertThatThrownBy(() -> new Money(new BigDecimal("-0.01"), EUR)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Money(new BigDecimal("0.001"), EUR)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Money(new BigDecimal("1E+15"), EUR)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, Currency.getInstance("XAU"))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void plusAddsAmountsOfOneCurrencyOnly() {
    assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
    assertThat(Money.zero(BHD).plus(Money.of("1.005", "BHD")).amountText()).isEqualTo("1.005");
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("999999999999999", "JPY").plus(Money.of("1", "JPY")))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void weightedIsAmountTimesPercentOverAHundred_roundedHalfToEvenAtTheCurrencysScale() {
    assertThat(Money.of("12500.50", "EUR").weighted(25).amountText()).isEqualTo("3125.12"); // 3125.125 -> 3125.12
    assertThat(Money.of("0.05", "EUR").weighted(50).amountText()).isEqualTo("0.02"); // 0.025 -> 0.02
    assertThat(Money.of("0.15", "EUR").weighted(50).amountText()).isEqualTo("0.08"); // 0.075 -> 0.08
    assertThat(Money.of("5", "JPY").weighted(50).amountText()).isEqualTo("2"); // 2.5 -> 2
    assertThat(Money.of("7", "JPY").weighted(50).amountText()).isEqualTo("4"); // 3.5 -> 4
    assertThat(Money.of("1.001", "BHD").weighted(50).amountText()).isEqualTo("0.500"); // 0.5005 -> 0.500
    assertThat(Money.of("100", "EUR").weighted(100)).isEqualTo(Money.of("100", "EUR"));
    assertThat(Money.of("100", "EUR").weighted(0)).isEqualTo(Money.of("0", "EUR"));
    assertThatThrownBy(() -> Money.of("1", "EUR").weighted(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "EUR").weighted(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
