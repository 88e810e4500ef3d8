package cn.example.servicehall.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the caller writes it: request lines with {@code %00} or raw control
 * characters, headers with bytes that are not ASCII, bodies in any encoding. {@code java.net.http} and Spring's
 * clients refuse to send such requests, so a client that does send them has to be this simple. It can also speak
 * from another address of this machine ({@code 127.0.0.2}, {@code 127.0.0.3} …), as another client would.
 */
public final class RawHttp {

	private final String localAddress;

	private final int port;

	/** A client of {@code localhost:port}. */
	public RawHttp(int port) {
		this(null, port);
	}

	/**
	 * A client of {@code 127.0.0.1:port} whose connections come from {@code localAddress}, a loopback address such as
	 * {@code 127.0.0.2} (Linux answers the whole of 127.0.0.0/8), so that the server sees another client.
	 */
	public RawHttp(String localAddress, int port) {
		this.localAddress = localAddress;
		this.port = port;
	}

	/** A request: method, target and headers as raw bytes; {@code Host}, {@code Content-Length} and {@code Connection} are added. */
	public record Request(String method, byte[] target, List<byte[]> headers, byte[] body) {

		public Request {
			headers = List.copyOf(headers);
		}

		public static Request of(String method, String target) {
			return new Request(method, target.getBytes(StandardCharsets.UTF_8), List.of(), null);
		}

		public Request header(String name, String value) {
			return header(name, value.getBytes(StandardCharsets.UTF_8));
		}

		/** A header whose value is these bytes, whatever they are. */
		public Request header(String name, byte[] value) {
			List<byte[]> more = new ArrayList<>(this.headers);
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			line.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
			line.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
			line.writeBytes(value);
			more.add(line.toByteArray());
			return new Request(this.method, this.target, more, this.body);
		}

		public Request body(byte[] body) {
			return new Request(this.method, this.target, this.headers, body);
		}

		public String targetText() {
			return new String(this.target, StandardCharsets.ISO_8859_1);
		}

		/** The request as a person would read it in a report: non-printable bytes escaped. */
		public String describe() {
			StringBuilder out = new StringBuilder(this.method).append(' ').append(printable(this.target));
			for (byte[] header : this.headers) {
				String text = printable(header);
				out.append(" | ").append(text.length() > 80 ? text.substring(0, 80) + "…" : text);
			}
			if (this.body != null) {
				String text = printable(this.body);
				out.append(" | body ").append(text.length() > 160 ? text.substring(0, 160) + "…" : text);
			}
			return out.toString();
		}

	}

	/**
	 * An answer: status, headers by lower-case name (the first of each), the body as text, and every
	 * {@code Set-Cookie} as its {@code name=value}.
	 */
	public record Response(int status, Map<String, String> headers, String body, List<String> cookies) {

		public Response {
			cookies = List.copyOf(cookies);
		}

		public String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

		public boolean isProblem() {
			return contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
		}

		public boolean isHtml() {
			return contentType().toLowerCase(Locale.ROOT).startsWith("text/html");
		}

	}

	public Response send(Request request) {
		try (Socket socket = new Socket()) {
			if (this.localAddress != null) {
				socket.bind(new InetSocketAddress(this.localAddress, 0));
			}
			socket.connect(new InetSocketAddress(this.localAddress == null ? "localhost" : "127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream message = new ByteArrayOutputStream();
			message.writeBytes(request.method().getBytes(StandardCharsets.US_ASCII));
			message.write(' ');
			message.writeBytes(request.target());
			message.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
			line(message, "Host: localhost:" + this.port);
			line(message, "Connection: close");
			for (byte[] header : request.headers()) {
				message.writeBytes(header);
				message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			if (request.body() != null) {
				line(message, "Content-Length: " + request.body().length);
			}
			message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(message.toByteArray());
			if (request.body() != null) {
				try {
					out.write(request.body());
				}
				catch (IOException refusedEarly) {
					// the server may answer and close before reading a large body; its answer is still there
				}
			}
			out.flush();
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer to " + request.describe(), ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				all.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketException reset) {
			// a connection reset after the answer (the server closed with unread request bytes)
			if (all.size() == 0) {
				throw reset;
			}
		}
		return all.toByteArray();
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			throw new IllegalStateException("Not an HTTP answer: " + printable(raw));
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> cookies = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = lines[i].substring(colon + 1).trim();
			headers.putIfAbsent(name, value);
			if (name.equals("set-cookie")) {
				cookies.add(value.split(";", 2)[0].trim());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8), cookies);
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, at);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
			int size = Integer.parseInt(sizeText, 16);
			if (size == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static void line(ByteArrayOutputStream message, String line) {
		message.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
	}

	public static String printable(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		String text = new String(bytes, StandardCharsets.UTF_8);
		text.codePoints().limit(400).forEach(c -> {
			if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfffd) {
				out.append(String.format("\\x%02x", c & 0xff));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
