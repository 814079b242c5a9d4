package org.examledger.api.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates and numbers as the reader's language writes them, in the station's time zone (China
 * Standard Time, as the station year is counted). Templates call it as {@code @consoleFormat}.
 */
public final class ConsoleFormat {

  /** The station's zone: the statistics count years in it, so the pages show times in it too. */
  public static final ZoneId STATION_ZONE = ZoneId.of("Asia/Shanghai");

  private final Clock clock;

  ConsoleFormat(Clock clock) {
    this.clock = clock;
  }

  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(locale())
        .withZone(STATION_ZONE)
        .format(instant);
  }

  public String date(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale())
        .withZone(STATION_ZONE)
        .format(instant);
  }

  /** The value for an HTML datetime-local field, in the station's zone. */
  public String inputValue(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(STATION_ZONE)
            .format(instant);
  }

  public String number(Number value) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMaximumFractionDigits(value instanceof BigDecimal d ? Math.max(0, d.scale()) : 2);
    return format.format(value);
  }

  public String percent(BigDecimal share) {
    if (share == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getPercentInstance(locale());
    format.setMaximumFractionDigits(1);
    return format.format(share);
  }

  /** Whole minutes since the instant, by the service's clock. */
  public long minutesSince(Instant instant) {
    return Duration.between(instant, clock.instant()).toMinutes();
  }

  public String languageTag() {
    return locale().toLanguageTag();
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
