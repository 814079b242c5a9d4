package org.examledger.api.console;

import java.time.Clock;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language handling and formatting. The locale resolver is the application's one
 * (Spring's name {@code localeResolver}); the JSON API writes no localised text, so it only changes
 * what the console shows.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

  @Bean(name = "localeResolver")
  LocaleResolver localeResolver() {
    return new ConsoleLocaleResolver();
  }

  @Bean
  ConsoleFormat consoleFormat(Clock clock) {
    return new ConsoleFormat(clock);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang).addPathPatterns("/console", "/console/**", "/login");
  }

  static Locale chinese() {
    return ConsoleLocaleResolver.CHINESE;
  }
}
