package cn.example.servicehall.platform.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.boot.test.system.CapturedOutput;

import cn.example.servicehall.support.RawHttp;
import cn.example.servicehall.support.RawHttp.Request;
import cn.example.servicehall.support.RawHttp.Response;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.TestTokens;

/**
 * What hostile and careless clients send, for the tests that send it ({@link HostileRequestsIT},
 * {@link OpenApiFuzzIT}): values that spoil a JSON field, whole bodies that are not the JSON asked for, odd
 * {@code Accept} and {@code Content-Type} headers, bad {@code Idempotency-Key}s and bearer tokens; a JSON writer that
 * writes whatever it is given (lone surrogates, numbers no Java type holds); and the little helpers both use. Every
 * choice is drawn from the caller's {@link Random}, so a seeded run sends the same requests again.
 */
final class HostileInput {

	private HostileInput() {
	}

	/** JSON written as it is, e.g. a number no Java type holds. */
	record Raw(String json) {
	}

	static final Map<String, Function<Random, Object>> VALUES = new LinkedHashMap<>();

	static {
		VALUES.put("nul", r -> "张\u0000伟");
		VALUES.put("control", r -> "a" + (char) (1 + r.nextInt(31)) + "b");
		VALUES.put("delete", r -> "a\u007fb");
		VALUES.put("lone-surrogate", r -> r.nextBoolean() ? "\ud800" : "x\udc00y");
		VALUES.put("full-width-digits", r -> r.nextBoolean() ? "６０００００.００" : "２４０");
		VALUES.put("other-digits", r -> "٦٠٠٠٠٠");
		VALUES.put("full-width-number-raw", r -> new Raw("\"１２３\""));
		VALUES.put("huge-number", r -> new Raw(
				r.nextBoolean() ? "1e999999999" : "123456789012345678901234567890123456789012345678901234567890"));
		VALUES.put("tiny-number", r -> new Raw("1e-999999999"));
		VALUES.put("huge-exponent-string", r -> "1e999999999");
		VALUES.put("long-number", r -> new Raw("1" + "0".repeat(1500)));
		VALUES.put("negative", r -> new Raw("-1"));
		VALUES.put("zero", r -> new Raw("0"));
		VALUES.put("one", r -> new Raw("1"));
		VALUES.put("fraction", r -> new Raw("240.5"));
		VALUES.put("int-overflow", r -> new Raw("2147483648"));
		VALUES.put("true", r -> Boolean.TRUE);
		VALUES.put("string-true", r -> "true");
		VALUES.put("null", r -> null);
		VALUES.put("empty", r -> "");
		VALUES.put("blank", r -> "   ");
		VALUES.put("array", r -> new ArrayList<>(List.of(1, "a")));
		VALUES.put("object", r -> new LinkedHashMap<>(Map.of("a", 1)));
		VALUES.put("deep", r -> new Raw("[".repeat(3000) + "]".repeat(3000)));
		VALUES.put("long-text", r -> "长".repeat(20_000));
		VALUES.put("ordinal", r -> new Raw("0"));
		VALUES.put("lower-case-enum", r -> "approve");
		VALUES.put("enum-with-nul", r -> "APPROVE\u0000");
		VALUES.put("injection", r -> "'; drop table intake_case; --");
		VALUES.put("template", r -> "${jndi:ldap://x}{{7*7}}");
		VALUES.put("bad-date", r -> "2026-02-30");
		VALUES.put("rtl", r -> "\u202e张伟");
	}

	static byte[] body(Random random) {
		return switch (random.nextInt(20)) {
			case 0 -> new byte[0];
			case 1 -> ascii("null");
			case 2 -> ascii("[]");
			case 3 -> ascii("{");
			case 4 -> ascii("{\"a\":");
			case 5 -> ascii("[".repeat(100_000));
			case 6 -> ascii("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
			case 7 -> concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, ascii("{}"));
			case 8 -> new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' };
			case 9 -> "{\"reason\":\"撤回\"}".getBytes(StandardCharsets.UTF_16);
			case 10 -> new byte[] { '{', '"', 'a', '"', ':', '"', 0, '"', '}' };
			case 11 -> ascii("{\"a\":1,\"a\":2}");
			case 12 -> ascii("{}x");
			case 13 -> ascii("1e999999999");
			case 14 -> ascii("\"string\"");
			case 15 -> ascii("NaN");
			case 16 -> ascii("{\"a\":\"\\u0000\"}");
			case 17 -> ascii("<?xml version=\"1.0\"?><a/>");
			case 18 -> ascii("a=1&b=%00");
			default -> ascii("{\"down\":1,\"outcome\":0,\"firstHome\":1,\"reason\":\"\\ud800\"}");
		};
	}

