package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.SyntheticCitizens;
import cn.example.servicehall.support.SyntheticCitizens.Citizen;
import cn.example.servicehall.support.TestTokens;

/**
 * The start page's inbox and case list, and the API behind them, with more work than a page holds: one page at a
 * time with where it stands ("第 1–20 条，共 23 条") and links to the next, the page and the search kept in the
 * address; a case found by its number, its applicant's ID number (all of it or its last digits) or name; and the
 * fences kept while searching (a developer agent finds only their company's cases).
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class InboxAndCaseListsIT {

	private static final String COMPANY_A = "91350100M000100Y43";

	private static final String COMPANY_B = "91110000600037341L";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TaskService tasks;

	@Autowired
	private RepositoryService repository;

	@Autowired
	private RuntimeService runtime;

	@Test
	@DisplayName("待办和案件分页：每页 20 条待办、10 件案件，显示第几条、共几条，有下一页链接，页码和搜索留在地址里")
	void showsOnePageAtATimeWithWhereItStandsAndLinksOnward() throws Exception {
		List<String> submitted = submitMany("慕容晓", 23);

		HtmlPage first = html(get("/").param("q", "慕容晓").with(clerk()), 200);
		assertThat(first.get("#search").value()).isEqualTo("慕容晓");
		assertThat(first.all("#inbox tbody tr")).hasSize(20);
		assertThat(first.get("#inbox-range").text()).isEqualTo("第 1–20 条，共 23 条");
		assertThat(first.get("#inbox-count").text()).isEqualTo("23");
		assertThat(first.first("#inbox-prev")).isEmpty();
		String next = first.get("#inbox-next").attr("href");
		assertThat(next).contains("inbox=2").contains("q=%E6%85%95%E5%AE%B9%E6%99%93");
		assertThat(first.all("#cases tbody tr")).hasSize(10);
		assertThat(first.get("#cases-range").text()).isEqualTo("第 1–10 条，共 23 条");
		assertThat(first.get("#cases-next").attr("href")).contains("cases=2").contains("q=");
		// newest first: the last one submitted heads the list
		assertThat(first.all("#cases tbody tr").get(0).text()).contains(submitted.get(22));

		HtmlPage second = html(get(java.net.URI.create(next)).with(clerk()), 200);
		assertThat(second.all("#inbox tbody tr")).hasSize(3);
		assertThat(second.get("#inbox-range").text()).isEqualTo("第 21–23 条，共 23 条");
		assertThat(second.first("#inbox-next")).isEmpty();
		assertThat(second.get("#inbox-prev").attr("href")).contains("inbox=1");
		// the other list stays where it was
		assertThat(second.get("#cases-range").text()).isEqualTo("第 1–10 条，共 23 条");

		HtmlPage last = html(get("/").param("q", "慕容晓").param("cases", "3").with(clerk()), 200);
		assertThat(last.get("#cases-range").text()).isEqualTo("第 21–23 条，共 23 条");
		assertThat(last.all("#cases tbody tr").get(2).text()).contains(submitted.get(0));
		// past the end (a bookmark from yesterday): the last page, not an empty one
		assertThat(html(get("/").param("q", "慕容晓").param("cases", "9").with(clerk()), 200).get("#cases-range").text())
			.isEqualTo("第 21–23 条，共 23 条");
		assertThat(html(get("/").param("q", "慕容晓").param("cases", "abc").with(clerk()), 200).get("#cases-range").text())
			.isEqualTo("第 1–10 条，共 23 条");

		// each inbox line names the applicant, so the clerk calls the right citizen
		assertThat(first.all("#inbox tbody tr").get(0).text()).contains("慕容晓");
	}

	@Test
	@DisplayName("按办件编号、身份证号码（全号或后几位）、姓名查找案件；查无结果时说明")
	void findsACaseByItsNumberTheApplicantsIdNumberOrItsLastDigitsAndTheName() throws Exception {
		Citizen citizen = SyntheticCitizens.next("东方明远");
		String caseNo = submit(citizen);

		for (String typed : List.of(caseNo, caseNo.toLowerCase(), citizen.idNumber(), citizen.idNumber().substring(12),
				citizen.idNumber().substring(14), fullWidth(citizen.idNumber().substring(12)), "东方明远", "东方明",
				" 东方明远 ")) {
			HtmlPage page = html(get("/").param("q", typed).with(clerk()), 200);
			assertThat(page.texts("#cases tbody td.case-no")).as(typed).contains(caseNo);
			assertThat(page.texts("#inbox tbody td.case-no")).as(typed).contains(caseNo);
		}
		// the beginning of a case number: that day's cases, the newest first
		HtmlPage ofTheDay = html(get("/").param("q", caseNo.substring(0, 10)).with(clerk()), 200);
		assertThat(ofTheDay.texts("#cases tbody td.case-no")).startsWith(caseNo).allMatch(no -> no.startsWith(caseNo.substring(0, 10)));
		assertThat(ofTheDay.get("#search-kind").text()).isEqualTo("按办件编号查找（以“" + caseNo.substring(0, 10) + "”开头）");
		HtmlPage byId = html(get("/").param("q", citizen.idNumber()).with(clerk()), 200);
		assertThat(byId.texts("#cases tbody td.case-no")).containsExactly(caseNo);
		assertThat(byId.get("#search-kind").text()).isEqualTo("按身份证号码查找");
		assertThat(html(get("/").param("q", citizen.idNumber().substring(14)).with(clerk()), 200).get("#search-kind").text())
			.isEqualTo("按身份证号码后 4 位查找");
		assertThat(html(get("/").param("q", "东方明").with(clerk()), 200).get("#search-kind").text())
			.isEqualTo("按姓名查找（以“东方明”开头）");

		HtmlPage nothing = html(get("/").param("q", "查无此人").with(clerk()), 200);
		assertThat(nothing.all("#cases")).isEmpty();
		assertThat(nothing.get("#cases-empty").text()).isEqualTo("没有与“查无此人”相符的案件。");
		assertThat(nothing.get("#inbox-empty").text()).isEqualTo("没有与“查无此人”相符的待办。");
		assertThat(nothing.get("#search-clear").attr("href")).isEqualTo("/");

		HtmlPage tooShort = html(get("/").param("q", "313").with(clerk()), 200);
		assertThat(tooShort.get("#search-kind").text()).isEqualTo("请输入完整的办件编号、身份证号码或其后至少 4 位，或姓名");
		assertThat(tooShort.all("#cases tbody tr")).isEmpty();

		// a claim from a searched page comes back to the same search
		String taskId = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
		MvcResult claimed = this.mvc.perform(post("/tasks/" + taskId + "/claim").param("q", "东方明远").param("inbox", "3")
			.with(clerk())
			.with(csrf())).andReturn();
		assertThat(claimed.getResponse().getRedirectedUrl()).isEqualTo("/?q=%E4%B8%9C%E6%96%B9%E6%98%8E%E8%BF%9C&inbox=3");
		assertThat(claimed.getFlashMap().get("flashKey")).isEqualTo("workbench.flash.claimed");
		// the hidden fields of the claim forms carry the search along
		assertThat(body(get("/").param("q", "东方明远").with(clerk()), 200))
			.contains("<input type=\"hidden\" name=\"q\" value=\"东方明远\">");
	}

	@Test
	@DisplayName("搜索也守住围栏：开发企业经办人只能查到本企业的案件")
	void aDeveloperAgentFindsOnlyTheirOwnCompanysCases() throws Exception {
		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", COMPANY_A));
		Api agentB = Api.as(this.http, TestTokens.developerAgent("agent-b", COMPANY_B));
		Citizen ofA = SyntheticCitizens.next("司马甲");
		Citizen ofB = SyntheticCitizens.next("司马乙");
		String caseOfA = submitOnline(agentA, NewHouseSales.COMPANY_A, ofA);
		String caseOfB = submitOnline(agentB, NewHouseSales.COMPANY_B, ofB);

		String b = body(get("/").param("q", "司马").with(agent("agent-b", COMPANY_B)), 200);
		assertThat(HtmlPage.parse(b).texts("#cases tbody td.case-no")).contains(caseOfB).doesNotContain(caseOfA);
		assertThat(b).doesNotContain("司马甲");
		for (String typed : List.of(caseOfA, ofA.idNumber(), ofA.idNumber().substring(12), "司马甲")) {
			HtmlPage page = html(get("/").param("q", typed).with(agent("agent-b", COMPANY_B)), 200);
			assertThat(page.all("#cases tbody tr")).as(typed).isEmpty();
			assertThat(page.get("#cases-total").text()).as(typed).isEqualTo("0");
			assertThat(total(agentB.get("/api/cases?q=" + typed))).as(typed).isZero();
		}
		assertThat(caseNumbers(agentA.get("/api/cases?q=司马").getBody())).containsExactly(caseOfA);

		// staff find both; only the acceptance clerks have their steps in the inbox
		HtmlPage clerk = html(get("/").param("q", "司马").with(clerk()), 200);
		assertThat(clerk.texts("#cases tbody td.case-no")).contains(caseOfA, caseOfB);
		assertThat(clerk.texts("#inbox tbody td.case-no")).contains(caseOfA, caseOfB);
		HtmlPage registry = html(get("/").param("q", "司马").with(signedIn("registry1", "杨", "秀英", "registry-clerk")), 200);
		assertThat(registry.texts("#cases tbody td.case-no")).contains(caseOfA, caseOfB);
		assertThat(registry.all("#inbox tbody tr")).isEmpty();
		assertThat(Api.as(this.http, TestTokens.user("registry1", "registry-clerk")).getList("/api/tasks?q=司马")
			.getBody()).isEmpty();
	}

	@Test
	@DisplayName("接口分页：GET /api/tasks 和 GET /api/cases 接受 page、size、q，给出总数；不带参数时与从前一样")
	void pagesAndSearchesTheApi() {
		List<String> submitted = submitMany("上官测", 3);
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));

		ResponseEntity<List<Map<String, Object>>> firstTwo = clerk.getList("/api/tasks?q=上官测&size=2");
		assertThat(firstTwo.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(firstTwo.getBody()).hasSize(2);
		assertThat(firstTwo.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
		assertThat(firstTwo.getHeaders().getFirst("Link")).contains("page=1").contains("rel=\"next\"");
		ResponseEntity<List<Map<String, Object>>> third = clerk.getList("/api/tasks?q=上官测&size=2&page=1");
		assertThat(third.getBody()).hasSize(1);
		assertThat(third.getHeaders().getFirst("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
		List<Object> found = new ArrayList<>(firstTwo.getBody().stream().map(t -> t.get("caseNo")).toList());
		found.add(third.getBody().get(0).get("caseNo"));
		assertThat(found).containsExactlyInAnyOrderElementsOf(submitted);

		// an existing client asks without parameters: still the whole inbox as a list, now with its count
		ResponseEntity<List<Map<String, Object>>> all = clerk.getList("/api/tasks");
		assertThat(all.getBody()).extracting(t -> t.get("caseNo")).containsAll(submitted);
		assertThat(Long.parseLong(all.getHeaders().getFirst("X-Total-Count"))).isEqualTo(all.getBody().size());

		Map<String, Object> cases = clerk.get("/api/cases?q=上官测&size=2").getBody();
		assertThat(total(cases)).isEqualTo(3);
		assertThat(caseNumbers(cases)).containsExactly(submitted.get(2), submitted.get(1));
		assertThat(caseNumbers(clerk.get("/api/cases?q=" + submitted.get(0)).getBody())).containsExactly(submitted.get(0));

		for (String wrong : List.of("/api/tasks?size=501", "/api/tasks?size=0", "/api/tasks?page=-1",
				"/api/cases?size=201", "/api/cases?q=" + "张".repeat(51))) {
			ResponseEntity<Map<String, Object>> refused = clerk.get(wrong);
			assertThat(refused.getStatusCode()).as(wrong).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType()).as(wrong).hasToString("application/problem+json");
		}
	}

	@Test
	@DisplayName("待办的案件编号：案件的步骤带其案件编号（来自案件的各部分）；不属于任何案件的流程的步骤带其业务键")
	void eachInboxLineCarriesItsCaseNumber() {
		List<String> submitted = submitMany("欧阳号", 2);
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
		assertThat(clerk.getList("/api/tasks?q=欧阳号").getBody()).extracting(t -> t.get("caseNo"))
			.containsExactlyInAnyOrderElementsOf(submitted);

		// a process no case part drives (an administrator's trial model): its line shows the engine's business key
		String key = "InboxTrial" + UUID.randomUUID().toString().substring(0, 8);
		this.repository.createDeployment()
			.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("Task_Trial")
				.camundaAssignee("trial-reviewer")
				.endEvent()
				.done())
			.deploy();
		this.runtime.startProcessInstanceByKey(key, "TRIAL-" + key);
		Api trial = Api.as(this.http, TestTokens.user("trial-reviewer", "hpf-first-reviewer"));
		assertThat(trial.getList("/api/tasks").getBody()).filteredOn(t -> "Task_Trial".equals(t.get("step")))
			.extracting(t -> t.get("caseNo"))
			.containsExactly("TRIAL-" + key);
	}

	@Test
	@DisplayName("大厅图标：favicon.svg 和 favicon.ico 无需登录即可取得，页面引用它们")
	void servesTheHallsFavicon() throws Exception {
		ResponseEntity<byte[]> ico = this.http.exchange("/favicon.ico", HttpMethod.GET, null, byte[].class);
		assertThat(ico.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ico.getBody()).startsWith(0, 0, 1, 0);
		ResponseEntity<String> svg = this.http.exchange("/favicon.svg", HttpMethod.GET, null, String.class);
		assertThat(svg.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(svg.getHeaders().getContentType()).hasToString("image/svg+xml");
		assertThat(svg.getBody()).contains("<svg").contains("viewBox");

		HtmlPage home = html(get("/").with(clerk()), 200);
		assertThat(home.get("link[rel=icon][type=image/svg+xml]").attr("href")).isEqualTo("/favicon.svg");
		assertThat(home.get("link[rel=icon][type=image/x-icon]").attr("href")).isEqualTo("/favicon.ico");
	}

	private List<String> submitMany(String name, int count) {
		List<String> caseNumbers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			caseNumbers.add(submit(SyntheticCitizens.next(name)));
		}
		return caseNumbers;
	}

	private String submit(Citizen citizen) {
		SyntheticCitizens.register(this.jdbc, citizen);
		ResponseEntity<Map<String, Object>> created = Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/resale-applications", SyntheticCitizens.application(citizen), UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return caseNo(created);
	}

	private String submitOnline(Api agent, String company, Citizen citizen) {
		SyntheticCitizens.register(this.jdbc, citizen);
		ResponseEntity<Map<String, Object>> created = agent.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, company, citizen.name(), citizen.idNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return caseNo(created);
	}

	@SuppressWarnings("unchecked")
	private static String caseNo(ResponseEntity<Map<String, Object>> created) {
		return (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
	}

	private static long total(ResponseEntity<Map<String, Object>> list) {
		assertThat(list.getStatusCode()).as(String.valueOf(list.getBody())).isEqualTo(HttpStatus.OK);
		return total(list.getBody());
	}

	private static long total(Map<String, Object> list) {
		return ((Number) list.get("total")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<String> caseNumbers(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("items")).stream().map(c -> (String) c.get("caseNo")).toList();
	}

	/** The digits as a Chinese input method types them: ４１０８… */
	private static String fullWidth(String digits) {
		StringBuilder wide = new StringBuilder();
		digits.chars().forEach(c -> wide.append((char) (c == 'X' ? 'Ｘ' : c - '0' + '０')));
		return wide.toString();
	}

	private HtmlPage html(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		return HtmlPage.parse(body(request, expectedStatus));
	}

	private String body(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body;
	}

	private OidcLoginRequestPostProcessor clerk() {
		return signedIn("clerk1", "王", "晓明", "hpf-acceptance-clerk");
	}

	private OidcLoginRequestPostProcessor agent(String username, String company) {
		return SignedIn.developerAgent(this.registrations, username, company);
	}

	private OidcLoginRequestPostProcessor signedIn(String username, String familyName, String givenName,
			String... groups) {
		return SignedIn.as(this.registrations, username, familyName, givenName, groups);
	}

}
