package cn.example.servicehall.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values kept as JSON in a {@code jsonb} column, written and read with the hall's {@link ObjectMapper}. A value that
 * cannot be written or read back is the hall's own bug, not bad input: it fails as an {@link IllegalStateException}.
 */
public final class JsonColumns {

	private JsonColumns() {
	}

	public static String write(ObjectMapper json, Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static <T> T read(ObjectMapper json, String value, Class<T> type) {
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static <T> T read(ObjectMapper json, String value, TypeReference<T> type) {
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
