package cn.example.servicehall.platform.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What JSON the hall's API accepts, for every request body at once: the types a field declares and nothing Jackson
 * would quietly make of something else. A boolean is {@code true} or {@code false}, not {@code 1} or
 * {@code "true"}; an enum is one of its names, not its position ({@code 0} or {@code "0"}); a whole number is not
 * {@code 240.5}; a number written as a string uses the ASCII digits 0-9 ({@code "１２３"} and {@code "٦٠٠"} are
 * numbers to Java, not to the fund's systems) and stays within 30 digits before and after the point; text obeys
 * {@link ControlCharacters}; a field is given once (which of two would count?); nothing follows the JSON value.
 * Each refusal is a {@link RefusedValue} that knows its field, so the API answers 400 naming it
 * ({@link ProblemDetailsAdvice}); a field given twice is named too.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

	/** Digits a number may be written with when it comes as a string: ASCII only, with an optional exponent. */
	private static final Pattern ASCII_NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

	private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

	/** More digits than any amount, rate or count the hall handles, and few enough to compute with safely. */
	static final int MAX_DIGITS = 30;

	@Bean
	Module strictJsonModule() {
		return module();
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonFeatures() {
		return builder -> builder
			.featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.postConfigurer(StrictJson::coercions);
	}

	/** The deserializers; with {@link #coercions(ObjectMapper)}, the whole rule (also for plain mappers in tests). */
	public static Module module() {
		SimpleModule module = new SimpleModule("servicehall-strict-json");
		module.setDeserializerModifier(new Checks());
		return module;
	}

	/** No conversions between JSON's types: booleans, whole numbers and text stay what they are. */
	public static void coercions(ObjectMapper mapper) {
		mapper.coercionConfigFor(LogicalType.Boolean)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Enum)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
	}

	/**
	 * A value refused by the hall's own rules, with the reason in words; Jackson adds the field's path on its way
	 * out.
	 */
	public static final class RefusedValue extends InvalidFormatException {

		private final String reason;

		RefusedValue(JsonParser parser, String reason, Class<?> targetType) {
			super(parser, reason, null, targetType);
			this.reason = reason;
		}

		/** What is wrong, in Chinese then English, to follow the field's name. */
		public String reason() {
			return this.reason;
		}

	}

	private static final class Checks extends BeanDeserializerModifier {

		@Override
		public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
				JsonDeserializer<?> deserializer) {
			Class<?> type = description.getBeanClass();
			if (type == String.class) {
				return new Checked(deserializer, (parser, value) -> text(parser, value));
			}
			if (Number.class.isAssignableFrom(type) || isPrimitiveNumber(type)) {
				return new Checked(deserializer, (parser, value) -> number(parser, value, type));
			}
			return deserializer;
		}

		@Override
		public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
				BeanDescription description, JsonDeserializer<?> deserializer) {
			return new Checked(deserializer, (parser, value) -> byName(parser, value, type.getRawClass()));
		}

		@Override
		public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
				KeyDeserializer deserializer) {
			if (type.getRawClass() != String.class) {
				return deserializer;
			}
			return new KeyDeserializer() {
				@Override
				public Object deserializeKey(String key, DeserializationContext context) throws IOException {
					text(context.getParser(), key);
					return deserializer.deserializeKey(key, context);
				}
			};
		}

		private static boolean isPrimitiveNumber(Class<?> type) {
			return type == int.class || type == long.class || type == short.class || type == byte.class
					|| type == double.class || type == float.class;
		}

	}

	/**
	 * A check of one value: called with {@code null} before Jackson reads the value (the parser on its token), and
	 * with the value after.
	 */
	private interface Check {

		void check(JsonParser parser, Object value) throws IOException;

	}

	/** Jackson's own deserializer for the type, with the hall's check before and after it. */
	private static final class Checked extends DelegatingDeserializer {

		private final Check check;

		Checked(JsonDeserializer<?> standard, Check check) {
			super(standard);
			this.check = check;
		}

		@Override
		protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
			return new Checked(delegate, this.check);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			this.check.check(parser, null);
			Object value = super.deserialize(parser, context);
			this.check.check(parser, value);
			return value;
		}

	}

	/** Text without control characters or lone surrogates. */
	private static void text(JsonParser parser, Object value) throws IOException {
		if (value instanceof String text && ControlCharacters.find(text).isPresent()) {
			throw new RefusedValue(parser, ControlCharacters.problem(text).orElseThrow(), String.class);
		}
	}

	/** Numbers in ASCII digits and of a size the hall can compute with. */
	private static void number(JsonParser parser, Object value, Class<?> type) throws IOException {
		if (value == null && parser.hasToken(JsonToken.VALUE_STRING)) {
			String text = parser.getText().strip();
			if (!text.isEmpty() && !ASCII_NUMBER.matcher(text).matches()) {
				throw new RefusedValue(parser, "须为用半角阿拉伯数字 0-9 书写的数字（不能用全角或其他文字的数字）。"
						+ " must be a number written with the digits 0-9.", type);
			}
		}
		if (value instanceof BigDecimal number
				&& (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS)) {
			throw new RefusedValue(parser, "数值超出可处理的范围（整数部分和小数部分各最多 " + MAX_DIGITS + " 位）。"
					+ " is out of range (at most " + MAX_DIGITS + " digits before and after the point).", type);
		}
	}

	/** An enum by its name only: neither its position ({@code 0}) nor its position as text ({@code "0"}). */
	private static void byName(JsonParser parser, Object value, Class<?> type) throws IOException {
		if (value == null && (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
				|| (parser.hasToken(JsonToken.VALUE_STRING) && DIGITS.matcher(parser.getText().strip()).matches()))) {
			throw new RefusedValue(parser, "须为以下名称之一：" + names(type) + "（不能用序号）。 must be one of " + names(type)
					+ ", by name.", type);
		}
	}

	/** The names an enum accepts, for messages: {@code EQUAL_INSTALMENT、EQUAL_PRINCIPAL}. */
	static String names(Class<?> enumType) {
		Object[] constants = enumType.getEnumConstants();
		return constants == null ? "" : Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("、"));
	}

}
