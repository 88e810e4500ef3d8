package cn.example.servicehall.developer.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.identity.CurrentOfficers;
import cn.example.servicehall.identity.Groups;

/**
 * The company fence after the fund centre stops a company: an agent (or the company's system) whose company is
 * suspended or not registered is refused with a 403 problem in words on every request, API and page alike, not only
 * when submitting ({@link Developers#actingCompany}). Intake shows such an agent no case either
 * ({@code intake.ActingCompanies}); this says why.
 */
@Configuration(proxyBeanMethods = false)
class SuspendedCompanyFence implements WebMvcConfigurer, HandlerInterceptor {

	private final CurrentOfficers officers;

	/** Through a provider: a test of a web slice has the hall's interceptors but not the developers' tables. */
	private final ObjectProvider<Developers> developers;

	SuspendedCompanyFence(CurrentOfficers officers, ObjectProvider<Developers> developers) {
		this.officers = officers;
		this.developers = developers;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod) || request.getDispatcherType() == DispatcherType.ERROR) {
			return true; // the style sheets and scripts, the error page: nothing of a company's
		}
		Developers companies = this.developers.getIfAvailable();
		if (companies == null) {
			return true;
		}
		this.officers.current()
			.filter(officer -> officer.isIn(Groups.DEVELOPER_AGENT))
			.filter(officer -> officer.developerCompanyId().filter(company -> !companies.mayAct(company)).isPresent())
			// says which it is: not registered, or suspended
			.ifPresent(companies::actingCompany);
		return true;
	}

}
