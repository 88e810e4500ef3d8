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

	/** Sends the request on a connection of its own, which the server closes after answering. */
	public Response send(Request request) {
		try (Socket socket = new Socket()) {
			connect(socket);
			socket.setSoTimeout(60_000);
			write(socket.getOutputStream(), request, true);
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer to " + request.describe(), ex);
		}
	}

	/** A connection kept alive across requests, as clients do, opened again whenever the server closes it. */
	public Connection connect() {
		return new Connection();
	}

	/** Connects from this client's address, if it has one of its own. */
	private void connect(Socket socket) throws IOException {
		if (this.localAddress != null) {
			socket.bind(new InetSocketAddress(this.localAddress, 0));
		}
		socket.connect(new InetSocketAddress(this.localAddress == null ? "localhost" : "127.0.0.1", this.port), 5_000);
	}

	private void write(OutputStream out, Request request, boolean close) throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.writeBytes(request.method().getBytes(StandardCharsets.US_ASCII));
		message.write(' ');
		message.writeBytes(request.target());
		message.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
		line(message, "Host: localhost:" + this.port);
		if (close) {
			line(message, "Connection: close");
		}
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
	}

	/**
	 * One socket for many requests: each answer is read to the end its {@code Content-Length} or chunks say, and the
	 * socket is opened again after an answer with {@code Connection: close} (Tomcat's after 100 requests, or after a
	 * request it could not read) or when the server closed it while idle.
	 */
	public final class Connection implements AutoCloseable {

		private Socket socket;

		private InputStream in;

		private int opened;

		private Connection() {
		}

		/** How many sockets this connection has opened so far. */
		public int opened() {
			return this.opened;
		}

		public Response send(Request request) {
			try {
				boolean fresh = this.socket == null;
				if (fresh) {
					open();
				}
				write(this.socket.getOutputStream(), request, false);
				Response response = read(request, !fresh);
				if (response == null) {
					// the server had closed the idle socket before this request: nothing of it was read, send it again
					close();
					open();
					write(this.socket.getOutputStream(), request, false);
					response = read(request, false);
				}
				if ("close".equalsIgnoreCase(response.headers().get("connection")) || this.socket == null) {
					close();
				}
				return response;
			}
			catch (IOException | RuntimeException ex) {
				// whatever was left of the answer on the socket would be read as the next one's
				close();
				throw new UncheckedIOException("No answer to " + request.describe(),
						ex instanceof IOException io ? io : new IOException(ex));
			}
		}

		private void open() throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			RawHttp.this.connect(this.socket);
			this.socket.setSoTimeout(60_000);
			this.in = new java.io.BufferedInputStream(this.socket.getInputStream(), 16_384);
			this.opened++;
		}

		/** The answer, or null when a reused socket turned out closed before any byte of one came. */
		private Response read(Request request, boolean reused) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			try {
				while (matched < 4) {
					int b = this.in.read();
					if (b < 0) {
						break;
					}
					head.write(b);
					matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
				}
			}
			catch (java.net.SocketException reset) {
				if (head.size() > 0 || !reused) {
					throw reset;
				}
			}
			if (matched < 4) {
				if (head.size() == 0 && reused) {
					return null;
				}
				throw new IOException(
						"The server closed the connection without an answer: " + printable(head.toByteArray()));
			}
			Response status = parse(head.toByteArray());
			Map<String, String> headers = status.headers();
			byte[] body;
			if (request.method().equals("HEAD") || status.status() == 204 || status.status() == 304) {
				body = new byte[0];
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = readChunks();
			}
			else if (headers.containsKey("content-length")) {
				body = this.in.readNBytes(Integer.parseInt(headers.get("content-length")));
			}
			else {
				body = readAll(this.in);
				close();
			}
			return new Response(status.status(), headers, new String(body, StandardCharsets.UTF_8), status.cookies());
		}

		private byte[] readChunks() throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			while (true) {
				String sizeLine = readLine();
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				if (size == 0) {
					while (!readLine().isEmpty()) {
						// trailers
					}
					return out.toByteArray();
				}
				out.writeBytes(this.in.readNBytes(size));
				readLine();
			}
		}

		private String readLine() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = this.in.read(); b >= 0 && b != '\n'; b = this.in.read()) {
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

		@Override
		public void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ignored) {
					// closing anyway
				}
				this.socket = null;
			}
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
