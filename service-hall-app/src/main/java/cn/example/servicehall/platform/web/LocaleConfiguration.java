package cn.example.servicehall.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English available. Pages are in Chinese unless the user picks English ({@code ?lang=en}, kept in
 * a cookie); API clients get the language of their {@code Accept-Language} when the hall speaks it.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(HallLanguage.COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LocaleConfiguration::defaultLocale);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		// ?lang=<anything else> keeps the language the user had, instead of failing the request
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static Locale defaultLocale(HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/") && request.getHeader("Accept-Language") != null) {
			Locale asked = request.getLocale();
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(asked.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

}
