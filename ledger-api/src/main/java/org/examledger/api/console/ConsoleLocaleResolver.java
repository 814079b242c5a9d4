package org.examledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The console's language: the one chosen with {@code ?lang=zh|en} (kept in a cookie), else Chinese
 * when the browser's first preference is any Chinese, else English. The two bundles are {@code
 * messages.properties} (English) and {@code messages_zh_CN.properties}; every Chinese request is
 * mapped onto zh-CN so that a plain {@code zh} finds its bundle too.
 */
final class ConsoleLocaleResolver extends CookieLocaleResolver {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final Locale ENGLISH = Locale.ENGLISH;

  ConsoleLocaleResolver() {
    super("ledger-console-lang");
    setDefaultLocaleFunction(request -> supported(request.getLocale()));
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return supported(super.resolveLocale(request));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    super.setLocale(request, response, locale == null ? null : supported(locale));
  }

  static Locale supported(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
  }
}
