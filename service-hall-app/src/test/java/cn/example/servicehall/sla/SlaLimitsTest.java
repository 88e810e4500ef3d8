package cn.example.servicehall.sla;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.ServiceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A step's limit is found by its process and its id in the model: two services may both have a Task_FirstReview. */
class SlaLimitsTest {

	@Test
	void theHallsLimitsBelongToTheLoanProcesses() throws IOException {
		SlaLimits limits = Binder
			.get(new org.springframework.core.env.StandardEnvironment() {
				{
					new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
						.forEach(getPropertySources()::addLast);
				}
			})
			.bind("servicehall.sla.limits", SlaLimits.class)
			.get();
		assertThat(limits.step("ResaleLoanProcess", "Task_AcceptApplication").step().limit()).isEqualTo(2);
		assertThat(limits.step("ResaleLoanProcess", "Task_AcceptApplication").step().unit())
			.isEqualTo(SlaLimits.Unit.WORKING_HOURS);
		assertThat(limits.step("NewHouseLoanProcess", "Task_FirstReview").id()).isEqualTo("Task_FirstReview");
		// another service's first review does not take the loan's limit: the default, as its own stage
		SlaLimits.StepLimit withdrawal = limits.step("WithdrawalProcess", "Task_AcceptApplication");
		assertThat(withdrawal.step()).isEqualTo(limits.defaultStep());
		assertThat(withdrawal.id()).isEqualTo("WithdrawalProcess.Task_AcceptApplication");
	}

	@Test
	void anEntryWithoutProcessesHoldsForEveryProcessAsBefore() {
		SlaLimits limits = bind(Map.of("steps.Task_X.limit", "3", "steps.Task_X.unit", "WORKING_HOURS"));
		assertThat(limits.step("AnyProcess", "Task_X").step().limit()).isEqualTo(3);
		assertThat(limits.step("AnyProcess", "Task_X").id()).isEqualTo("Task_X");
		assertThat(limits.step("AnyProcess", "Task_Y").id()).isEqualTo("Task_Y");
	}

	@Test
	void anotherProcessesStepOfTheSameIdHasItsOwnEntry() {
		SlaLimits limits = bind(Map.of("steps.Task_FirstReview.limit", "1", "steps.Task_FirstReview.processes",
				"ResaleLoanProcess", "steps.withdrawal-first-review.task", "Task_FirstReview",
				"steps.withdrawal-first-review.processes", "WithdrawalProcess", "steps.withdrawal-first-review.limit",
				"30", "steps.withdrawal-first-review.unit", "WORKING_MINUTES", "steps.withdrawal-first-review.agency",
				"HPF"));
		assertThat(limits.step("ResaleLoanProcess", "Task_FirstReview").step().limit()).isEqualTo(1);
		SlaLimits.StepLimit withdrawal = limits.step("WithdrawalProcess", "Task_FirstReview");
		assertThat(withdrawal.step().limit()).isEqualTo(30);
		assertThat(withdrawal.step().agency()).isEqualTo(Agency.HPF);
		assertThat(withdrawal.id()).isEqualTo("withdrawal-first-review");
		assertThat(limits.step("withdrawal-first-review").limit()).isEqualTo(30);
	}

	@Test
	void aSpanNamingNoServicesHoldsForEveryServiceAlsoOneRegisteredLater() {
		SlaLimits limits = bind(Map.of("spans[0].id", "any-acceptance", "spans[0].from", "SUBMITTED", "spans[0].to",
				"ACCEPTED", "spans[1].id", "loan-only", "spans[1].services", "RESALE_LOAN", "spans[1].from", "SUBMITTED",
				"spans[1].to", "ACCEPTED"));
		ServiceType certificate = ServiceType.valueOf("DEPOSIT_CERTIFICATE");
		assertThat(limits.spansStartedBy(certificate, "SUBMITTED", "SUBMITTED")).extracting(SlaLimits.Span::id)
			.containsExactly("any-acceptance");
		assertThat(limits.spansStartedBy(ServiceType.RESALE_LOAN, "SUBMITTED", "SUBMITTED")).extracting(SlaLimits.Span::id)
			.containsExactlyInAnyOrder("any-acceptance", "loan-only");
	}

	@Test
	void twoEntriesForOneStepOfOneProcessStopTheStart() {
		assertThatThrownBy(() -> bind(Map.of("steps.a.task", "Task_X", "steps.a.processes", "P", "steps.b.task",
				"Task_X", "steps.b.processes", "Q,P")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("Task_X")
			.hasMessageContaining("P");
	}

	private static SlaLimits bind(Map<String, String> properties) {
		Map<String, String> prefixed = new java.util.HashMap<>();
		properties.forEach((k, v) -> prefixed.put("servicehall.sla.limits." + k, v));
		return new Binder(ConfigurationPropertySources.from(new org.springframework.core.env.MapPropertySource("t",
				Map.copyOf(prefixed))))
			.bindOrCreate("servicehall.sla.limits", SlaLimits.class);
	}

}
