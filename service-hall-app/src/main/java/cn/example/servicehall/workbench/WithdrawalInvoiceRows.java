package cn.example.servicehall.workbench;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The counter's withdrawal form has a few invoice rows, most left empty: its posts reach the form's binding with the
 * empty rows left out and the others numbered from 0, so an empty row is no invoice (and not an invoice without an
 * amount) and a gap is no missing invoice.
 */
@Component
class WithdrawalInvoiceRows extends OncePerRequestFilter {

	private static final Pattern ROW = Pattern.compile("claim\\.invoices\\[(\\d+)]\\.(.+)");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI()
			.substring(request.getContextPath().length())
			.startsWith("/withdrawals");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Rows(request, rowsKept(request.getParameterMap())), response);
	}

	/** The parameters with the empty invoice rows left out and the others numbered 0, 1, 2 … */
	static Map<String, String[]> rowsKept(Map<String, String[]> parameters) {
		Map<String, String[]> kept = new LinkedHashMap<>();
		Map<Integer, Map<String, String[]>> rows = new TreeMap<>();
		parameters.forEach((name, values) -> {
			Matcher row = ROW.matcher(name);
			if (row.matches()) {
				rows.computeIfAbsent(Integer.valueOf(row.group(1)), i -> new LinkedHashMap<>()).put(row.group(2), values);
			}
			else {
				kept.put(name, values);
			}
		});
		int next = 0;
		for (Map<String, String[]> row : rows.values()) {
			boolean empty = row.values().stream().flatMap(java.util.Arrays::stream).allMatch(v -> v == null || v.isBlank());
			if (!empty) {
				int index = next++;
				row.forEach((field, values) -> kept.put("claim.invoices[" + index + "]." + field, values));
			}
		}
		return Collections.unmodifiableMap(kept);
	}

	private static final class Rows extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Rows(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = parameters;
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
