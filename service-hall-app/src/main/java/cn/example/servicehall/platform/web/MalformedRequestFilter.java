package cn.example.servicehall.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses at the edge, before security or any controller, what nothing in the hall can be trusted with: text that
 * breaks {@link ControlCharacters}' rule in the address, a request parameter (query or form) or a header, and a
 * {@code Content-Type} that is a pattern ({@code application/*}) rather than a type. The answer names what to
 * correct: 400 (415 for the content type) through the error page, so an API client gets a problem and a browser a
 * page. Multipart bodies are left to the page that reads them (the verification page), which answers for its own;
 * the form bodies of the engine's consoles and REST API to JAX-RS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ProblemDetail> problem = contentTypeProblem(request).or(() -> textProblem(request));
		if (problem.isPresent()) {
			request.setAttribute(Problems.ATTRIBUTE, problem.get());
			response.sendError(problem.get().getStatus(), problem.get().getDetail());
			return;
		}
		chain.doFilter(request, response);
	}

	private static Optional<ProblemDetail> contentTypeProblem(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			return Optional.empty();
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if (!type.isConcrete()) {
				return Optional.of(unsupported("Content-Type “" + type + "” 是通配符，不是具体的内容类型。"));
			}
			return Optional.empty();
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.of(unsupported("Content-Type 的格式不正确。"));
		}
	}

	private static ProblemDetail unsupported(String why) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "不支持的内容类型",
				why + "请以 Content-Type: application/json 发送 JSON（上传文件用 multipart/form-data）。"
						+ " Send JSON as application/json (files as multipart/form-data).");
	}

	private static Optional<ProblemDetail> textProblem(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		Optional<String> wrong = ControlCharacters.problem(path).map(why -> "请求地址" + why);
		if (wrong.isEmpty()) {
			wrong = parameters(request).entrySet()
				.stream()
				.flatMap(parameter -> java.util.stream.Stream.concat(
						ControlCharacters.problem(parameter.getKey()).stream().map(why -> "参数名" + why),
						java.util.Arrays.stream(parameter.getValue())
							.flatMap(value -> ControlCharacters.problem(value).stream())
							.map(why -> "参数 " + printable(parameter.getKey()) + " " + why)))
				.findFirst();
		}
		if (wrong.isEmpty()) {
			wrong = Collections.list(request.getHeaderNames())
				.stream()
				.flatMap(name -> Collections.list(request.getHeaders(name))
					.stream()
					.flatMap(value -> ControlCharacters.problem(value).stream())
					.map(why -> "请求头 " + name + " " + why))
				.findFirst();
		}
		return wrong.map(detail -> Problems.of(HttpStatus.BAD_REQUEST, "control-characters", "含有控制字符", detail));
	}

	/**
	 * The query's and the form's parameters; only the query's for a multipart body (reading the parameters would
	 * parse the upload here) and for the engine's consoles and REST API (JAX-RS reads their form bodies itself).
	 */
	private static Map<String, String[]> parameters(HttpServletRequest request) {
		String contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!multipart && !path.startsWith("/camunda/") && !path.startsWith("/engine-rest/")) {
			return request.getParameterMap();
		}
		Map<String, String[]> query = new java.util.LinkedHashMap<>();
		String queryString = request.getQueryString();
		if (queryString != null) {
			for (String pair : queryString.split("&")) {
				int equals = pair.indexOf('=');
				try {
					query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
							new String[] { equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) });
				}
				catch (IllegalArgumentException malformed) {
					// a malformed escape: the container drops the parameter too
				}
			}
		}
		return query;
	}

	/** A parameter's name as a message may show it: what it holds that is not printable, removed. */
	private static String printable(String name) {
		return name.codePoints()
			.filter(c -> c >= 0x20 && (c < 0xD800 || c > 0xDFFF))
			.limit(60)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
