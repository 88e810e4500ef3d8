package cn.example.servicehall.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;
import cn.example.servicehall.support.Browser;
import cn.example.servicehall.support.KeycloakBrowserTest;

/**
 * Cockpit is a window, not a back door: a hall manager signed in to the consoles reads processes, instances and
 * variables, but every request through the consoles' own API that would change the engine (variables, modification,
 * suspension, job retries, deletion, a task claimed or completed, the admin app) is refused and changes nothing; an
 * administrator's is carried out. Requests carry Camunda's CSRF token, as Cockpit sends them, so that only the fence
 * refuses them.
 */
class ConsoleFenceIT extends KeycloakBrowserTest {

	private static final Duration PAGE = Duration.ofSeconds(30);

	private static final String ENGINE = "/camunda/api/engine/engine/default";

	private static final String PROBE = "ConsoleFenceProbe";

	@Autowired
	private LocalKeycloak keycloak;

	@Autowired
	private ProcessEngine engine;

	private String deployment;

	private ProcessInstance instance;

	@BeforeEach
	void runAProcessWithATaskATimerAndAVariable() {
		// a model of the test's own, so that no loan rule (nor another test's case) is involved
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE)
			.name("控制台只读检查")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.parallelGateway("Gateway_Fork")
			.userTask("Task_Probe")
			.name("核对")
			.camundaCandidateGroups("hpf-acceptance-clerk")
			.endEvent()
			.moveToNode("Gateway_Fork")
			.intermediateCatchEvent("Timer_Probe")
			.timerWithDuration("P1D")
			.endEvent()
			.done();
		this.deployment = this.engine.getRepositoryService()
			.createDeployment()
			.name(PROBE)
			.addModelInstance(PROBE + ".bpmn", model)
			.deploy()
			.getId();
		this.instance = this.engine.getRuntimeService()
			.startProcessInstanceByKey(PROBE, Map.of("materialsComplete", false));
	}

	@AfterEach
	void removeIt() {
		this.engine.getRepositoryService().deleteDeployment(this.deployment, true);
	}

	@Test
	void aManagerReadsTheConsolesAndChangesNothing() throws Exception {
		this.keycloak.awaitReady();
		String id = this.instance.getId();
		Task task = this.engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
		Job timer = this.engine.getManagementService().createJobQuery().processInstanceId(id).singleResult();

		try (Browser browser = signIn("manager1")) {
			WebDriver page = browser.driver();

			// Cockpit shows the processes, the instance and its variables
			page.get(HALL + "/camunda/app/cockpit/default/#/processes");
			browser.waiting(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "控制台只读检查"));
			page.get(HALL + "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime?tab=variables-tab");
			browser.waiting(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "materialsComplete"));
			browser.screenshot("cockpit-manager-variables");
			Console console = Console.of(page);

			// reads through the consoles' API: 200
			for (Call read : List.of(new Call("GET", ENGINE + "/process-definition?key=" + PROBE, null),
					new Call("POST", ENGINE + "/process-instance", "{\"processDefinitionKey\":\"" + PROBE + "\"}"),
					new Call("POST", ENGINE + "/process-instance/count", "{}"),
					new Call("GET", ENGINE + "/process-instance/" + id + "/variables", null),
					new Call("POST", ENGINE + "/variable-instance?firstResult=0&maxResults=50",
							"{\"processInstanceIdIn\":[\"" + id + "\"]}"),
					new Call("POST", ENGINE + "/history/process-instance", "{\"processInstanceId\":\"" + id + "\"}"),
					new Call("POST", ENGINE + "/task", "{\"processInstanceId\":\"" + id + "\"}"),
					new Call("POST", "/camunda/api/cockpit/plugin/base/default/process-instance",
							"{\"processDefinitionKey\":\"" + PROBE + "\"}"),
					new Call("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null),
					new Call("GET", "/camunda/api/admin/auth/user/default", null))) {
				HttpResponse<String> answer = console.send(read);
				assertThat(answer.statusCode()).as(read + " " + answer.body()).isEqualTo(200);
			}
			assertThat(console.send(new Call("GET", ENGINE + "/process-instance/" + id + "/variables", null)).body())
				.contains("materialsComplete");

			// writes through the consoles' API: refused in Camunda's own error format, which Cockpit shows
			for (Call write : List.of(
					new Call("POST", ENGINE + "/process-instance/" + id + "/variables",
							"{\"modifications\":{\"materialsComplete\":{\"value\":true,\"type\":\"Boolean\"}}}"),
					new Call("PUT", ENGINE + "/process-instance/" + id + "/variables/materialsComplete",
							"{\"value\":true,\"type\":\"Boolean\"}"),
					new Call("DELETE", ENGINE + "/process-instance/" + id + "/variables/materialsComplete", null),
					new Call("POST", ENGINE + "/process-instance/" + id + "/modification",
							"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_Probe\"}]}"),
					new Call("PUT", ENGINE + "/process-instance/" + id + "/suspended", "{\"suspended\":true}"),
					new Call("PUT", ENGINE + "/job/" + timer.getId() + "/retries", "{\"retries\":0}"),
					new Call("PUT", ENGINE + "/job/" + timer.getId() + "/suspended", "{\"suspended\":true}"),
					new Call("POST", ENGINE + "/job/" + timer.getId() + "/execute", null),
					new Call("DELETE", ENGINE + "/process-instance/" + id, null),
					new Call("POST", ENGINE + "/process-instance/delete", "{\"processInstanceIds\":[\"" + id + "\"]}"),
					new Call("POST", ENGINE + "/process-definition/key/" + PROBE + "/start", "{}"),
					new Call("POST", ENGINE + "/task/" + task.getId() + "/claim", "{\"userId\":\"manager1\"}"),
					new Call("POST", ENGINE + "/task/" + task.getId() + "/complete", "{}"),
					new Call("POST", ENGINE + "/authorization/create",
							"{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"manager1\",\"resourceType\":0,\"resourceId\":\"*\"}"),
					new Call("GET", "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated", null),
					new Call("POST", "/camunda/api/admin/auth/user/default/login/cockpit", "username=admin1&password=x"))) {
				HttpResponse<String> answer = console.send(write);
				assertThat(answer.statusCode()).as(write + " " + answer.body()).isEqualTo(403);
				assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/json"));
				assertThat(answer.body()).contains("\"type\":\"AuthorizationException\"").contains("系统管理员");
			}

			// nothing changed in the engine
			assertThat(this.engine.getRuntimeService().getVariable(id, "materialsComplete")).isEqualTo(false);
			ProcessInstance still = this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId(id)
				.singleResult();
			assertThat(still).isNotNull();
			assertThat(still.isSuspended()).isFalse();
			assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROBE).count())
				.isEqualTo(1);
			Task sameTask = this.engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
			assertThat(sameTask.getAssignee()).isNull();
			Job sameTimer = this.engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
			assertThat(sameTimer.getRetries()).isEqualTo(timer.getRetries());
			assertThat(sameTimer.isSuspended()).isFalse();
			assertThat(this.engine.getAuthorizationService().createAuthorizationQuery().userIdIn("manager1").count())
				.isZero();

			// in Cockpit itself, changing the variable fails with the fence's words and leaves it as it was
			page.get(HALL + "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime?tab=variables-tab");
			editVariableInCockpit(browser);
			browser.waiting(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "系统管理员"));
			browser.screenshot("cockpit-manager-variable-edit-refused");
			assertThat(this.engine.getRuntimeService().getVariable(id, "materialsComplete")).isEqualTo(false);

			// Tasklist and Admin are not a manager's
			page.get(HALL + "/camunda/app/tasklist/default/");
			assertThat(page.getPageSource()).doesNotContain("camunda-tasklist-bootstrap");
		}
	}

	@Test
	void anAdministratorChangesTheEngineThroughTheConsoles() throws Exception {
		this.keycloak.awaitReady();
		String id = this.instance.getId();
		try (Browser browser = signIn("admin1")) {
			WebDriver page = browser.driver();
			page.get(HALL + "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime?tab=variables-tab");
			browser.waiting(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "materialsComplete"));

			HttpResponse<String> changed = Console.of(page)
				.send(new Call("POST", ENGINE + "/process-instance/" + id + "/variables",
						"{\"modifications\":{\"materialsComplete\":{\"value\":true,\"type\":\"Boolean\"}}}"));

			assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
			assertThat(this.engine.getRuntimeService().getVariable(id, "materialsComplete")).isEqualTo(true);
		}
	}

	private void editVariableInCockpit(Browser browser) {
		WebDriver page = browser.driver();
		browser.waiting(PAGE).until(ExpectedConditions.elementToBeClickable(
				By.xpath("//tr[.//*[text()='materialsComplete']]//*[contains(@class, 'glyphicon-pencil')]/..")))
			.click();
		browser.waiting(PAGE)
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//tr[.//*[text()='materialsComplete']]//input[@type='checkbox']")))
			.click();
		page.findElement(By.xpath("//tr[.//*[text()='materialsComplete']]//*[contains(@class, 'glyphicon-ok')]/..")).click();
	}

	private Browser signIn(String username) {
		Browser browser = Browser.open();
		WebDriver page = browser.driver();
		page.get(HALL + "/");
		browser.signInAtKeycloak(username, this.keycloak.launcher().secrets().demoPassword());
		browser.waiting(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-name")));
		return browser;
	}

	record Call(String method, String path, String body) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** The consoles' API as the signed-in browser calls it: its session and Camunda's CSRF token. */
	private record Console(HttpClient http, String cookies, String csrfToken) {

		static Console of(WebDriver page) {
			StringBuilder cookies = new StringBuilder();
			String csrf = null;
			for (Cookie cookie : page.manage().getCookies()) {
				cookies.append(cookies.isEmpty() ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
				if (cookie.getName().equals("XSRF-TOKEN")) {
					csrf = cookie.getValue();
				}
			}
			assertThat(csrf).as("Camunda's CSRF cookie").isNotNull();
			return new Console(HttpClient.newHttpClient(), cookies.toString(), csrf);
		}

		HttpResponse<String> send(Call call) throws IOException, InterruptedException {
			boolean form = call.body() != null && !call.body().startsWith("{");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(HALL + call.path()))
				.header("Cookie", this.cookies)
				.header("X-XSRF-TOKEN", this.csrfToken)
				.header("Accept", "application/json")
				.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(call.body()));
			if (call.body() != null) {
				request.header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
