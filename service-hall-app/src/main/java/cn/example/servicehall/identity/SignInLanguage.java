package cn.example.servicehall.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.example.servicehall.platform.web.HallLanguage;

/**
 * The language of Keycloak's sign-in page ({@code ui_locales}): the hall's, Chinese unless the user picked English
 * in the hall (its language cookie), whatever the browser's own setting.
 */
final class SignInLanguage {

	private SignInLanguage() {
	}

	static String ofCurrentRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return of(attributes.getRequest());
		}
		return "zh-CN";
	}

	static String of(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (HallLanguage.COOKIE.equals(cookie.getName()) && cookie.getValue().startsWith("en")) {
					return "en";
				}
			}
		}
		return "zh-CN";
	}

}
