package cn.example.servicehall.platform.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as the hall writes them, wherever a refusal is made: in a controller, in a filter before
 * any controller, on the error page, in Tomcat's connector. The {@code type} names the problem
 * ({@code /problems/case-not-found}), the {@code title} says it in a few words, the {@code detail} says what to do,
 * Chinese first.
 */
public final class Problems {

	/**
	 * The request attribute under which code that answers with {@code sendError} leaves the problem to show; the
	 * error page ({@link ProblemErrorController}) shows it as a problem or as a page.
	 */
	public static final String ATTRIBUTE = Problems.class.getName() + ".problem";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

	/** How many characters of a value the client sent a refusal repeats. */
	static final int SHOWN_LENGTH = 60;

	/**
	 * A value the client sent, as a refusal may repeat it: its first {@value #SHOWN_LENGTH} characters (then “…”),
	 * with “�” for what cannot be shown (control and formatting characters, half of a character). The person sees
	 * what they sent; neither a page nor a log nor a terminal gets anything that would disturb it, nor twenty
	 * thousand characters back.
	 */
	public static String shown(Object value) {
		String text = String.valueOf(value);
		StringBuilder shown = new StringBuilder();
		int[] codePoints = text.codePoints().limit(SHOWN_LENGTH + 1L).toArray();
		for (int i = 0; i < Math.min(codePoints.length, SHOWN_LENGTH); i++) {
			int c = codePoints[i];
			int type = Character.getType(c);
			boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
			shown.appendCodePoint(hidden ? '\uFFFD' : c);
		}
		return codePoints.length > SHOWN_LENGTH ? shown.append('…').toString() : shown.toString();
	}

	/** A request refused before the hall reads it: an address or header that no handler can be trusted with. */
	public static ProblemDetail malformedRequest() {
		return of(HttpStatus.BAD_REQUEST, "malformed-request", "请求格式不正确",
				"请求的地址或请求头含有不允许的内容（例如编码的斜杠 %2F、%00、分号、“..”、控制字符或非 ASCII 字符），已拒绝处理。请核对请求地址。"
						+ " The address or a header of the request holds something the hall does not accept.");
	}

	/** What the hall says for a status when nothing more specific is known. */
	public static ProblemDetail forStatus(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		HttpStatus shown = known == null ? (status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST)
				: known;
		return switch (shown) {
			case BAD_REQUEST -> of(shown, "bad-request", "请求无效",
					"请求的地址、请求头或内容不合规范，请核对后重试。 The request is malformed.");
			case UNAUTHORIZED -> of(shown, "unauthenticated", "未登录或令牌无效",
					"请先登录；访问接口须携带有效的访问令牌（Bearer）。 Sign in first: the API needs a valid bearer token.");
			case FORBIDDEN -> of(shown, "forbidden", "无权办理",
					"您的岗位无权办理此项业务。 Your post may not do this.");
			case NOT_FOUND -> of(shown, "not-found", "没有找到",
					"没有这个地址，请核对请求地址。 There is nothing at this address.");
			case METHOD_NOT_ALLOWED -> of(shown, "method-not-allowed", "不支持该请求方法",
					"此地址不支持该请求方法（如 GET、POST），请核对接口文档。 This address does not take this method.");
			case NOT_ACCEPTABLE -> of(shown, "not-acceptable", "无法按要求的格式答复",
					"此地址只能以 JSON（application/json）答复，请修改 Accept 请求头。 This address answers in JSON only.");
			case PAYLOAD_TOO_LARGE -> of(shown, "payload-too-large", "请求内容过大",
					"请求内容超过了允许的大小。 The request is larger than the hall accepts.");
			case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> of(shown, "request-too-large", "请求地址或请求头过长",
					"请求地址或请求头过长。 The address or the headers of the request are too long.");
			case UNSUPPORTED_MEDIA_TYPE -> of(shown, "unsupported-media-type", "不支持的内容类型",
					"请以 Content-Type: application/json 发送 JSON（上传文件用 multipart/form-data）。"
							+ " Send JSON as application/json (files as multipart/form-data).");
			case TOO_MANY_REQUESTS -> of(shown, "too-many-requests", "请求过于频繁", "请求过于频繁，请稍后再试。 Too many requests; try again later.");
			case SERVICE_UNAVAILABLE -> of(shown, "unavailable", "服务暂不可用", "服务暂时不可用，请稍后重试。 Try again shortly.");
			default -> shown.is5xxServerError()
					? of(shown, "internal-error", "系统内部错误",
							"处理请求时发生意外错误，业务数据未受影响。请稍后重试。 An unexpected error occurred; try again later.")
					: of(shown, "request-refused", "无法完成请求", "无法完成此请求。 The request cannot be done.");
		};
	}

	/**
	 * Whether the request is for the API (or the engine's), which answers problems whatever the client accepts; an
	 * address with doubled slashes ({@code //api/…}) is the API's too.
	 */
	public static boolean isApi(String path) {
		if (path != null && path.contains("//")) {
			path = path.replaceAll("/{2,}", "/");
		}
		return path != null && (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
				|| path.startsWith("/v3/api-docs") || path.startsWith("/actuator"));
	}

	/** Whether the client asked for a page rather than data: its {@code Accept} names HTML. */
	public static boolean wantsPage(HttpServletRequest request, String path) {
		String accept = request.getHeader("Accept");
		return !isApi(path) && accept != null && accept.contains("text/html");
	}

	/** Writes the problem as the whole answer. */
	public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
