package cn.example.servicehall.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.loan.process.LoanStages;
import cn.example.servicehall.loan.process.NewHouseLoanProcess;
import cn.example.servicehall.loan.process.ResaleLoanProcess;

/**
 * Models and code meet only in strings. This proves the strings match: every bean a model names exists, every
 * candidate group is a hall group, every process keeps history for a reviewed time, and every id a contract class
 * names is in its model.
 */
@ServiceHallIntegrationTest
class BpmnWiringIT {

	private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ProcessModelDeployment deployment;

	@Test
	void everyDelegateExpressionNamesABeanOfTheHall() throws IOException {
		List<String> beans = new ArrayList<>();
		for (BpmnModelInstance model : models().values()) {
			for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
				String expression = task.getCamundaDelegateExpression();
				assertThat(expression).as(task.getId() + " calls a bean, not a class or a script").isNotNull();
				Matcher bean = BEAN_EXPRESSION.matcher(expression);
				assertThat(bean.matches()).as(task.getId() + ": " + expression + " names a bean and nothing more").isTrue();
				beans.add(bean.group(1));
			}
		}
		assertThat(beans).isNotEmpty().allSatisfy(name -> assertThat(this.context.containsBean(name)).as(name).isTrue());
	}

	@Test
	void everyCandidateGroupIsAHallGroupAndAGroupOfTheRealm() throws IOException {
		java.util.Set<String> realmGroups = new java.util.HashSet<>();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("keycloak/service-hall-realm.json")) {
			new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
				.get("groups")
				.forEach(group -> realmGroups.add(group.get("name").asText()));
		}
		for (BpmnModelInstance model : models().values()) {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				assertThat(task.getCamundaCandidateGroupsList()).as(task.getId()).isNotEmpty()
					.allSatisfy(group -> assertThat(Groups.ALL).contains(group))
					.allSatisfy(group -> assertThat(realmGroups).contains(group));
			}
		}
	}

	@Test
	void everyProcessKeepsHistoryForAReviewedTime() throws IOException {
		for (BpmnModelInstance model : models().values()) {
			for (Process process : model.getModelElementsByType(Process.class)) {
				assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).matches("P\\d+D");
			}
		}
	}

	@Test
	void theLoanContractsMatchTheirModels() throws Exception {
		assertContract(ResaleLoanProcess.RESOURCE, ResaleLoanProcess.KEY, ResaleLoanProcess.class, LoanStages.class);
		assertContract(NewHouseLoanProcess.RESOURCE, NewHouseLoanProcess.KEY, NewHouseLoanProcess.class);
		BpmnModelInstance newHouse = models().get(NewHouseLoanProcess.RESOURCE);
		for (String shared : java.util.List.of(LoanStages.TASK_RECORD_ACCEPTANCE, LoanStages.TASK_FIRST_REVIEW,
				LoanStages.TASK_APPROVE_LOAN, LoanStages.TASK_SIGN_AT_FUND_CENTRE, LoanStages.TASK_SIGN_AT_BANK,
				LoanStages.TASK_SIGN_AT_GUARANTOR, LoanStages.TASK_DISBURSE_LOAN)) {
			assertThat((Object) newHouse.getModelElementById(shared)).as("new-house model: " + shared).isNotNull();
		}
		assertThat(newHouse.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
			.extracting(org.camunda.bpm.model.bpmn.instance.Message::getName)
			.contains(NewHouseLoanProcess.MSG_SIGNING_CHECKED_IN);
		BpmnModelInstance resale = models().get(ResaleLoanProcess.RESOURCE);
		// the correction round and the withdrawal are correlated alike on both loans (LoanWorkflow)
		for (String message : java.util.List.of(LoanStages.MSG_MATERIALS_SUPPLEMENTED, LoanStages.MSG_APPLICATION_WITHDRAWN)) {
			for (BpmnModelInstance model : java.util.List.of(resale, newHouse)) {
				assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
					.extracting(org.camunda.bpm.model.bpmn.instance.Message::getName).contains(message);
			}
		}
		assertThat(resale.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class))
			.extracting(org.camunda.bpm.model.bpmn.instance.Error::getErrorCode).contains(LoanStages.ERR_PROPERTY_SEALED);
	}

	@Test
	void theWithdrawalContractMatchesItsModel() throws Exception {
		assertContract(cn.example.servicehall.withdrawal.WithdrawalProcess.RESOURCE,
				cn.example.servicehall.withdrawal.WithdrawalProcess.KEY, cn.example.servicehall.withdrawal.WithdrawalProcess.class);
	}

	@Test
	void theRepaymentOffsetContractMatchesItsModel() throws Exception {
		assertContract(cn.example.servicehall.withdrawal.RepaymentOffsetProcess.RESOURCE,
				cn.example.servicehall.withdrawal.RepaymentOffsetProcess.KEY);
		BpmnModelInstance model = models().get(cn.example.servicehall.withdrawal.RepaymentOffsetProcess.RESOURCE);
		assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
			.extracting(org.camunda.bpm.model.bpmn.instance.Message::getName)
			.containsExactly(cn.example.servicehall.withdrawal.RepaymentOffsetProcess.MESSAGE_ENDED);
	}

	@Test
	void everyDecisionTheCodeEvaluatesIsDeployed(@Autowired org.camunda.bpm.engine.RepositoryService repository) {
		java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("LoanEligibility", "DepositTimeCoefficient",
				"WithdrawalAccountEligibility"));
		for (cn.example.servicehall.withdrawal.WithdrawalType type : cn.example.servicehall.withdrawal.WithdrawalType.values()) {
			keys.add(type.decisionKey());
		}
		for (String key : keys) {
			assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().count())
				.as(key).isEqualTo(1);
		}
	}

	private void assertContract(String resource, String key, Class<?>... contracts) throws Exception {
		BpmnModelInstance model = models().get(resource);
		assertThat(model).as(resource).isNotNull();
		assertThat((Object) model.getModelElementById(key)).isInstanceOf(Process.class);
		for (Class<?> contract : contracts) {
			for (Field field : contract.getFields()) {
				if (Modifier.isStatic(field.getModifiers())
						&& (field.getName().startsWith("TASK_") || field.getName().startsWith("END_"))) {
					String id = (String) field.get(null);
					assertThat((Object) model.getModelElementById(id)).as(resource + ": " + field.getName() + " = " + id)
						.isNotNull();
				}
			}
		}
	}

	private Map<String, BpmnModelInstance> models() throws IOException {
		Map<String, BpmnModelInstance> models = new java.util.TreeMap<>();
		for (Map.Entry<String, Resource> entry : this.deployment.models().entrySet()) {
			if (entry.getKey().endsWith(".bpmn")) {
				try (InputStream in = entry.getValue().getInputStream()) {
					models.put(entry.getKey(), Bpmn.readModelFromStream(in));
				}
			}
		}
		assertThat(models).isNotEmpty();
		return models;
	}

}
