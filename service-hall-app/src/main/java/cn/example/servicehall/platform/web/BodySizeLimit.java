package cn.example.servicehall.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above the limit (413, before anything reads it) for everything but uploads, which have their
 * own limits per file ({@code servicehall.materials}, the verification page): no form or JSON the hall takes comes
 * near it ({@code servicehall.web.max-body-size}, 1 MB). A body that says its length is refused on that; one sent
 * in chunks is read up to the limit and refused once it passes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class BodySizeLimit extends OncePerRequestFilter {

	private final long limit;

	BodySizeLimit(@Value("${servicehall.web.max-body-size:1MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (exempt(request)) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.limit) {
			refuse(request, response);
			return;
		}
		if (length < 0 && request.getHeader("Transfer-Encoding") != null && !form(request)) {
			byte[] body = request.getInputStream().readNBytes((int) this.limit + 1);
			if (body.length > this.limit) {
				refuse(request, response);
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** A form's body is read by the container for its parameters (within {@code server.tomcat.max-http-form-post-size}). */
	private static boolean form(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null
				&& contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	private static boolean exempt(HttpServletRequest request) {
		String contentType = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))
				|| path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "请求内容过大",
				"请求内容超过 " + (this.limit / 1024) + " KB，未被读取。表单和 JSON 请求不会这么大，请检查发送的内容（上传文件请用 multipart/form-data）。"
						+ " The request body is over " + (this.limit / 1024) + " KB and was not read.");
		request.setAttribute(Problems.ATTRIBUTE, problem);
		response.setHeader("Connection", "close");
		response.sendError(problem.getStatus(), problem.getDetail());
	}

	/** The request with the body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}
			};
		}

	}

}
