package org.examledger.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises mainland China resident identity numbers (公民身份号码, GB 11643-1999): 6 digits of region
 * code, 8 of birth date (YYYYMMDD), 3 of sequence and one check character computed with ISO 7064
 * MOD 11-2 (a digit or X).
 *
 * <p>What counts as a number, chosen so that a raw number is caught however a clerk typed it and
 * the ledger's own data (hex hashes, UUIDs, counters, timestamps) is not:
 *
 * <ul>
 *   <li>18 characters, 17 digits and a digit or X (either case), anywhere in a text, also inside
 *       Chinese free text ("身份证号11010519491231002X");
 *   <li>single spaces, tabs or hyphens may stand between any two of them ("110105 19491231 002X",
 *       "110105-19491231-002X"), as {@code DocumentRef.keyed} removes the same before hashing;
 *   <li>not next to an ASCII letter or digit: a digit run inside a longer run or inside a hex hash
 *       is not a number;
 *   <li>the first digit is 1-9, the birth date is a real date from 1900 to 2099, and the check
 *       character is right. An 18-digit counter or an arbitrary run therefore passes unless it
 *       happens to fit all three (roughly one in a few thousand runs); such a false refusal names
 *       the field, and the writer can split the value.
 * </ul>
 *
 * Full-width digits and the old 15-digit numbers (no check character) are not recognised.
 */
public final class ResidentIdNumbers {

  /** ISO 7064 MOD 11-2 weights for positions 1-17: 2^(18-i) mod 11 (GB 11643-1999, 7.2). */
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** Check character for each value of (sum mod 11). */
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![0-9A-Za-z])[0-9](?:[ \\t-]?[0-9]){16}[ \\t-]?[0-9Xx](?![0-9A-Za-z])");

  private static final int EARLIEST_BIRTH_YEAR = 1900;
  private static final int LATEST_BIRTH_YEAR = 2099;

  private ResidentIdNumbers() {}

  /**
   * The check character of a number whose first 17 digits are given.
   *
   * @throws IllegalArgumentException if {@code first17} is not exactly 17 ASCII digits
   */
  public static char checkCharacter(CharSequence first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException(
          "a resident identity number has 17 digits before its check character; got "
              + first17.length()
              + " characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "a resident identity number has digits only before its check character; position "
                + (i + 1)
                + " is not a digit");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /**
   * Whether {@code number} (exactly 18 characters, no separators; a lower-case x is accepted) is a
   * well-formed resident identity number: first digit 1-9, a real birth date, a right check
   * character.
   */
  public static boolean isValid(String number) {
    if (number.length() != 18) {
      return false;
    }
    String upper = number.toUpperCase(Locale.ROOT);
    for (int i = 0; i < 17; i++) {
      if (upper.charAt(i) < '0' || upper.charAt(i) > '9') {
        return false;
      }
    }
    if (upper.charAt(0) == '0' || !isBirthDate(upper.substring(6, 14))) {
      return false;
    }
    return checkCharacter(upper.substring(0, 17)) == upper.charAt(17);
  }

  /** Whether {@code text} contains a resident identity number anywhere, as the class describes. */
  public static boolean appearsIn(CharSequence text) {
    Matcher m = CANDIDATE.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      if (isValid(m.group().replaceAll("[ \\t-]", ""))) {
        return true;
      }
      // an invalid candidate may hide a valid one starting after a separator inside it
      from = m.start() + 1;
    }
    return false;
  }

  /**
   * Where in a JSON tree a resident identity number appears: the path of the first string value,
   * number or member name that contains one, written from {@code root} as {@code
   * payload.documents[0].note}; empty if none does.
   */
  public static Optional<String> findIn(JsonNode node, String root) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual() || node.isNumber()) {
      return appearsIn(node.asText()) ? Optional.of(root) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = findIn(node.get(i), root + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String path = root + "." + member.getKey();
        if (appearsIn(member.getKey())) {
          // the member's name would echo the number; name its parent instead
          return Optional.of(root);
        }
        Optional<String> found = findIn(member.getValue(), path);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isBirthDate(String yyyymmdd) {
    int year = Integer.parseInt(yyyymmdd.substring(0, 4));
    if (year < EARLIEST_BIRTH_YEAR || year > LATEST_BIRTH_YEAR) {
      return false;
    }
    try {
      LocalDate.of(
          year,
          Integer.parseInt(yyyymmdd.substring(4, 6)),
          Integer.parseInt(yyyymmdd.substring(6, 8)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
