package dev.custodian.crm.privacy.password;

import com.nulabinc.zxcvbn.StandardDictionaries;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.port.out.CommonPasswords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Common-password list: the 30,000 most frequent leaked passwords that zxcvbn4j (Dropbox's zxcvbn
 * ported to Java by Nulab) bundles, compared without regard to case. Since a password here has at
 * least 15 characters, few entries can match as they are, so a password that is one entry
 * repeated ({@code passwordpassword}) or one character repeated is common too: NIST SP 800-63B-4
 * counts repetitive passwords among those to refuse.
 */
public final class ZxcvbnCommonPasswords implements CommonPasswords {

  private final Set<String> entries;

  /** Loads the bundled list (about 240 KB, once per instance; share one). */
  public ZxcvbnCommonPasswords() {
    try {
      Set<String> loaded = new HashSet<>();
      for (String entry : StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()) {
        loaded.add(normalised(entry));
      }
      this.entries = Set.copyOf(loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read zxcvbn's bundled password list", e);
    }
  }

  @Override
  public boolean contains(Password password) {
    return password.apply(chars -> {
      String candidate = normalised(new String(chars));
      int unit = smallestRepeatedUnit(candidate);
      return entries.contains(candidate)
          || unit < candidate.length()
          && (candidate.codePointCount(0, unit) == 1 || entries.contains(candidate.substring(0, unit)));
    });
  }

  /** The number of entries, for tests. */
  int size() {
    return entries.size();
  }

  private static String normalised(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** The length of the shortest prefix that the text repeats exactly; its own length if none. */
  private static int smallestRepeatedUnit(String text) {
    int n = text.length();
    for (int unit = 1; unit <= n / 2; unit++) {
      if (n % unit == 0 && text.substring(unit).equals(text.substring(0, n - unit))) {
        return unit;
      }
    }
    return n;
  }
}
