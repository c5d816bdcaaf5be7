package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one ISO 4217 currency: a {@link BigDecimal} of 0 or more with at most
 * {@value #MAX_INTEGER_DIGITS} integer digits and no more decimals than the currency has minor
 * units, kept at the currency's scale ({@code 12500.50} EUR, {@code 1500} JPY, {@code 1.250} BHD).
 * Only currencies known to {@link Currency} that have minor units are money here: gold (XAU) and
 * the other codes without them are refused. Never a {@code double}: an amount is parsed from its
 * decimal text and computed on exactly.
 */
public record Money(BigDecimal amount, Currency currency) {

  /** Integer digits an amount may have (a {@code numeric(19,4)} column holds every amount). */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** The JSON form of an amount: plain decimal digits, no sign, exponent, blank or lone point. */
  private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * @throws InvalidValueException when the amount is negative, has too many integer digits or more
   *     decimals than the currency allows, or the currency has no minor units
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int scale = minorUnits(currency);
    if (amount.signum() < 0) {
      throw new InvalidValueException("must be 0 or more");
    }
    BigDecimal exact = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    if (exact.scale() > scale) {
      throw tooManyDecimals(currency);
    }
    amount = exact.setScale(scale, RoundingMode.UNNECESSARY);
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new InvalidValueException("must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
  }

  /**
   * Money from its JSON form ({@code {"amount":"12500.50","currency":"EUR"}}): the amount's decimal
   * text read strictly and the currency's code, each error recorded in {@code v} under the name its
   * caller gives (the amount's with {@code amountField}, e.g. {@code amount/amount}); an amount whose
   * currency is bad is checked for its form only. Both parts are required.
   *
   * @return the money; {@code null} when either part was recorded as bad
   */
  public static Money of(Validator v, String amountField, String currencyField, String amount, String currency) {
    Currency validCurrency = v.required(currencyField, currency, Money::currency);
    BigDecimal validAmount = v.required(amountField, amount, Money::parseAmount);
    if (validCurrency == null || validAmount == null) {
      return null;
    }
    return v.required(amountField, validAmount, a -> {
      if (a.scale() > validCurrency.getDefaultFractionDigits()) { // as written: "1.0" JPY has a decimal too many
        throw tooManyDecimals(validCurrency);
      }
      return new Money(a, validCurrency);
    });
  }

  /**
   * As {@link #of(Validator, String, String, String, String)}, throwing.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming each bad part
   *     ({@code amount}, {@code currency})
   */
  public static Money of(String amount, String currency) {
    Validator v = new Validator();
    Money money = of(v, "amount", "currency", amount, currency);
    v.throwIfInvalid();
    return money;
  }

  /**
   * A currency by its ISO 4217 code (three upper-case letters) that {@link Currency} knows and
   * that has minor units.
   *
   * @throws InvalidValueException otherwise
   */
  public static Currency currency(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidValueException("must be an ISO 4217 currency code (three upper-case letters)");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidValueException("must be an ISO 4217 currency code (three upper-case letters)");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidValueException("must be a currency with minor units (not a metal or a fund)");
    }
    return currency;
  }

  /** The amount in its text form, as the JSON carries it: {@code 12500.50}, never an exponent. */
  public String amountText() {
    return amount.toPlainString();
  }

  /**
   * The sum of two amounts of this currency.
   *
   * @throws IllegalArgumentException for another currency: money of two currencies is never added
   * @throws InvalidValueException when the sum has more than {@value #MAX_INTEGER_DIGITS} integer digits
   */
  public Money plus(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * This amount weighted by a probability: {@code amount × percent / 100}, rounded half to even
   * at the currency's scale ({@code 0.05} EUR at 50 % is {@code 0.02}; {@code 0.15} is {@code 0.08}).
   *
   * @param percent 0 to 100
   */
  public Money weighted(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("a percentage is 0 to 100");
    }
    return new Money(amount.multiply(BigDecimal.valueOf(percent))
        .divide(HUNDRED, minorUnits(currency), RoundingMode.HALF_EVEN), currency);
  }

  /** Zero of {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  @Override
  public String toString() {
    return amountText() + " " + currency.getCurrencyCode();
  }

  private static BigDecimal parseAmount(String text) {
    if (!AMOUNT.matcher(text).matches()) {
      throw new InvalidValueException("must be a decimal number as a string, e.g. \"12500.50\": digits, at most one"
          + " point with digits on both sides, no sign, exponent or spaces");
    }
    int point = text.indexOf('.');
    if ((point < 0 ? text.length() : point) > MAX_INTEGER_DIGITS) {
      throw new InvalidValueException("must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
    return new BigDecimal(text);
  }

  private static InvalidValueException tooManyDecimals(Currency currency) {
    int scale = currency.getDefaultFractionDigits();
    return new InvalidValueException(scale == 0
        ? "must be a whole number in " + currency.getCurrencyCode()
        : "must have at most " + scale + " decimal" + (scale == 1 ? "" : "s") + " in " + currency.getCurrencyCode());
  }

  private static int minorUnits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidValueException("must be a currency with minor units (not a metal or a fund)");
    }
    return digits;
  }
}
