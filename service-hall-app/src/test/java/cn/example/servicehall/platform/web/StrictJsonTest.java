package cn.example.servicehall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The JSON the API accepts: what a field declares, written as JSON writes it, and nothing that could not be read back. */
class StrictJsonTest {

	enum Method {

		EQUAL_INSTALMENT, EQUAL_PRINCIPAL

	}

	record Loan(String name, Boolean firstHome, boolean married, Method method, BigDecimal amount, Integer months,
			int count, Map<String, Boolean> materials, List<String> notes) {
	}

	record Wrapper(Loan loan) {
	}

	private final ObjectMapper json = strict();

	static ObjectMapper strict() {
		ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().modulesToInstall(StrictJson.module()).build();
		StrictJson.coercions(mapper);
		mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		return mapper;
	}

	@Test
	void readsWhatAClientShouldSend() throws Exception {
		Loan loan = this.json.readValue("""
				{"name":"张伟\\t(配偶)\\n","firstHome":true,"married":false,"method":"EQUAL_PRINCIPAL","amount":"600000.00",
				 "months":240,"count":"3","materials":{"BORROWER_ID":true},"notes":["𪚥 is one character"]}""", Loan.class);

		assertThat(loan.name()).isEqualTo("张伟\t(配偶)\n");
		assertThat(loan.firstHome()).isTrue();
		assertThat(loan.method()).isEqualTo(Method.EQUAL_PRINCIPAL);
		assertThat(loan.amount()).isEqualByComparingTo("600000");
		assertThat(loan.months()).isEqualTo(240);
		assertThat(loan.count()).isEqualTo(3);
		assertThat(loan.notes()).containsExactly("𪚥 is one character");
		assertThat(this.json.readValue("{\"amount\":6.5E+5,\"months\":\"240\"}", Loan.class).amount())
			.isEqualByComparingTo("650000");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			firstHome as a number         | {"loan":{"firstHome":1}}                 | loan.firstHome
			firstHome as text             | {"loan":{"firstHome":"true"}}            | loan.firstHome
			a primitive boolean as 0      | {"loan":{"married":0}}                   | loan.married
			an enum by position           | {"loan":{"method":0}}                    | loan.method
			an enum by position as text   | {"loan":{"method":"1"}}                  | loan.method
			full-width digits             | {"loan":{"amount":"６０００００"}}         | loan.amount
			Arabic-Indic digits           | {"loan":{"amount":"٦٠٠٠٠٠"}}             | loan.amount
			full-width digits for an int  | {"loan":{"months":"２４０"}}              | loan.months
			a fraction for a whole number | {"loan":{"months":240.5}}                | loan.months
			a huge exponent               | {"loan":{"amount":1e999999999}}          | loan.amount
			a huge exponent as text       | {"loan":{"amount":"1e999999999"}}        | loan.amount
			a tiny exponent               | {"loan":{"amount":1e-999999999}}         | loan.amount
			NUL in text                   | {"loan":{"name":"张\\u0000伟"}}           | loan.name
			a bell in text                | {"loan":{"name":"a\\u0007"}}              | loan.name
			a lone surrogate              | {"loan":{"name":"\\ud800"}}               | loan.name
			NUL in a list                 | {"loan":{"notes":["ok","\\u0000"]}}       | loan.notes[1]
			NUL in a map key              | {"loan":{"materials":{"\\u0000":true}}}   | loan.materials
			a boolean map value as 1      | {"loan":{"materials":{"BORROWER_ID":1}}}  | loan.materials.BORROWER_ID
			""")
	void refusesAndNamesTheField(String what, String body, String field) {
		assertThatThrownBy(() -> this.json.readValue(body, Wrapper.class)).isInstanceOf(MismatchedInputException.class)
			.satisfies(ex -> assertThat(path((MismatchedInputException) ex)).isEqualTo(field));
	}

	@Test
	void saysWhyInWordsAClerkUnderstands() {
		assertThatThrownBy(() -> this.json.readValue("{\"name\":\"张\\u0000伟\"}", Loan.class))
			.isInstanceOfSatisfying(StrictJson.RefusedValue.class,
					ex -> assertThat(ex.reason()).startsWith("含有不可见的控制字符 U+0000"));
		assertThatThrownBy(() -> this.json.readValue("{\"method\":0}", Loan.class))
			.isInstanceOfSatisfying(StrictJson.RefusedValue.class,
					ex -> assertThat(ex.reason()).startsWith("须为以下名称之一：EQUAL_INSTALMENT、EQUAL_PRINCIPAL"));
		assertThatThrownBy(() -> this.json.readValue("{\"amount\":\"１２３\"}", Loan.class))
			.isInstanceOfSatisfying(StrictJson.RefusedValue.class,
					ex -> assertThat(ex.reason()).startsWith("须为用半角阿拉伯数字 0-9 书写的数字"));
		assertThatThrownBy(() -> this.json.readValue("{\"firstHome\":1}", Loan.class))
			.isInstanceOf(InvalidFormatException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}x", "{} {}" })
	void refusesAnythingAfterTheValue(String body) {
		assertThatThrownBy(() -> this.json.readValue(body, Loan.class)).isInstanceOf(JsonProcessingException.class);
	}

	record Named(String name) {
	}

	@Test
	void refusesAFieldGivenTwice() {
		Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json().modulesToInstall(StrictJson.module());
		new StrictJson().strictJsonFeatures().customize(builder);
		ObjectMapper hall = builder.build();

		// which of the two would count? Jackson would set the first and fail on the second, a record has no setter
		assertThatThrownBy(() -> hall.readValue("{\"name\":null,\"name\":\"张伟\"}", Named.class))
			.isInstanceOf(JsonParseException.class)
			.hasMessageStartingWith("Duplicate field 'name'");
	}

	private static String path(MismatchedInputException ex) {
		return ProblemDetailsAdvice.fieldPath(ex);
	}

}
