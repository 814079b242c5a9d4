package org.examledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConsoleLocaleResolverTest {

  private final ConsoleLocaleResolver resolver = new ConsoleLocaleResolver();

  @Test
  void anyChineseBrowserGetsSimplifiedChinese() {
    for (String header : new String[] {"zh", "zh-CN,zh;q=0.9,en;q=0.8", "zh-TW"}) {
      MockHttpServletRequest request = new MockHttpServletRequest();
      request.addHeader("Accept-Language", header);
      assertThat(resolver.resolveLocale(request)).as(header).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
  }

  @Test
  void everyOtherBrowserGetsEnglish() {
    MockHttpServletRequest french = new MockHttpServletRequest();
    french.addHeader("Accept-Language", "fr-FR");
    assertThat(resolver.resolveLocale(french)).isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void theChosenLanguageIsKeptInACookieAndWinsOverTheBrowser() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    resolver.setLocale(new MockHttpServletRequest(), response, Locale.forLanguageTag("zh"));
    Cookie chosen = response.getCookie("ledger-console-lang");
    assertThat(chosen.getValue()).isEqualTo("zh-CN");

    MockHttpServletRequest english = new MockHttpServletRequest();
    english.addHeader("Accept-Language", "en-GB");
    english.setCookies(chosen);
    assertThat(resolver.resolveLocale(english)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }
}
