package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

/**
 * The buttons that take back or replace an upload: on the sales office's case page for the agent, on the case page
 * for the counter clerk; the pages then list only the uploads that count, the history says who withdrew, replaced
 * and downloaded what, and once the materials are accepted the buttons are gone.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class MaterialWithdrawalPagesIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Test
	void theAgentAndTheClerkWithdrawAndReplaceUploadsOnTheirPagesUntilAcceptance() throws Exception {
		OidcLoginRequestPostProcessor agent = SignedIn.developerAgent(this.registrations, "agent-a",
				NewHouseSales.COMPANY_A);
		OidcLoginRequestPostProcessor clerk = SignedIn.as(this.registrations, "clerk1", "王", "晓明",
				Groups.HPF_ACCEPTANCE_CLERK);
		String caseNo = submit();
		String salesOffice = "/sales-office/cases/" + caseNo;

		upload(agent, salesOffice + "/materials/INCOME_PROOF", "收入证明.pdf", pdf(1));
		HtmlPage page = HtmlPage.parse(page(get(salesOffice).with(agent), 200));
		HtmlPage.Node uploaded = page.get("#material-INCOME_PROOF li[data-upload]");
		String first = uploaded.attr("data-upload");
		assertThat(uploaded.get(".so-upload-name").text()).startsWith("收入证明.pdf");
		assertThat(uploaded.get(".upload-withdraw-form button").text()).isEqualTo("撤回");
		assertThat(uploaded.get(".replace-form button").text()).isEqualTo("替换");

		// replaced by another file: the page shows the new one only
		MvcResult replaced = this.mvc.perform(multipart(salesOffice + "/materials/" + first + "/replacement")
			.file(new MockMultipartFile("file", "收入证明-盖章.pdf", "application/pdf", pdf(2)))
			.with(agent).with(csrf())).andReturn();
		assertThat(replaced.getFlashMap().get("flashProblem")).isNull();
		page = HtmlPage.parse(page(get(salesOffice).with(agent), 200));
		assertThat(page.texts("#material-INCOME_PROOF .so-upload-name")).singleElement().asString()
			.startsWith("收入证明-盖章.pdf");
		String second = page.get("#material-INCOME_PROOF li[data-upload]").attr("data-upload");

		// the clerk looks at it and then takes it back at the counter
		HtmlPage casePage = HtmlPage.parse(page(get("/cases/" + caseNo).with(clerk), 200));
		assertThat(casePage.all("tr[data-upload=" + second + "] .material-withdraw-form")).hasSize(1);
		assertThat(casePage.all("tr[data-upload=" + first + "]")).isEmpty();
		page(get("/cases/" + caseNo + "/materials/" + second).with(clerk), 200);
		this.mvc.perform(post("/cases/" + caseNo + "/materials/" + second + "/withdrawal").with(clerk).with(csrf()));
		casePage = HtmlPage.parse(page(get("/cases/" + caseNo).with(clerk), 200));
		assertThat(casePage.all("tbody[data-material=INCOME_PROOF] tr[data-upload]")).isEmpty();
		assertThat(casePage.texts("#timeline tr[data-action=MATERIAL_REPLACED] .action")).containsExactly("替换材料");
		assertThat(casePage.all("#timeline tr[data-action=MATERIAL_DOWNLOADED][data-actor=clerk1]")).hasSize(1);
		assertThat(casePage.all("#timeline tr[data-action=MATERIAL_WITHDRAWN][data-actor=clerk1]")).hasSize(1);
		assertThat(casePage.get("#timeline tr[data-action=MATERIAL_WITHDRAWN] .remark").text())
			.isEqualTo("借款人及共同借款人收入证明：收入证明-盖章.pdf");
		// the sales office sees the history too
		page = HtmlPage.parse(page(get(salesOffice).with(agent), 200));
		assertThat(page.all("#so-history tr[data-action=MATERIAL_WITHDRAWN]")).hasSize(1);
		assertThat(page.all("#material-INCOME_PROOF li[data-upload]")).isEmpty();

		// accepted: no more buttons, and a form posted from an old page is refused in words
		upload(agent, salesOffice + "/materials/INCOME_PROOF", "收入证明.pdf", pdf(3));
		Api clerkApi = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		assertThat(clerkApi.post("/api/loan/applications/" + caseNo + "/acceptance",
				NewHouseSales.everyMaterialProvided()).getStatusCode()).isEqualTo(HttpStatus.OK);
		LoanFixtures.runJobs(this.engine, caseNo);
		page = HtmlPage.parse(page(get(salesOffice).with(agent), 200));
		String third = page.get("#material-INCOME_PROOF li[data-upload]").attr("data-upload");
		assertThat(page.all(".upload-withdraw-form")).isEmpty();
		assertThat(page.all(".replace-form")).isEmpty();
		assertThat(HtmlPage.parse(page(get("/cases/" + caseNo).with(clerk), 200)).all(".material-withdraw-form")).isEmpty();
		MvcResult late = this.mvc.perform(post(salesOffice + "/materials/" + third + "/withdrawal").with(agent)
			.with(csrf())).andReturn();
		assertThat((String) late.getFlashMap().get("flashProblem")).contains("已由公积金中心受理");
	}

	private String submit() {
		ResponseEntity<Map<String, Object>> created = Api
			.as(this.http, TestTokens.developerAgent("agent-a", NewHouseSales.COMPANY_A))
			.post("/api/loan/new-house-applications",
					NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, "钱七", LoanFixtures.newBuyerIdNumber()),
					UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		Map<String, Object> caseFile = (Map<String, Object>) created.getBody().get("caseFile");
		return (String) caseFile.get("caseNo");
	}

	private void upload(OidcLoginRequestPostProcessor who, String path, String name, byte[] content) throws Exception {
		MvcResult result = this.mvc.perform(multipart(path)
			.file(new MockMultipartFile("file", name, "application/pdf", content)).with(who).with(csrf())).andReturn();
		assertThat(result.getFlashMap().get("flashProblem")).as(path).isNull();
	}

	private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(status);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static byte[] pdf(int pages) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			document.save(out);
			return out.toByteArray();
		}
	}

}
