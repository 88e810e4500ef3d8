package cn.example.servicehall.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.example.servicehall.identity.IdentityProviderStatus;

/** The hall's own pages for when sign-in cannot happen. */
@Controller
class SignInPagesController {

	private final IdentityProviderStatus status;

	SignInPagesController(IdentityProviderStatus status) {
		this.status = status;
	}

	@RequestMapping(SignInEntryPoint.UNAVAILABLE_PAGE)
	String unavailable(Model model, HttpServletResponse response) {
		IdentityProviderStatus.Availability availability = this.status.availability();
		if (availability == IdentityProviderStatus.Availability.AVAILABLE) {
			return "redirect:/";
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "5");
		model.addAttribute("starting", availability == IdentityProviderStatus.Availability.STARTING);
		return "identity/sign-in-unavailable";
	}

	@RequestMapping(SignInEntryPoint.FAILED_PAGE)
	String failed(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		model.addAttribute("providerDown",
				this.status.availability() != IdentityProviderStatus.Availability.AVAILABLE);
		return "identity/sign-in-failed";
	}

}
