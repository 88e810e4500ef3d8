package cn.example.servicehall.identity.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;

/** Lets controllers take {@link CurrentOfficer} as a parameter. */
@Configuration(proxyBeanMethods = false)
class CurrentOfficerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final CurrentOfficers officers;

	CurrentOfficerArgumentResolver(CurrentOfficers officers) {
		this.officers = officers;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentOfficer.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return this.officers.current()
			.orElseThrow(() -> new InsufficientAuthenticationException("Sign in first"));
	}

}
