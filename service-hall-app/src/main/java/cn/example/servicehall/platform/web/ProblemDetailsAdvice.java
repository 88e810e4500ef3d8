package cn.example.servicehall.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the hall's API as an RFC 9457 problem detail with a message a clerk can act on. Invalid fields are
 * listed one by one under {@code errors}. An unexpected failure answers with a reference number to quote and
 * nothing of the stack trace, which goes to the log under the same number.
 */
@RestControllerAdvice(basePackages = "cn.example.servicehall")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
					"message", String.valueOf(error.getDefaultMessage())))));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "请求内容不是有效的 JSON，或字段类型不对。The request body is not valid JSON or a field has the wrong type.";
		if (ex.getCause() instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
			detail = "字段 " + fieldPath(format) + " 的值 “" + format.getValue() + "” 格式不对。"
					+ "The value of " + fieldPath(format) + " has the wrong format.";
		}
		else if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			detail = "字段 " + fieldPath(mismatch) + " 的类型不对。The field " + fieldPath(mismatch) + " has the wrong type.";
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-request", "请求无法读取", detail);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		String header = ex.getHeaderName();
		String detail = "缺少请求头 " + header + "。";
		if ("Idempotency-Key".equalsIgnoreCase(header)) {
			detail += "创建业务的请求必须带一个唯一的 Idempotency-Key（例如 UUID），重试时使用同一个值，以免重复建案。"
					+ " Requests that create something need an Idempotency-Key (e.g. a UUID); reuse it when retrying.";
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "missing-header", "缺少请求头", detail));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getConstraintViolations()
			.forEach(v -> errors.add(Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage())));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/**
	 * Two requests did the same step at once (a double submission from two counters): the database kept the first,
	 * the second is told so instead of failing. Nothing was saved twice.
	 */
	@ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> doneAtTheSameTime(org.springframework.dao.DuplicateKeyException ex) {
		log.info("A concurrent request did the same first: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "done-concurrently", "已由另一请求办理",
					"同一事项刚刚已由另一请求办理，请刷新后查看办件的最新状态。 Another request did this at the same time; reload the case."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected failure, reference {}", reference, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "系统内部错误",
				"处理请求时发生意外错误，业务数据未受影响。请稍后重试；如仍失败，请将参考号 " + reference
						+ " 告知系统管理员。An unexpected error occurred; quote reference " + reference + ".");
		problem.setProperty("reference", reference);
		return ResponseEntity.internalServerError().body(problem);
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		StringBuilder detail = new StringBuilder("请更正以下内容后重新提交：");
		errors.forEach(e -> detail.append(e.get("message")).append("；"));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "填写内容有误", detail.toString());
		problem.setProperty("errors", errors);
		return problem;
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

	private static String fieldPath(MismatchedInputException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach(ref -> {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
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

}
