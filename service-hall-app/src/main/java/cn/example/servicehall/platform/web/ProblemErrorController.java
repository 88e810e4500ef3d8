package cn.example.servicehall.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The answer for every error that no controller answered itself: a request refused by a filter or by Spring
 * before any controller was chosen (an unknown method, a content type or {@code Accept} nobody serves, a body too
 * large), or {@code sendError} anywhere. Instead of Spring Boot's {@code {"timestamp", "status", "error"}}: an RFC
 * 9457 problem for the API and for programs, whatever their {@code Accept} says, and the hall's error page for a
 * browser on a page. A problem left by the refusing code under {@link Problems#ATTRIBUTE} is shown as it is.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	private final ObjectMapper json;

	private final ViewResolver views;

	ProblemErrorController(ObjectMapper json, @Qualifier("thymeleafViewResolver") ViewResolver views) {
		this.json = json;
		this.views = views;
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws Exception {
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
				: HttpStatus.INTERNAL_SERVER_ERROR.value();
		String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
				: request.getRequestURI();
		ProblemDetail problem = request.getAttribute(Problems.ATTRIBUTE) instanceof ProblemDetail given ? given
				: Problems.forStatus(status);
		problem.setStatus(status);
		if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			// a failure outside the hall's controllers (a servlet or filter of the consoles, say): logged once with a
			// reference the user can quote, as the controllers' failures are
			String reference = UUID.randomUUID().toString().substring(0, 8);
			log.error("Unexpected failure at {}, reference {}", path, reference, failure);
			problem.setDetail(problem.getDetail() + " 参考号 / reference: " + reference);
			problem.setProperty("reference", reference);
		}
		if (Problems.wantsPage(request, path)) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("status", status);
			model.put("error", problem.getTitle());
			model.put("detail", problem.getDetail());
			View page = this.views.resolveViewName("error", RequestContextUtils.getLocale(request));
			ModelAndView answer = new ModelAndView(page, model);
			answer.setStatus(HttpStatusCode.valueOf(status));
			return answer;
		}
		try {
			problem.setInstance(URI.create(path));
		}
		catch (IllegalArgumentException notAUri) {
			// the address is what was wrong with the request; the problem says so without repeating it
		}
		Problems.write(response, problem, this.json);
		return null;
	}

}
