package dev.custodian.crm.privacy.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.account.Password;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ZxcvbnCommonPasswordsTest {

  private static final ZxcvbnCommonPasswords LIST = new ZxcvbnCommonPasswords();

  private static boolean common(String password) {
    return LIST.contains(new Password(password));
  }

  @Test
  void theBundledListIsLoaded() {
    assertThat(LIST.size()).isGreaterThan(29_000);
  }

  @Test
  @DisplayName("ACC-01: a password of 15 or more characters from the common-password list is refused, in any case")
  void listedPasswordsAreCommon_withoutRegardToCase() {
    assertThat(common("1qaz2wsx3edc4rfv")).isTrue();
    assertThat(common("123456789987654321")).isTrue();
    assertThat(common("1QAZ2WSX3EDC4RFV")).isTrue();
  }

  @Test
  @DisplayName("ACC-01: a list entry repeated, or one character repeated, is refused as common")
  void repetitionsAreCommon() {
    assertThat(common("passwordpassword")).isTrue();
    assertThat(common("QwertyQwertyQwerty")).isTrue();
    assertThat(common("aaaaaaaaaaaaaaa")).isTrue();
    assertThat(common("\uD83D\uDE00".repeat(15))).isTrue();
    assertThat(common("               ")).isTrue();
  }

  @Test
  void otherPasswordsAreNot() {
    assertThat(common("correct horse battery staple")).isFalse();
    assertThat(common("tangerine-orbit-57-walrus")).isFalse();
    assertThat(common("xq7#bnm2-zp4rt9")).isFalse();
  }

  @Test
  void fullWidthFormsAreNormalisedBeforeTheCheck() {
    assertThat(common("\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44".repeat(2))).isTrue();
  }
}