	static byte[] json(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Raw raw) {
			out.append(raw.json());
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ",");
				first = false;
				write(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append(i == 0 ? "" : ",");
				write(list.get(i), out);
			}
			out.append(']');
		}
		else if (value instanceof String text) {
			out.append('"');
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20 || Character.isSurrogate(c)) {
					// escaped: a lone surrogate cannot be written as UTF-8, only as \\uXXXX
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			out.append('"');
		}
		else {
			out.append(value);
		}
	}

	static final String[] ACCEPTS = { "*/*", "application/*", "text/html", "application/xml", "application/pdf",
			"image/png", ";;;", "application/json;q=abc", "text/*", "application/problem+json", "", null };

	static final String[] CONTENT_TYPES = { "application/*", "*/*", "application/json; charset=NOPE",
			"application/json; charset=UTF-16", "text/plain", "application/xml", "application/x-www-form-urlencoded",
			"multipart/form-data", "multipart/form-data; boundary=x", "application/problem+json",
			"application/merge-patch+json", ";;", "application/json;", "", "application", "text/html; charset=utf-8",
			"application/json; charset=\"", "application/cbor", "application/json; charset=ISO-8859-1", null };

	/** Path variables that name nothing, or nothing sane. */
	static final String[] PATH_VALUES = { "DK2026010199999", "abc", enc("中文"), "DK" + "9".repeat(60),
			"%20", "%01", "%7F", enc("１２３"), "'%20or%201=1", "%3Cscript%3E", "-1", "0", "a".repeat(300) };

	/** Query values, already encoded where they must be. */
	static final String[] QUERY_VALUES = { "", "-1", "0", "1e999999999", "99999999999999999999999",
			"abc", "%01", "%0a", "%ZZ", "%", enc("６０００００"), enc("١٢"), "1", "true", "TRUE", "yes", "2026-13-45",
			enc("中文"), "x".repeat(5000), "EQUAL_INSTALMENT%00", "0x10", "NaN", "Infinity", "1.5", enc("\u202e") };

	/** An {@code Idempotency-Key}: three times in four a fresh one, else a malformed one. */
	static Request idempotencyKey(Request request, Random random, Supplier<UUID> fresh) {
		int kind = random.nextInt(100);
		if (kind < 75) {
			return request.header("Idempotency-Key", fresh.get().toString());
		}
		return switch (kind % 8) {
			case 0 -> request.header("Idempotency-Key", "幂等键-" + fresh.get());
			case 1 -> request.header("Idempotency-Key", ("clé-" + fresh.get()).getBytes(StandardCharsets.ISO_8859_1));
			case 2 -> request.header("Idempotency-Key", "");
			case 3 -> request.header("Idempotency-Key", "k".repeat(300));
			case 4 -> request.header("Idempotency-Key", "a\tb");
			case 5 -> request.header("Idempotency-Key", new byte[] { 'k', 1, 'y' });
			case 6 -> request.header("Idempotency-Key", "%00" + fresh.get());
			default -> request.header("Idempotency-Key", new byte[] { 'k', (byte) 0x85, (byte) 0xff });
		};
	}

	/** An {@code Authorization} header that is not a valid bearer token, or not one at all. */
	static String badAuthorization(Random random, String token) {
		return new Dice(random).pick("Bearer", "Bearer ", "Bearer x.y.z", "Basic YWRtaW46YWRtaW4=",
				"Bearer " + token + "x", "Bearer " + EXPIRED, "Bearer " + FORGED, "bearer " + token,
				"Bearer " + token.substring(0, 40));
	}

	private static final String EXPIRED = TestTokens.expired("late", Groups.SYSTEM_ADMIN);

	private static final String FORGED = TestTokens.forged("forger", Groups.SYSTEM_ADMIN);

	/** The choices of a run, drawn one after the other from its seeded {@link Random}. */
	static class Dice {

		protected final Random random;

		Dice(Random random) {
			this.random = random;
		}

		boolean chance(int percent) {
			return this.random.nextInt(100) < percent;
		}

		@SafeVarargs
		final <T> T pick(T... values) {
			return values[this.random.nextInt(values.length)];
		}

		<T> T pick(List<T> values) {
			return values.get(this.random.nextInt(values.size()));
		}

	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() > 240 ? oneLine.substring(0, 240) + "…" : oneLine;
	}

	static int errorLines(CapturedOutput output) {
		return (int) output.getAll().lines().filter(line -> line.contains(" ERROR ")).count();
	}

}
