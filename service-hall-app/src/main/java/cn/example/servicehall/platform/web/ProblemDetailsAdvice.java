package cn.example.servicehall.platform.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the hall's API as an RFC 9457 problem detail with a message a clerk can act on. Invalid fields are
 * listed one by one under {@code errors}. An unexpected failure answers with a reference number to quote and
 * nothing of the stack trace, which goes to the log under the same number.
 */
@RestControllerAdvice(basePackages = "cn.example.servicehall")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** The type of a problem Spring wrote itself, in its own words. */
	private static final URI ABOUT_BLANK = URI.create("about:blank");

	/** How Jackson's message on a field given twice begins ({@link StrictJson}), the field's name following. */
	private static final String DUPLICATE_FIELD = "Duplicate field '";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
		return answer(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
					"message", String.valueOf(error.getDefaultMessage())))));
		return answer(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "请求内容不是有效的 JSON，或字段类型不对。The request body is not valid JSON or a field has the wrong type.";
		if (ex.getCause() instanceof StrictJson.RefusedValue refused && !refused.getPath().isEmpty()) {
			detail = "字段 " + fieldPath(refused) + " " + refused.reason();
		}
		else if (ex.getCause() instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
			String allowed = format.getTargetType() != null && format.getTargetType().isEnum()
					? "可选值：" + StrictJson.names(format.getTargetType()) + "。" : "";
			detail = "字段 " + fieldPath(format) + " 的值 “" + Problems.shown(format.getValue()) + "” 格式不对。"
					+ allowed + "The value of " + fieldPath(format) + " has the wrong format.";
		}
		else if (ex.getCause() instanceof JsonParseException parse
				&& parse.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
			String field = Problems.shown(parse.getOriginalMessage()
				.substring(DUPLICATE_FIELD.length(), parse.getOriginalMessage().length() - 1));
			detail = "字段 " + field + " 出现了不止一次，请只写一次。 The field " + field + " appears more than once.";
		}
		else if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			detail = "字段 " + fieldPath(mismatch) + " 的类型不对。The field " + fieldPath(mismatch) + " has the wrong type.";
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-request", "请求无法读取", detail);
		return answer(problem);
	}

	/** A path variable or query parameter that is not of its type: which, and what it should be. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		Expected expected = Expected.of(ex.getRequiredType());
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "参数格式不对",
				"参数 " + name + " 的值“" + Problems.shown(ex.getValue()) + "”无法识别，应为" + expected.chinese()
						+ "。 The parameter " + name + " must be " + expected.english() + "."));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Expected expected = Expected.of(ex.getMethodParameter() == null ? null
				: ex.getMethodParameter().getNestedParameterType());
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", "缺少参数",
				"缺少参数 " + ex.getParameterName() + "，应为" + expected.chinese() + "。 The parameter "
						+ ex.getParameterName() + " is required: " + expected.english() + "."));
	}

	/** A path variable that is blank once decoded ({@code /api/audit/days/%20}); one missing otherwise is a bug. */
	@Override
	protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!ex.isMissingAfterConversion()) {
			return super.handleMissingPathVariable(ex, headers, status, request);
		}
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "参数格式不对",
				"请求地址中的 " + ex.getVariableName() + " 为空或无法识别，请核对请求地址。 The address lacks a valid "
						+ ex.getVariableName() + "."));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		String header = ex.getHeaderName();
		String detail = "缺少请求头 " + header + "。";
		if ("Idempotency-Key".equalsIgnoreCase(header)) {
			detail += "创建业务的请求必须带一个唯一的 Idempotency-Key（例如 UUID），重试时使用同一个值，以免重复建案。"
					+ " Requests that create something need an Idempotency-Key (e.g. a UUID); reuse it when retrying.";
		}
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "missing-header", "缺少请求头", detail));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getConstraintViolations()
			.forEach(v -> errors.add(Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage())));
		return answer(invalid(errors));
	}

	/**
	 * Two requests did the same step at once (a double submission from two counters): the database kept the first,
	 * the second is told so instead of failing. Nothing was saved twice.
	 */
	@ExceptionHandler({ DuplicateKeyException.class, ConcurrencyFailureException.class })
	ResponseEntity<ProblemDetail> doneAtTheSameTime(Exception ex) {
		log.info("A concurrent request did the same first: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return answer(new DoneConcurrently().getBody());
	}

	/** An address or header Spring Security's firewall refuses when the hall reads it: the client's mistake. */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
		log.debug("Rejected a malformed request: {}", ex.getMessage());
		return answer(Problems.malformedRequest());
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, cut short, a file name with NUL; Tomcat throws its own
	 * exception for the last when a parameter is read before Spring parses the upload).
	 */
	@ExceptionHandler({ MultipartException.class, InvalidFileNameException.class })
	ResponseEntity<ProblemDetail> unreadableUpload(RuntimeException ex) {
		log.debug("Unreadable multipart request: {}", ex.getMessage());
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-upload", "上传内容无法读取",
					"上传的内容不是完整有效的 multipart/form-data。 The upload is not valid multipart/form-data."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DoneConcurrently.isRace(ex)) {
			return doneAtTheSameTime(ex);
		}
		if (DatabaseUnavailable.isCause(ex)) {
			log.warn("The database is out of reach: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(new DatabaseUnavailable().getBody());
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected failure, reference {}", reference, ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "系统内部错误",
				"处理请求时发生意外错误，业务数据未受影响。请稍后重试；如仍失败，请将参考号 " + reference
						+ " 告知系统管理员。An unexpected error occurred; quote reference " + reference + ".");
		problem.setProperty("reference", reference);
		return answer(problem);
	}

	/**
	 * Problems are JSON whatever the client's {@code Accept} says: with the content type set here, Spring does not
	 * drop the body when it cannot read the {@code Accept} header or finds JSON not in it. A problem Spring wrote
	 * itself (a content type or {@code Accept} it cannot serve, a method the address does not take) gets the hall's
	 * words for its status, in Chinese first, not Spring's English.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		HttpHeaders answer = new HttpHeaders();
		answer.addAll(headers);
		if (body instanceof ProblemDetail problem) {
			if (answer.getContentType() == null) {
				answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			}
			if (ABOUT_BLANK.equals(problem.getType())) {
				// Spring's own words ("Content-Type 'text/plain' is not supported."): the hall's for the status instead
				ProblemDetail hall = Problems.forStatus(statusCode.value());
				problem.setType(hall.getType());
				problem.setTitle(hall.getTitle());
				problem.setDetail(hall.getDetail());
			}
		}
		return new ResponseEntity<>(body, answer, statusCode);
	}

	private static <T> ResponseEntity<T> answer(ProblemDetail problem) {
		@SuppressWarnings("unchecked")
		T body = (T) problem;
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		StringBuilder detail = new StringBuilder("请更正以下内容后重新提交：");
		errors.forEach(e -> detail.append(e.get("message")).append("；"));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "填写内容有误", detail.toString());
		problem.setProperty("errors", errors);
		return problem;
	}

	static String fieldPath(MismatchedInputException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach(ref -> {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(Problems.shown(ref.getFieldName()));
			}
			else {
				path.append('[').append(ref.getIndex()).append(']');
			}
		});
		return path.toString();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	/** What a parameter's value should be, in words. */
	record Expected(String chinese, String english) {

		static Expected of(Class<?> type) {
			if (type == null) {
				return new Expected("有效的值", "a valid value");
			}
			if (type.isEnum()) {
				return new Expected("以下之一：" + StrictJson.names(type), "one of " + StrictJson.names(type));
			}
			if (type == Integer.class || type == int.class || type == Long.class || type == long.class
					|| type == Short.class || type == short.class) {
				return new Expected("用半角数字书写的整数", "a whole number");
			}
			if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
				return new Expected("用半角数字书写的数（如 600000.00）", "a number such as 600000.00");
			}
			if (type == Boolean.class || type == boolean.class) {
				return new Expected("true 或 false", "true or false");
			}
			if (type == LocalDate.class) {
				return new Expected("日期，写作 2026-01-31", "a date such as 2026-01-31");
			}
			if (Temporal.class.isAssignableFrom(type)) {
				return new Expected("日期和时间，写作 2026-01-31T09:00:00+08:00",
						"a time such as 2026-01-31T09:00:00+08:00");
			}
			return new Expected("有效的值", "a valid value");
		}

	}

}
